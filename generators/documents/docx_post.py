"""Finish pandoc's Word file: core properties (title, issuer, date) and the page orientation.

Pandoc would print the title, author and date as a title block if they were in its metadata,
so they are written here instead, XML-escaped, with the document's own date as the time stamp.
The archive is rewritten with fixed entry times, so the file is byte-identical across runs.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

from generators.documents.content import Printable
from generators.documents.fonts import FontSet
from generators.documents.reference import FIXED_TIME, section_xml, table_properties, twips

CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><dc:language>zh-CN</dc:language>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
    "</cp:coreProperties>"
)


def finish_docx(data: bytes, doc: Printable, fonts: FontSet, epoch: int) -> bytes:
    when = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = CORE.format(title=escape(doc.title), author=escape(doc.author), when=when).encode()
            elif info.filename == "word/document.xml":
                content = _document_xml(content.decode("utf-8"), doc.landscape).encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def _document_xml(text: str, landscape: bool) -> str:
    """Landscape section; table rows kept on one page (Word still breaks a row taller than a
    page), the header rows already repeat (pandoc marks them tblHeader); tables ruled."""
    if landscape:
        text = re.sub(r"<w:sectPr>.*?</w:sectPr>", lambda _: section_xml(landscape=True), text, count=1, flags=re.S)
    text = text.replace("<w:tr><w:trPr>", "<w:tr><w:trPr><w:cantSplit />")
    text = text.replace("<w:tr><w:tc>", "<w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc>")
    text = re.sub(r"<!--gw-keep-->(.*?)<!--/gw-keep-->", lambda m: _keep(m.group(1)), text, flags=re.S)
    block = twips(225 if landscape else 156)
    return re.sub(r"<w:tbl>.*?</w:tbl>", lambda m: _table(m.group(0), block), text, flags=re.S)


def _keep(region: str) -> str:
    """Every paragraph of a kept block but its last "keep with next" (in a table, on every row:
    Word keeps the table with what follows), so the signature never starts a page alone."""
    paragraphs = list(re.finditer(r"<w:p>(?:<w:pPr>(?:<w:pStyle [^>]*/>)?)?", region))
    out, start = [], 0
    for match in paragraphs[:-1]:
        out.append(region[start:match.start()])
        head = match.group(0)
        if "<w:pPr>" in head:
            out.append(head + "<w:keepNext/>")
        else:
            out.append("<w:p><w:pPr><w:keepNext/></w:pPr>")
        start = match.end()
    out.append(region[start:])
    return "".join(out)


def _table(table: str, block: int) -> str:
    """Rules and cell margins of the PDF's table, for the size its cells are set in (docx.lua);
    the grid in twips of this page's block (pandoc sizes it for another text width, and
    LibreOffice lays a fixed table out by its grid, not by its percentage)."""
    borders, margins = table_properties(12 if 'w:val="GWTableTextSmall"' in table else 14)
    table = re.sub(r"(<w:tblLayout [^>]*/>)", lambda m: borders + m.group(1) + margins, table, count=1)
    share = re.search(r'<w:tblW w:type="pct" w:w="(\d+)"', table)
    columns = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table)]
    if share and columns:
        width = block * int(share.group(1)) / 5000
        scaled = iter(round(w * width / sum(columns)) for w in columns)
        table = re.sub(r'<w:gridCol w:w="\d+"', lambda _: f'<w:gridCol w:w="{next(scaled)}"', table)
    return table
