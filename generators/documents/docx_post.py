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
from generators.documents.reference import FIXED_TIME, section_xml, table_properties

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
    return re.sub(r"<w:tbl>.*?</w:tbl>", _table, text, flags=re.S)


def _table(match: re.Match) -> str:
    """Rules and cell margins of the PDF's table, for the size its cells are set in (docx.lua)."""
    table = match.group(0)
    borders, margins = table_properties(12 if 'w:val="GWTableTextSmall"' in table else 14)
    table = re.sub(r"(<w:tblLayout [^>]*/>)", lambda m: borders + m.group(1) + margins, table, count=1)
    return table
