"""Prose in print, read by pandoc's Markdown reader (generators/documents/prose.py): a table, a
link, a list and emphasis print as such in the PDF and the Word file, and raw HTML, TeX and Typst
written in a record's text print as the text they are (real pandoc and Typst, no stand-in)."""

from __future__ import annotations

import json
import re
import zipfile

import pdfplumber
import pytest

from generators import present
from generators.checks import load_and_check
from generators.documents import ast, prose
from generators.documents.build import build
from generators.documents.catalog import documents
from tests.hostile_support import archive_with, notice, time_limit

BODY = "\n\n".join([
    "各区镇要按下表报送，详见[应急管理部网站](https://www.mem.gov.cn/)与[本地页面](../hazards/)，"
    "并**务必**按时、*如实*填报。",
    "| 区镇 | 隐患数 | 整改率 |\n|---|---:|---|\n| 海门街道 | 12 | 91.7% |\n| 三星镇 | 8 | 100.0% |",
    "1. 第一项任务\n2. 第二项任务\n3. 第三项任务",
    "- 甲项要求\n- 乙项要求",
    "脚本 <script>alert(1)</script> 照印。",
    "```{=typst}\n#pagebreak()\n#set text(red)\n```",
    "排版命令 \\newpage 与 `{=openxml}` 照印。",
    "[坏链接](javascript:alert(1)) 与 [数据](data:text/html;base64,PHNjcmlwdD4=) 只印文字。",
])
HOSTILE_WORDS = ["<script>alert(1)</script>", "#pagebreak()", "#set text(red)", "\\newpage", "{=openxml}"]


def _archive(tmp_path):
    body = json.dumps({"zh": BODY, "en": "Prose."}, ensure_ascii=False)
    data = archive_with(tmp_path, {"notices/n-1.yml": notice("n-1", body=body),
                                   "notices/n-2.yml": notice("n-2", number=21)})
    archive, diagnostics = load_and_check(data)
    assert [d.format("en") for d in diagnostics if d.is_error] == []
    return archive


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prose")
    archive = _archive(tmp)
    specs = [spec for spec in documents(archive) if spec.stem == "n-1"]
    with time_limit(600):
        result = build(archive, tmp / "documents", tmp / "cache", progress=False, specs=specs)
    assert not [d.format("en") for d in result.diagnostics if d.is_error]
    doc = specs[0].build()
    return tmp / "documents", doc


def _nodes(node, kinds=None):
    """Every node of the AST (of the given kinds)."""
    if isinstance(node, dict):
        if "t" in node and (kinds is None or node["t"] in kinds):
            yield node
        yield from _nodes(node.get("c"), kinds)
    elif isinstance(node, list):
        for item in node:
            yield from _nodes(item, kinds)


def test_record_text_only_ever_becomes_str_nodes(printed):
    _, doc = printed
    kinds = {node["t"] for node in _nodes(doc.blocks)}
    assert not kinds & {"RawBlock", "RawInline", "Math", "Cite", "Note", "CodeBlock", "Code"}, kinds
    text = ast.text_of(doc.blocks)
    for words in HOSTILE_WORDS:
        assert words in text, words


def test_only_safe_absolute_links_keep_their_target(printed):
    _, doc = printed
    targets = [node["c"][2][0] for node in _nodes(doc.blocks, {"Link"})]
    assert targets == ["https://www.mem.gov.cn/"]
    text = ast.text_of(doc.blocks)
    assert "本地页面" in text and "坏链接" in text and "数据" in text
    assert "javascript" not in text and "](" not in text


def _pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join(page.extract_text() for page in pdf.pages)


def _squeezed(text: str) -> str:
    return re.sub(r"[\s\u200b\u2060]+", "", text)


def test_pdf_prints_the_structure_not_the_markup(printed):
    out, _ = printed
    text = _squeezed(_pdf_text(out / "n-1.pdf"))
    assert "应急管理部网站与本地页面" in text
    assert "并务必按时、如实填报" in text  # emphasis printed, its asterisks not
    assert "1.第一项任务" in text and "3.第三项任务" in text  # numbering is literal text in a 公文
    assert "甲项要求" in text and "-甲项要求" not in text
    assert "|" not in text and "---" not in text
    for words in HOSTILE_WORDS:
        assert _squeezed(words) in text, words
    with pdfplumber.open(out / "n-1.pdf") as pdf:
        table = [page.extract_table() for page in pdf.pages if page.extract_table()]
        links = [link.get("uri") for page in pdf.pages for link in page.hyperlinks]
    assert table and [_squeezed(c or "") for c in table[0][0]] == ["区镇", "隐患数", "整改率"]
    assert [_squeezed(c or "") for c in table[0][1]] == ["海门街道", "12", "91.7%"]
    assert links == ["https://www.mem.gov.cn/"]


def test_word_prints_the_structure_not_the_markup(printed):
    out, _ = printed
    with zipfile.ZipFile(out / "n-1.docx") as package:
        xml = package.read("word/document.xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    words = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert "|" not in words and "**" not in words
    for hostile in ["&lt;script&gt;alert(1)&lt;/script&gt;", "#pagebreak()", "\\newpage", "{=openxml}"]:
        assert hostile in words, hostile
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    prose_table = [t for t in tables if "海门街道" in t]
    assert prose_table and "91.7%" in prose_table[0] and "整改率" in prose_table[0]
    assert re.search(r"<w:b\s*/>.*?务必", xml) and re.search(r"<w:i\s*/>.*?如实", xml)
    hyperlinks = re.findall(r"<w:hyperlink [^>]*r:id=\"(\w+)\"", xml)
    targets = [re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'Target="([^"]+)"[^>]*Id="{rid}"', rels) for rid in hyperlinks]
    assert [t.group(1) for t in targets] == ["https://www.mem.gov.cn/"]
    assert "1. 第一项任务" in words or "1.第一项任务" in _squeezed(words)
    assert "<w:numPr>" not in xml  # list numbers are the text's own, not Word's


def test_texts_are_read_in_one_pandoc_run(tmp_path, monkeypatch):
    """Every prose text of an archive in one run of the reader (a separator between texts), and
    none again for its public view."""
    archive = _archive(tmp_path)
    runs = []
    real = prose._read
    monkeypatch.setattr(prose, "_read", lambda markdown: runs.append(markdown) or real(markdown))
    monkeypatch.setattr(prose, "_READERS", {})
    reader = prose.reader_for(archive)
    texts = [value.zh for record in archive for _, value in prose.texts(record)
             if isinstance(value, prose.Prose) and value.zh]
    assert len(texts) == 2
    assert all(reader.read(text)[1] for text in texts)
    assert len(runs) == 1 and BODY in runs[0]
    assert prose.reader_for(archive) is reader and len(runs) == 1
    public, _ = present.public_view(archive)  # the same texts: not read again
    assert prose.reader_for(public).read(BODY)[1] == reader.read(BODY)[1] and len(runs) == 1


def test_a_text_that_swallows_the_separator_is_read_alone():
    texts = ["甲段\n\n```\n未闭合的代码", "乙段 `未闭合的行内代码", "丙段"]
    read = prose.read_all(texts)
    assert [len(blocks) for blocks in read] == [len(prose.read_all([t])[0]) for t in texts]
    assert ast.text_of(read[2]) == "丙段"


def test_two_spaces_and_a_tab_print_as_one_full_width_space():
    source = prose.prepare("## 第一章  总则\n\n第一条  为规范评估，\t特制定本规范。\n\n"
                           "| 甲  | 乙 |\n|--|--|\n| 1  | 2 |")
    headings = []

    def heading(level, words):
        headings.append(words)
        return ast.para(words)

    printer = prose.Printer(source, lambda match: "", heading, lambda header, rows: ast.para(str([header, rows])))
    blocks = printer.blocks(prose.read_all([source.markdown])[0])
    assert headings == ["第一章  总则"]
    assert ast.text_of(blocks[1]) == "第一条\u3000为规范评估，\u3000特制定本规范。"
    assert ast.text_of(blocks[2]) == str([["甲", "乙"], [["1", "2"]]])
