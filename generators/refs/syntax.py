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


# Markdown code (fenced blocks, inline spans) shows the syntax itself, e.g. in a how-to: not a reference.
_CODE = re.compile(r"^(```|~~~)[^\n]*\n.*?(?:^\1[^\n]*$|\Z)"  # a fenced block, to its fence or the end
                   r"|(`+)[^`\n](?:.*?[^`\n])?\2(?!`)|``",  # an inline span
                   re.MULTILINE | re.DOTALL)


def find_refs(text: str) -> Iterator[RefMatch]:
    code = [(m.start(), m.end()) for m in _CODE.finditer(text)] if "`" in text or "~~~" in text else []
    for match in REF_PATTERN.finditer(text):
        if any(start <= match.start() < end for start, end in code):
            continue
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
