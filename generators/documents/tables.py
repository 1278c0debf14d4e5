"""Column widths of printed tables, from their content.

A column whose every cell (header included) is short — IDs, dates, grades, statuses, serial
numbers, town names — is sized to its widest cell and never wraps; the columns of running text
share the rest in proportion to how much text they hold. Typst (``fr``) and Word get the same
split, as shares of the block's width. A row is kept on one page unless it would not fit on
one (then it may break, or it would run off the page).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TABLE_PT = 14  # tables print in 4号; wide lists in 小四 (12 pt)
SMALL_PT = 12  # 小四: a table whose running text would be squeezed in 4号 steps down to it
MM_PER_PT = 25.4 / 72
# (width, height) of the block, portrait and landscape: a landscape page is the portrait sheet
# turned, its block 225 mm across and 156 mm high (docs/print-format.md).
BLOCK_MM = {False: (156, 225), True: (225, 156)}
CELL_INSET_EM = 0.75 + 0.1  # the inset (0.25 em left, 0.5 em right) and a little slack so a fixed cell never wraps
NARROW = frozenset("-.,:;'()[]|!")  # a third of an em in the 仿宋 faces (FandolFang: "-" 0.333 em)
WIDE = frozenset("%@&#MWmw")  # nearly an em (FandolFang: "%" 0.833 em)
FIXED_MAX_EM = 7.0  # a column no wider than this (plus inset) is sized to its content: IDs, dates, grades
MIN_TEXT_EM = 4.0  # a text column never narrower than four characters
READABLE_EM = 10.0  # a long text column narrower than ten characters wraps every few words: too narrow
ROW_LINE_EM = 1.3  # a table line with its leading, in em
LOOKAHEAD = 8  # half ems a column may widen at once to save a line (see _widths)


@dataclass(frozen=True)
class Layout:
    size_pt: int
    typst: list[str]  # "N.NNfr" per column
    word: list[float]  # fractions of the text width
    fixed: list[bool]
    breakable_rows: frozenset[int]  # indexes (into the body rows) of rows longer than a page


@lru_cache(maxsize=65536)  # the same cells are measured again for every candidate width
def text_em(text: str) -> float:
    """Width in em, a little generous (measured on FandolFang): wide (CJK) characters one em,
    "%" and the like 0.9 (0.833), capitals 0.8 (H 0.74, K 0.77), hyphens, stops and commas a
    third (0.333, 0.278), the others half (digits 0.5)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.9 if ch in WIDE else 0.8 if ch.isupper()
               else 0.34 if ch in NARROW else 0.5 for ch in text)


def layout(header: list[str], rows: list[list[str]], landscape: bool = False, size_pt: int = TABLE_PT) -> Layout:
    """The table's size and column widths: in ``size_pt`` (4号 by default), or in 小四 when in
    4号 a column of long text would be left narrower than ``READABLE_EM`` characters (the
    five-column sieve check: its hazards wrapped every five characters)."""
    table = _layout(header, rows, landscape, size_pt)
    if size_pt > SMALL_PT and _cramped(header, rows, table, landscape):
        return _layout(header, rows, landscape, SMALL_PT)
    return table


def _cramped(header: list[str], rows: list[list[str]], table: Layout, landscape: bool) -> bool:
    """A text column that needs more than ``READABLE_EM`` characters but gets fewer."""
    available = BLOCK_MM[landscape][0] / (table.size_pt * MM_PER_PT)
    for index, (fixed, share) in enumerate(zip(table.fixed, table.word, strict=True)):
        need = max(text_em(cell) for cell in [header[index], *(row[index] for row in rows)])
        if not fixed and need > READABLE_EM and share * available - CELL_INSET_EM < READABLE_EM:
            return True
    return False


def _layout(header: list[str], rows: list[list[str]], landscape: bool, size_pt: int) -> Layout:
    width_mm, height_mm = BLOCK_MM[landscape]
    available = width_mm / (size_pt * MM_PER_PT)
    columns = list(zip(header, *rows, strict=True))
    natural = [max(text_em(cell) for cell in column) + CELL_INSET_EM for column in columns]
    fixed = [n <= FIXED_MAX_EM + CELL_INSET_EM for n in natural]
    if sum(n for n, f in zip(natural, fixed, strict=True) if f) + MIN_TEXT_EM * fixed.count(False) > available:
        fixed = [False] * len(columns)  # too many short columns to keep them all unwrapped
    widths = _widths(columns, natural, fixed, available)
    lines_per_page = height_mm / (size_pt * MM_PER_PT) / ROW_LINE_EM - 2  # less the repeated header
    breakable = frozenset(index for index, row in enumerate(rows)
                          if max(_lines(cell, width) for cell, width in zip(row, widths, strict=True)) > lines_per_page)
    # Every column as its share of the block, in Typst as in Word: a short column is as wide as its
    # widest cell (never narrower: the estimate is generous), so both wrap the text alike and a
    # Word file opened in LibreOffice takes the PDF's pages.
    typst = [f"{w / sum(widths) * 100:.2f}fr" for w in widths]
    return Layout(size_pt, typst, [round(w / available, 4) for w in widths], fixed, breakable)


def _widths(columns: list[tuple[str, ...]], natural: list[float], fixed: list[bool], available: float) -> list[float]:
    """Each column's width in em: fixed ones their natural width; text ones start at their floor
    (:func:`_floors`) and the rest of the width goes, half an em (or a few) at a time,
    to the column where it saves the most lines over the whole table (rows are as tall as their
    tallest cell), so the table takes as few lines — and pages — as its text allows."""
    widths = _floors(natural, fixed, available)
    text = [i for i, f in enumerate(fixed) if not f]
    if not text:
        # Only short columns: the spare width goes to all of them alike.
        spare = max(0.0, available - sum(natural)) / len(natural)
        return [n + spare for n in natural]
    body = [tuple(text_em(cell) for cell in row) for row in list(zip(*columns, strict=True))[1:]]  # rows in em
    step = 0.5
    left = available - sum(widths)
    while left >= step:
        current = _height(body, widths)
        best, saved, steps = None, 0.0, 1
        # The widening that saves the most lines per half em: one half em first, and only when no
        # column gains from one, up to LOOKAHEAD of them (a column of long text may need a whole
        # character or two more before its rows lose a line).
        for reach in (1, LOOKAHEAD):
            for i in text:
                for k in range(1, reach + 1):
                    if widths[i] + k * step > natural[i] + step or k * step > left:
                        break
                    widths[i] += k * step
                    gain = (current - _height(body, widths)) / k
                    widths[i] -= k * step
                    if gain > saved:
                        best, saved, steps = i, gain, k
            if best is not None:
                break
        if best is None:
            # No half em saves a line any more: the rest by the amount of text, up to what each needs.
            growable = [i for i in text if widths[i] < natural[i]] or text
            total = sum(sum(text_em(c) for c in columns[i]) for i in growable) or 1.0
            for i in growable:
                widths[i] += left * sum(text_em(c) for c in columns[i]) / total
            break
        widths[best] += steps * step
        left -= steps * step
    return widths


def _floors(natural: list[float], fixed: list[bool], available: float) -> list[float]:
    """Starting widths: fixed columns their natural width; a column of long text ``READABLE_EM``
    characters and the other text columns four (or less if they need less) when that fits the
    block, else four characters for every text column."""
    short = [n if f else min(n, MIN_TEXT_EM + CELL_INSET_EM) for n, f in zip(natural, fixed, strict=True)]
    readable = [n if f else min(n, (READABLE_EM if n > READABLE_EM + CELL_INSET_EM else MIN_TEXT_EM) + CELL_INSET_EM)
                for n, f in zip(natural, fixed, strict=True)]
    return readable if sum(readable) <= available else short


def _height(rows: list[tuple[float, ...]], widths: list[float]) -> int:
    """Lines the table's rows (their cells' widths in em) take at these column widths (a row as
    tall as its tallest cell)."""
    return sum(max(_lines_em(em, width) for em, width in zip(row, widths, strict=True)) for row in rows)


def _lines(cell: str, width: float) -> int:
    return _lines_em(text_em(cell), width)


def _lines_em(em: float, width: float) -> int:
    return max(1, math.ceil(em / max(0.5, width - CELL_INSET_EM)))
