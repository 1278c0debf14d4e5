"""The site's interface labels: looked up in the one catalogue, :mod:`generators.words` (vocabulary
labels come from the data)."""

from __future__ import annotations

from generators.words import word


def t(key: str, lang: str, **params: object) -> str:
    return word(key, lang, **params)
