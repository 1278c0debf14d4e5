"""Replace references in text: the site makes links, print makes words (see the callers)."""

from __future__ import annotations

from collections.abc import Callable

from generators.records import Archive
from generators.refs.resolve import resolve
from generators.refs.syntax import RefMatch, find_refs

# (the reference as written, the ID it resolved to or None) -> replacement text
Replacer = Callable[[RefMatch, str | None], str]


def replace_refs(text: str, archive: Archive, replacer: Replacer) -> str:
    parts: list[str] = []
    position = 0
    for match in find_refs(text):
        parts.append(text[position:match.start])
        parts.append(replacer(match, resolve(archive, match.target)))
        position = match.end
    parts.append(text[position:])
    return "".join(parts)
