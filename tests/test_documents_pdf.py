"""The notice 海安委办〔2022〕17号 and the other PDFs, read back with pdfplumber and pikepdf:
GB/T 9704-2012 geometry, fonts, colours, page numbers, text, PDF/A and reproducibility."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict

import pikepdf
import pytest
from documents_helpers import ARTIFACTS, MM, SEED, open_pdf

from generators.documents.catalog import documents
from generators.documents.fonts import font_set
from generators.documents.render import render_pdf

PUNCTUATION = set("，。、；：？！“”‘’（）《》〔〕【】—…·")
BLOCK_TOP, BLOCK_BOTTOM, BLOCK_LEFT, BLOCK_RIGHT = 37, 297 - 35, 28, 210 - 26


@pytest.fixture(scope="module")
def notice(built):
    _, out, _, _ = built
    return open_pdf(out / "haianweiban-2022-17.pdf")


def body_lines(page) -> list[list[dict]]:
    rows: dict[float, list[dict]] = defaultdict(list)
    for char in page.chars:
        if abs(char["size"] - 16) < 0.05 and (char["text"].strip() or char["text"] == "\u3000"):
            rows[round(char["top"], 1)].append(char)
    return [sorted(rows[top], key=lambda c: c["x0"]) for top in sorted(rows)]


def page_number_chars(page) -> list[dict]:
    return [c for c in page.chars if abs(c["size"] - 14) < 0.05 and c["top"] > BLOCK_BOTTOM * MM]


def seed_text() -> str:
    # "[bookmark: _GoBack]" is a Word export artefact of the seed and "— 8 —" its page number.
    text = SEED.read_text(encoding="utf-8").replace("[bookmark: _GoBack]", "")
    text = re.sub(r"—\s*8\s*—", "", text)
    return re.sub(r"\s+", "", text)


def test_notice_text_matches_the_seed_word_for_word(notice):
    text = "".join(
        "".join(c["text"] for c in page.chars if c not in page_number_chars(page)) for page in notice.pages
    )
    assert re.sub(r"\s+", "", text) == seed_text()


def test_notice_ends_on_page_eight_like_the_seed(notice):
    last = notice.pages[-1]
    assert len(notice.pages) == 8
    assert "".join(c["text"] for c in page_number_chars(last)) == "— 8 —"


def test_full_page_has_22_lines_and_the_text_block_margins(notice):
    page = notice.pages[2]  # a full page of the attachment
    lines = body_lines(page)
    assert len(lines) == 22
    left = min(c["x0"] for line in lines for c in line) / MM
    top = min(c["top"] for line in lines for c in line) / MM
    assert abs(left - BLOCK_LEFT) < 1
    assert abs(top - BLOCK_TOP) < 1
    # The 22nd line's cell ends on the block's bottom edge (pitch = 225 mm / 22).
    pitch = (lines[-1][0]["top"] - lines[0][0]["top"]) / 21 / MM
    assert abs(pitch - 225 / 22) < 0.05
    assert abs(lines[-1][0]["top"] / MM + pitch - BLOCK_BOTTOM) < 1
    # The longest lines end on the right edge; nothing passes it.
    right = max(c["x1"] for line in lines for c in line if c["text"] not in PUNCTUATION) / MM
    assert abs(right - BLOCK_RIGHT) < 1


def cells(line: list[dict]) -> float:
    """Grid cells a line fills: the indent, then each character's advance in half cells
    (Typst sets adjacent CJK punctuation, and an opening bracket starting a line, half wide)."""
    cell = 156 / 28 * MM
    total = round((max(line[0]["x0"], BLOCK_LEFT * MM) - BLOCK_LEFT * MM) / cell)
    for char, following in zip(line, line[1:] + [None], strict=False):
        end = following["x0"] if following else min(char["x1"], char["x0"] + cell)
        start = max(char["x0"], BLOCK_LEFT * MM) if char is line[0] else char["x0"]
        total += round((end - start) / cell * 2) / 2
    return total


def test_full_lines_hold_28_characters(notice):
    """Every line of Chinese that reaches the right edge fills 28 cells: 28 characters, or
    26 after a paragraph's two-character indent. Lines with half-width digits are left out."""
    counted = []
    for page in notice.pages[2:7]:
        for line in body_lines(page):
            text = "".join(c["text"] for c in line)
            if abs(line[-1]["x1"] / MM - BLOCK_RIGHT) > 1 or re.search(r"[ -~]", text):
                continue
            counted.append(cells(line))
            if not set(text) & PUNCTUATION:
                assert len(line) + round((line[0]["x0"] / MM - BLOCK_LEFT) / (156 / 28)) == 28
    assert len(counted) >= 20
    assert set(counted) == {28}


def test_fonts_sizes_and_red_mark(notice):
    page = notice.pages[0]
    sizes = {round(c["size"], 1) for c in page.chars}
    assert 16.0 in sizes and 22.0 in sizes
    red = [c for c in page.chars if c["non_stroking_color"] in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))]
    assert "".join(c["text"] for c in red) == "南通市海门区安全生产委员会办公室"
    assert abs(min(c["top"] for c in red) / MM - (BLOCK_TOP + 35)) < 1
    title = "".join(c["text"] for c in page.chars if abs(c["size"] - 22) < 0.05)
    assert title == "关于印发《海门区安全生产专项整治评估规范》的通知"


def test_red_rule_is_156_mm_and_4_mm_below_the_number(notice):
    page = notice.pages[0]
    rules = [obj for obj in page.lines + page.rects if tuple(obj.get("stroking_color") or ()) == (1, 0, 0)]
    assert len(rules) == 1
    rule = rules[0]
    assert abs((rule["x1"] - rule["x0"]) / MM - 156) < 1
    assert abs(rule["x0"] / MM - BLOCK_LEFT) < 1
    number = next(c for c in page.chars if c["text"] == "号" and abs(c["size"] - 16) < 0.05)
    assert abs((rule["top"] - number["bottom"]) / MM - 4) < 1


def test_page_numbers_odd_right_even_left_7mm_below_the_block(notice):
    for index, page in enumerate(notice.pages[:4], start=1):
        chars = page_number_chars(page)
        assert "".join(c["text"] for c in chars) == f"— {index} —"
        assert abs(min(c["top"] for c in chars) / MM - (BLOCK_BOTTOM + 7)) < 1
        one_char = 14 / MM
        if index % 2:
            assert abs(max(c["x1"] for c in chars) / MM - (BLOCK_RIGHT - one_char)) < 1
        else:
            assert abs(min(c["x0"] for c in chars) / MM - (BLOCK_LEFT + one_char)) < 1


def test_end_block_sits_on_the_bottom_edge_of_the_last_page(built):
    _, out, _, _ = built
    pdf = open_pdf(out / "T-NOTICE-1.pdf")
    last = pdf.pages[-1]
    text = last.extract_text()
    assert "抄送：区委办、区政府办。" in text and "2022年3月20日印发" in text
    copy_top = min(c["top"] for c in last.chars if c["text"] == "抄")
    rules = sorted((r for r in last.lines + last.rects if r["top"] > copy_top - 10 * MM), key=lambda r: r["top"])
    assert len(rules) == 3
    assert abs(rules[-1]["bottom"] / MM - BLOCK_BOTTOM) < 1
    for rule in rules:
        assert abs((rule["x1"] - rule["x0"]) / MM - 156) < 1
    assert abs(min(c["size"] for c in last.chars if c["text"] == "抄") - 14) < 0.05


def test_pdfa_2b_with_title_author_and_date(built):
    _, out, _, _ = built
    with pikepdf.open(out / "haianweiban-2022-17.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta.pdfa_status == "2B"
        assert meta["dc:title"] == "关于印发《海门区安全生产专项整治评估规范》的通知"
        assert "南通市海门区安全生产委员会办公室" in str(meta["dc:creator"])
        assert str(meta["xmp:CreateDate"]).startswith("2022-03-18")
        assert "/OutputIntents" in pdf.Root


def test_pdf_is_byte_identical_across_runs(built):
    archive, out, _, _ = built
    spec = next(s for s in documents(archive) if s.stem == "haianweiban-2022-17")
    again = render_pdf(spec.build(), font_set())
    assert again == (out / "haianweiban-2022-17.pdf").read_bytes()


def test_record_text_is_printed_not_executed(built):
    _, out, _, _ = built
    # The form's content column alone (its labels are centred beside wrapped text).
    pages = open_pdf(out / "T-HZ-0001.pdf").pages
    text = "".join(page.crop((_content_column(page), 0, page.width, page.height)).extract_text() for page in pages)
    assert "<script>alert('pwn')</script><b>粗体</b>" in text.replace("\n", "")


def _content_column(page) -> float:
    """The left edge of a form's second column: the table rule nearest left of its header "内容"."""
    header = min((w for w in page.extract_words() if w["text"].startswith("内容")), key=lambda w: w["top"])
    return max(e["x0"] for e in page.edges if e["orientation"] == "v" and e["x0"] < header["x0"])


def test_png_renderings_of_the_notice_and_a_dossier(built):
    _, out, _, _ = built
    ARTIFACTS.mkdir(exist_ok=True)
    for stem, name in (("haianweiban-2022-17", "notice-page1"), ("T-HZ-0002", "dossier-page1")):
        target = ARTIFACTS / name
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(out / f"{stem}.pdf"), str(target)], check=True, timeout=120)
        png = target.with_suffix(".png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_dossier_is_a_form_of_every_field_and_lists_are_landscape(built):
    _, out, _, _ = built
    dossier = "".join(page.extract_text() for page in open_pdf(out / "T-HZ-0002.pdf").pages)
    for words in ("统一社会信用代码", "91320684MA1YYYYY0Y", "重大隐患判定依据", "应急预案落实", "延期"):
        assert words in dossier.replace(" ", "")
    listing = open_pdf(out / "hazards-T-CAMP.pdf").pages[0]
    assert listing.width > listing.height
    assert "T-HZ-0001" in listing.extract_text().replace("\n", "")


def test_a_landscape_page_is_the_portrait_sheet_turned(built):
    """GB/T 9704 (横排表格): the margins stay on the paper (block 225 × 156 mm: 28 mm above the
    table, 26 below, 35 left, 37 right) and so does the page number, turned with the sheet at the
    table's left: an odd page's at the foot of that side, an even page's at its head."""
    _, out, _, _ = built
    pages = open_pdf(out / "hazards-T-CAMP.pdf").pages
    for number, page in enumerate(pages, 1):
        upright = [c for c in page.chars if abs(c["matrix"][1]) < 0.5]
        left, right = min(c["x0"] for c in upright) / MM, max(c["x1"] for c in upright) / MM
        top, bottom = min(c["top"] for c in upright) / MM, max(c["bottom"] for c in upright) / MM
        assert left >= 35 - 0.3 and right <= 297 - 37 + 0.3 and top >= 28 - 0.3 and bottom <= 210 - 26 + 0.3
        turned = [c for c in page.chars if abs(c["matrix"][1]) >= 0.5]
        assert "".join(c["text"] for c in sorted(turned, key=lambda c: c["top"])).replace(" ", "") == f"—{number}—"
        # The number's top 7 mm below the portrait block: 297 − 269 = 28 mm from the left edge.
        assert abs(max(c["x1"] for c in turned) / MM - 28) < 0.6
        ends = (min(c["top"] for c in turned) / MM, max(c["bottom"] for c in turned) / MM)
        if number % 2:  # odd: ends one 4号 character in from the portrait block's right (184 mm)
            assert abs(ends[1] - (184 - 14 * 25.4 / 72)) < 0.6, ends
        else:  # even: starts one character in from its left (28 mm)
            assert abs(ends[0] - (28 + 14 * 25.4 / 72)) < 0.6, ends


def test_self_assessment_is_an_upward_document_with_the_signer(built):
    """GB/T 9704 7.2.5/7.2.6: the mark 80 mm from the top of the page; on one line the document
    number one character in from the left and "签发人：" in 仿宋 with the name in 楷体 one character
    in from the right, above the red rule, from ``document_number`` and ``signed_by``."""
    _, out, _, _ = built
    page = open_pdf(out / "T-SA-sanxing.pdf").pages[0]
    red = [c for c in page.chars if c["non_stroking_color"] and tuple(c["non_stroking_color"])[:3] == (1, 0, 0)]
    assert red and abs(min(c["top"] for c in red) / MM - 80) < 1.5
    line = sorted((c for c in page.chars if abs(c["size"] - 16) < 0.05 and c["top"] < 125 * MM), key=lambda c: c["x0"])
    number = [c for c in line if c["x0"] < (BLOCK_LEFT + 78) * MM]  # the left half
    line = line[len(number):]
    assert "".join(c["text"] for c in number) == "三星政〔2022〕5号"
    assert abs(number[0]["x0"] / MM - (28 + 156 / 28)) < 1.0  # one character in from the left
    assert abs(number[0]["top"] - line[0]["top"]) < 0.5  # on the 签发人's line
    text = "".join(c["text"] for c in line)
    assert text == "签发人：三星分管领导"
    name = line[len("签发人："):]
    assert all("Kai" in c["fontname"] for c in name) and not any("Kai" in c["fontname"] for c in line[:4])
    assert abs(max(c["x1"] for c in line) / MM - (BLOCK_RIGHT - 156 / 28)) < 1.0  # one character in
