"""Every PDF `make docs` writes for the example archive, read back with pdfplumber: nothing
outside the type block (a landscape page's too), no glyphs printed over each other, no page holding only
the signature and date, no heading as a page's last line, no title line that splits a word, and
table text inside its cell.

One build per run: the example is rendered through the same content-addressed cache as `make docs`
(build/cache/documents), so after `make docs` nothing renders again; the PDFs are read in parallel.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from documents_helpers import MM, ROOT, open_pdf, splits_a_word

from generators.documents.build import build
from generators.documents.fonts import font_set
from generators.records.load import load_archive

LEFT, RIGHT, TOP, BOTTOM = 28 * MM, (210 - 26) * MM, 37 * MM, (297 - 35) * MM
# A landscape page is the portrait sheet turned a quarter clockwise: its block 225 × 156 mm.
LANDSCAPE = {"left": 35 * MM, "right": (297 - 37) * MM, "top": 28 * MM, "bottom": (210 - 26) * MM}
SLACK = 0.3 * MM  # rounding of glyph boxes
PUNCTUATION = set("，。、；：？！“”‘’（）《》〔〕【】—…·「」『』")
CLOSING = set("，。、；：？！）》」』”’〕】")
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


@pytest.fixture(scope="session")
def example_pdfs(tmp_path_factory) -> list[Path]:
    archive, diagnostics = load_archive(ROOT / "data")
    assert not [d for d in diagnostics if d.is_error]
    out = tmp_path_factory.mktemp("example") / "documents"
    result = build(archive, out, ROOT / "build" / "cache" / "documents", progress=False)
    assert not [d.format("en") for d in result.diagnostics if d.is_error]
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == result.documents > 400
    return pdfs


@pytest.fixture(scope="session")
def problems(example_pdfs) -> dict[str, list[str]]:
    """Every problem of every PDF, by check (read once, in parallel)."""
    found: dict[str, list[str]] = defaultdict(list)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for result in pool.map(inspect, example_pdfs, chunksize=8):
            for check, messages in result.items():
                found[check].extend(messages)
    return found


def lines_of(chars: list[dict]) -> list[list[dict]]:
    rows: dict[float, list[dict]] = defaultdict(list)
    for char in chars:
        if char["text"].strip():
            rows[round(char["bottom"], 0)].append(char)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows)]


def inspect(pdf_path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    with open_pdf(pdf_path) as pdf:
        pages = pdf.pages
        body_pages = []
        for number, page in enumerate(pages, 1):
            where = f"{pdf_path.name} p.{number}"
            if page.height > page.width:  # portrait
                chars = [c for c in page.chars if c["top"] < BOTTOM + 2 * MM]  # the page number is below
                lines = lines_of(chars)
                found["outside"] += _outside(lines, where)
            else:  # the page number is turned with the sheet, at the table's left (pdfplumber calls it upright)
                chars = [c for c in page.chars if abs(c["matrix"][1]) < 0.5]
                lines = lines_of(chars)
                found["outside"] += _outside_landscape(chars, where)
            found["overprint"] += _overprints(lines, where)
            found["cell"] += _cells(page, chars, where)
            body_pages.append((where, lines))
        found["alone"] += _signature_alone(body_pages)
        found["heading"] += _stranded_headings(body_pages)
        found["title"] += _split_titles(body_pages)
    return found


def _outside(lines: list[list[dict]], where: str) -> list[str]:
    """Characters outside the type block. A closing mark that ends a line is measured by its ink,
    the left half of its cell: Typst may set it in that half at a line end (it is then trimmed),
    so its glyph box reaches past the block while the mark itself does not."""
    out = []
    for line in lines:
        for c in line:
            right = c["x1"]
            if c is line[-1] and c["text"] in CLOSING:
                right = c["x0"] + (c["x1"] - c["x0"]) / 2
            if c["x0"] < LEFT - SLACK or right > RIGHT + SLACK or c["top"] < TOP - SLACK - 8:
                out.append(f"{where}: {c['text']!r} at x {c['x0'] / MM:.1f}–{c['x1'] / MM:.1f} mm")
    return out


def _outside_landscape(chars: list[dict], where: str) -> list[str]:
    """Upright characters of a landscape page outside its block (225 × 156 mm)."""
    return [f"{where}: {c['text']!r} at x {c['x0'] / MM:.1f}, y {c['top'] / MM:.1f} mm" for c in chars
            if c["x0"] < LANDSCAPE["left"] - SLACK or c["x1"] > LANDSCAPE["right"] + SLACK
            or c["top"] < LANDSCAPE["top"] - SLACK or c["bottom"] > LANDSCAPE["bottom"] + SLACK]


def _overprints(lines: list[list[dict]], where: str) -> list[str]:
    out = []
    for line in lines:
        for a, b in itertools.pairwise(line):
            if a["text"] in PUNCTUATION and b["text"] in PUNCTUATION:
                continue  # adjacent punctuation squeezed by the typesetter
            if b["x0"] < a["x1"] - 1.0 and abs(a["size"] - b["size"]) < 0.5 and b["x0"] >= a["x0"]:
                out.append(f"{where}: {a['text']!r} and {b['text']!r} overlap at x {b['x0'] / MM:.1f} mm")
    return out


def _cells(page, chars: list[dict], where: str) -> list[str]:
    """No character crosses a table's vertical rule."""
    rules = [e for e in page.edges if e["orientation"] == "v"]
    out = []
    for c in chars:
        for rule in rules:
            inside_y = rule["top"] - 1 <= (c["top"] + c["bottom"]) / 2 <= rule["bottom"] + 1
            if inside_y and c["x0"] + 0.5 < rule["x0"] < c["x1"] - 0.5:
                out.append(f"{where}: {c['text']!r} crosses a table rule at x {rule['x0'] / MM:.1f} mm")
                break
    return out


def _text(line: list[dict]) -> str:
    return "".join(c["text"] for c in line)


def _body(lines: list[list[dict]]) -> list[list[dict]]:
    """The lines in the 3号 body size (16 pt): text, headings, signature."""
    return [line for line in lines if abs(line[0]["size"] - 16) < 0.1]


def _signature_alone(pages: list[tuple[str, list]]) -> list[str]:
    out = []
    for where, lines in pages:
        body = _body(lines)
        if 1 <= len(body) <= 2 and DATE.match(_text(body[-1])) and len(lines) == len(body):
            out.append(f"{where}: only the signature and date: {' / '.join(_text(line) for line in body)}")
    return out


def _is_heading(line: list[dict]) -> bool:
    """一、 in 黑体 or （一） in 楷体 (a numbered paragraph in 仿宋 is text, not a heading)."""
    faces = [font.family.split()[0] for role, font in font_set().chosen.items() if role in ("hei", "kai") and font]
    return bool(HEADING.match(_text(line))) and any(face in line[0]["fontname"] for face in faces)


def _stranded_headings(pages: list[tuple[str, list]]) -> list[str]:
    out = []
    for index, (where, lines) in enumerate(pages[:-1]):
        body = _body(lines)
        if body and _is_heading(body[-1]) and body[-1] is lines[-1] and _body(pages[index + 1][1]):
            out.append(f"{where}: the heading {_text(body[-1])!r} is the page's last line")
    return out


def _split_titles(pages: list[tuple[str, list]]) -> list[str]:
    out = []
    for where, lines in pages:
        title: list[str] = []
        for line in [*lines, []]:
            if line and abs(line[0]["size"] - 22) < 0.1:
                title.append(_text(line))
                continue
            if len(title) > 1 and splits_a_word(title):
                out.append(f"{where}: the title {' | '.join(title)!r} breaks inside a word")
            title = []
    return out


@pytest.mark.parametrize("check", ["outside", "overprint", "alone", "heading", "title", "cell"])
def test_every_printed_page(problems, check):
    listed = problems.get(check, [])
    assert not listed, f"{len(listed)} problems, e.g.:\n" + "\n".join(listed[:15])
