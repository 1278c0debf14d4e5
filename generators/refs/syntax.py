"""Find ``[[target]]`` / ``[[target|label]]`` references in text.

People type these with a Chinese input method, which turns ``[`` into ``【`` or ``［`` and ``|``
into ``｜`` unless they switch to half-width. Those accidents are accepted as the same
reference (``【【ID】】``, ``［［ID］］``, ``[[ID｜文字]]``), and spaces around the target or label
are ignored, so a reference never silently stays raw text because of the input method.
"""

from __future__ import annotations

import itertools
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


def _code_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CODE.finditer(text)] if "`" in text or "~~~" in text else []


def find_refs(text: str) -> Iterator[RefMatch]:
    code = _code_spans(text)
    for match in REF_PATTERN.finditer(text):
        if any(start <= match.start() < end for start, end in code):
            continue
        if (match.start() > 0 and text[match.start() - 1] in _OPENING) or match.group(1).lstrip()[:1] in _OPENING:
            continue  # the inside of [[[x]]] or [[[[x]]]]: not a reference, see find_malformed
        target = match.group(1).strip()
        if not target:
            continue
        label = match.group(2).strip() if match.group(2) else None
        yield RefMatch(match.start(), match.end(), target, label or None)


_OPENING = "[［【"
_RUN = re.compile(r"[\[［【]{2,}")
_BAR = "|｜"
_ANY_CLOSE = re.compile(_CLOSE)


@dataclass(frozen=True)
class Malformed:
    """Text that starts like a reference but is not one: ``reason`` says why."""

    start: int
    end: int
    reason: str  # nested | empty | unclosed | empty-label | double-bar | empty-target

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def find_malformed(text: str) -> Iterator[Malformed]:
    """Every ``[[`` (or full-width ``［［``/``【【``) outside Markdown code that does not open a
    reference :func:`find_refs` reads: so nothing that looks like a reference stays raw text
    silently. Located at the first opening bracket."""
    code = _code_spans(text)
    valid = [(m.start, m.end) for m in find_refs(text)]
    for run in _RUN.finditer(text):
        start = run.start()
        if any(a <= start < b for a, b in code) or any(a <= start < b for a, b in valid):
            continue
        if len(run.group()) > 2:
            close = _ANY_CLOSE.search(text, run.end())
            end = close.end() if close else run.end()
            while end < len(text) and text[end] in "]］】":
                end += 1
            yield Malformed(start, end, "nested")
            continue
        yield _why(text, start, run.end())


def _why(text: str, start: int, inner_start: int) -> Malformed:
    line_end = text.find("\n", inner_start)
    line_end = len(text) if line_end < 0 else line_end
    close = _ANY_CLOSE.search(text, inner_start, line_end)
    reopen = _RUN.search(text, inner_start, line_end)
    if close is None or (reopen is not None and reopen.start() < close.start()):
        end = reopen.start() if reopen is not None else line_end
        return Malformed(start, len(text[:end].rstrip()), "unclosed")
    inner = text[inner_start:close.start()].strip()
    if not inner:
        reason = "empty"
    elif any(a in _BAR and b in _BAR for a, b in itertools.pairwise(inner)):
        reason = "double-bar"
    elif inner[0] in _BAR:
        reason = "empty-target"
    elif inner[-1] in _BAR:
        reason = "empty-label"
    else:
        reason = "malformed"
    return Malformed(start, close.end(), reason)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
