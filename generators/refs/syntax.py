"""Find ``[[target]]`` / ``[[target|label]]`` references in text.

People type these with a Chinese input method, which turns ``[`` into ``【`` or ``［`` and ``|``
into ``｜`` unless they switch to half-width. Those accidents are accepted as the same
reference (``【【ID】】``, ``［［ID］］``, ``[[ID｜文字]]``), and spaces around the target or label
are ignored, so a reference never silently stays raw text because of the input method.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_OPEN = r"(?:\[\[|［［|【【)"
_CLOSE = r"(?:\]\]|］］|】】)"
# Any character but the label bar and a line break, as long as it does not open or close a
# reference: single brackets stay allowed, for document numbers typed as 海安委办[2022]17号.
_INNER = rf"(?:(?!{_OPEN}|{_CLOSE})[^|｜\n])"
REF_PATTERN = re.compile(rf"{_OPEN}({_INNER}+?)(?:[|｜]({_INNER}+?))?{_CLOSE}")


@dataclass(frozen=True)
class RefMatch:
    start: int
    end: int
    target: str
    label: str | None

    @property
    def text(self) -> str:
        return f"[[{self.target}{'|' + self.label if self.label else ''}]]"


def find_refs(text: str) -> Iterator[RefMatch]:
    for match in REF_PATTERN.finditer(text):
        target = match.group(1).strip()
        if not target:
            continue
        label = match.group(2).strip() if match.group(2) else None
        yield RefMatch(match.start(), match.end(), target, label or None)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
