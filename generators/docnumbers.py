"""Document numbers (发文字号) as people type them: the one place that knows their brackets.

A number is written 海安委办〔2022〕17号 — the year in 六角括号 〔〕. People type the year in
whatever brackets their keyboard gives (``[2022]``, ``（2022）``, ``【2022】``, ``［2022］``,
``〖2022〗``), with full-width digits or spaces. :func:`normalise` gives the one reading (the
references resolve it, the partial-archive check compares it); the search index folds every
bracket kind to one with :func:`unify_brackets` (``theme/search/search.js`` mirrors both
bracket lists and is tested against this module in the browser).
"""

from __future__ import annotations

import re
import unicodedata

OPEN = "〔【[(（［〖"
CLOSE = "〕】])）］〗"
_YEAR_IN_BRACKETS = re.compile(f"[{re.escape(OPEN)}]\\s*(\\d{{4}})\\s*[{re.escape(CLOSE)}]")
_UNIFY = str.maketrans({**{c: "[" for c in OPEN}, **{c: "]" for c in CLOSE}})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The one reading of a number (or an ID) typed with other brackets round the year,
    full-width characters or spaces: 海安委办（２０２２）17号 → 海安委办〔2022〕17号."""
    text = _YEAR_IN_BRACKETS.sub(r"〔\1〕", text)
    # NFKC maps full-width ASCII to ASCII but leaves 〔〕 alone, so the brackets survive.
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def unify_brackets(text: str) -> str:
    """Every bracket kind as ``[`` or ``]`` (the search index's keys)."""
    return text.translate(_UNIFY)
