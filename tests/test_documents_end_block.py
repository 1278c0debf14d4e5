"""The end block (版记) is on the back of the last sheet (GB/T 9704 7.4/7.5: 最后一面): on an even
page, its last rule on the bottom edge of the text block. Notices whose text ends at every line of
pages 1–3 are printed and read back, so that all three cases occur: below the text on an even page
with room; alone on the next page when the text ends on an odd page; after a blank page when an even
page is full. Pages after the text (blank or end block alone) carry no page number."""

from __future__ import annotations

import re

import pytest
from documents_helpers import MM, load, make_archive, open_pdf

from generators.documents.build import build

BLOCK_BOTTOM = 297 - 35
LINES = range(10, 62)  # body lines: the text ends on every line of pages 1-3
LINE = "本段为版记位置测试用正文，每段恰好占一行。"  # 21 characters + 2 of indent: one line


def notice(lines: int) -> str:
    body = "\\n\\n".join([LINE] * lines)
    return f"""- type: notice
  id: T-END-{lines}
  kind: notice
  document_number: 海安委办〔2022〕{100 + lines}号
  issuer: office
  date: 2022-03-20
  classification: 公开
  title: {{zh: 关于版记位置测试的通知, en: End block test}}
  addressees: {{zh: 各区镇（街道）, en: All towns}}
  copy_to: {{zh: 区委办、区政府办}}
  body: {{zh: "{body}"}}
"""


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("end-block")
    archive = load(make_archive(folder, "".join(notice(n) for n in LINES)))
    out = folder / "build" / "documents"
    result = build(archive, out, folder / "cache", progress=False)
    assert not [d.format("en") for d in result.diagnostics if d.is_error]
    return {n: open_pdf(out / f"T-END-{n}.pdf") for n in LINES}


def page_number(page) -> str | None:
    chars = [c for c in page.chars if c["top"] > BLOCK_BOTTOM * MM]
    return "".join(c["text"] for c in chars) or None


def kind_of(page) -> str:
    text = "".join(c["text"] for c in page.chars if c["top"] < BLOCK_BOTTOM * MM)
    if not text:
        return "blank"
    return "end block" if text.startswith("抄送：") else "text"


def test_the_end_block_is_on_an_even_page_at_the_bottom_edge(printed):
    for lines, pdf in printed.items():
        last = pdf.pages[-1]
        assert len(pdf.pages) % 2 == 0, lines
        assert "2022年3月20日印发" in last.extract_text(), lines
        rules = [r for r in last.lines + last.rects if abs((r["x1"] - r["x0"]) / MM - 156) < 1]
        assert abs(max(r["bottom"] for r in rules) / MM - BLOCK_BOTTOM) < 1, lines


def test_pages_after_the_text_have_no_number(printed):
    cases = set()
    for lines, pdf in printed.items():
        kinds = [kind_of(page) for page in pdf.pages]
        text_pages = [i for i, k in enumerate(kinds) if k == "text"]
        last_text = text_pages[-1]
        assert text_pages == list(range(last_text + 1)), (lines, kinds)
        for i, page in enumerate(pdf.pages):
            number = page_number(page)
            if i <= last_text:
                assert number is not None and re.fullmatch(rf"— {i + 1} —", number), (lines, i, number)
            else:
                assert number is None, (lines, i, number)
        after = kinds[last_text + 1:]
        if not after:
            cases.add("below the text")
            assert "印发" in pdf.pages[last_text].extract_text()
        elif after == ["end block"]:
            cases.add("alone after an odd page")
            assert (last_text + 1) % 2 == 1, (lines, kinds)
        else:
            cases.add("after a blank page")
            assert after == ["blank", "end block"] and (last_text + 1) % 2 == 0, (lines, kinds)
    assert cases == {"below the text", "alone after an odd page", "after a blank page"}
