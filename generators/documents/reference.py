"""The Word reference document, made from pandoc's default one and theme/print/fonts.toml.

It carries what pandoc takes from a reference document: styles (official font names, sizes,
indents, the red rule and the end block's borders), settings (different odd and even footers)
and the section (A4, margins 37/35/28/26 mm, a 22 × 28 document grid, footers with a PAGE field
between em dashes that has a cached result, so Word never offers to repair the file).
Generated at build time, so the fonts are named in one place only.
"""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from generators.documents.fonts import FONTS_CONFIG, FontSet

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


# Geometry (docs/print-format.md): A4, margins, the grid. The number's top 7 mm below the block:
# the footer's bottom sits 7 mm + one 4号 line (14 pt ≈ 4.94 mm) below the block.
PAGE = {"w": 11906, "h": 16838}
MARGINS = {"top": twips(37), "bottom": twips(35), "left": twips(28), "right": twips(26),
           "header": twips(15), "footer": twips(35 - 7 - 4.94), "gutter": 0}
LINE_PITCH = 579                      # 225 mm / 22 lines, in twips
CHAR_SPACE = round((156 / 28 / 25.4 * 72 - 16) * 4096)   # 28 characters of 16 pt in 156 mm
TRACKING = -5                         # −0.25 pt (twentieths of a point): 28 × 15.75 pt ≤ 156 mm
ONE_CHAR_4 = 280                      # one 4号 (14 pt) character, in twips


# A landscape page is the portrait sheet turned a quarter clockwise: the margins stay on the paper
# (docs/print-format.md), the block 225 × 156 mm. Word cannot turn the footer with the sheet: its
# number stays under the table, 7 mm below the block.
LANDSCAPE_MARGINS = {"top": MARGINS["left"], "bottom": MARGINS["right"], "left": MARGINS["bottom"],
                     "right": MARGINS["top"], "header": twips(15), "footer": twips(26 - 7 - 4.94), "gutter": 0}


def section_xml(landscape: bool = False) -> str:
    width, height = (PAGE["h"], PAGE["w"]) if landscape else (PAGE["w"], PAGE["h"])
    orient = ' w:orient="landscape"' if landscape else ""
    margins = " ".join(f'w:{k}="{v}"' for k, v in (LANDSCAPE_MARGINS if landscape else MARGINS).items())
    return (
        '<w:sectPr>'
        '<w:footerReference w:type="default" r:id="rIdGwFooterOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdGwFooterEven"/>'
        f'<w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
        f'<w:pgMar {margins}/>'
        '<w:cols w:space="425"/>'
        # Lines snap to the grid; the 28 characters come from the runs' −0.25 pt spacing rather
        # than a character grid, which LibreOffice lays out with double-width cells.
        f'<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}" w:charSpace="{CHAR_SPACE}"/>'
        '</w:sectPr>'
    )


def _footer(align: str, indent: str) -> str:
    def run(text: str) -> str:
        return f'<w:r><w:rPr><w:rStyle w:val="GWPageNumber"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'

    def field(kind: str) -> str:
        return f'<w:r><w:rPr><w:rStyle w:val="GWPageNumber"/></w:rPr><w:fldChar w:fldCharType="{kind}"/></w:r>'

    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W} {R}>'
        f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="{align}"/><w:ind {indent}/></w:pPr>'
        + run("— ") + field("begin")
        + '<w:r><w:rPr><w:rStyle w:val="GWPageNumber"/></w:rPr>'
        + '<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        + field("separate") + run("1") + field("end") + run(" —")
        + '</w:p></w:ftr>'
    )


def _fonts(fonts: FontSet, role: str) -> str:
    names = fonts.word[role]
    east, latin = quoteattr(names["east_asia"]), quoteattr(names["latin"])
    return f'<w:rFonts w:ascii={latin} w:hAnsi={latin} w:eastAsia={east} w:cs={latin} w:hint="eastAsia"/>'


def _style(style_id: str, name: str, fonts: FontSet, role: str = "body", size: int = 32, *,
           ppr: str = "", rpr: str = "", based_on: str = "Normal", kind: str = "paragraph") -> str:
    return (
        f'<w:style w:type="{kind}" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/><w:qFormat/>'
        + (f'<w:pPr>{ppr}</w:pPr>' if ppr and kind == "paragraph" else "")
        + f'<w:rPr>{_fonts(fonts, role)}{rpr}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        '</w:style>'
    )


NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
CENTER = '<w:jc w:val="center"/>' + NO_INDENT
RED = '<w:color w:val="FF0000"/>'
KEEP_NEXT = "<w:keepNext/>"
CELL_PPR = '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0"/>' + NO_INDENT
NO_TRACKING = '<w:spacing w:val="0"/>'


BLOCK_TWIPS = twips(156)  # the type block's width
CHAR_3 = 315  # one 3号 character with the grid's tracking (16 pt − 0.25 pt), in twips
NOTE_NAME = 5 * CHAR_3  # two characters in, then "附件："
NOTE_NUMBER = CHAR_3 + 15  # "1." and a hair more, so the tab after it never jumps to the next stop


def cell_ppr(size_pt: int) -> str:
    """A table cell's paragraph as the PDF's (gbt9704.typ): lines 1.3 em apart, rows as tall as
    there, no indent, off the grid."""
    # Typst: n lines are n em + (n − 1) × 0.3 em + 0.5 em of inset; Word: n × 1.3 em + before + after.
    tenth = 2 * size_pt  # a tenth of an em, in twips
    return (f'<w:snapToGrid w:val="0"/><w:spacing w:before="{tenth}" w:after="{tenth}" '
            f'w:line="{26 * size_pt}" w:lineRule="exact"/>' + NO_INDENT)


def table_properties(size_pt: int) -> str:
    """Borders and cell margins of a table as the PDF's: 0.5 pt rules, a quarter em left and half
    an em right (a closing mark ending a line keeps its whole box in the cell)."""
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tblBorders>{borders}</w:tblBorders>',
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{5 * size_pt}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{10 * size_pt}" w:type="dxa"/></w:tblCellMar>')


def _hanging(left: int) -> str:
    """Text from ``left``, the first line from two characters in."""
    return f'<w:ind w:left="{left}" w:hanging="{left - 2 * CHAR_3}" w:firstLineChars="0"/>'


def our_styles(fonts: FontSet) -> str:
    thick, thin = 8, 6  # border widths in eighths of a point: 0.35 mm and 0.26 mm
    end_frame = ('<w:framePr w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:y="-1" '
                 'w:yAlign="bottom" w:xAlign="center"/>')
    return "".join([
        _style("GWBody", "GW Body", fonts),
        _style("GWPlain", "GW Plain", fonts, ppr=NO_INDENT),
        _style("GWSecret", "GW Secret", fonts, "hei", ppr=NO_INDENT),
        _style("GWMark", "GW Mark", fonts, "title", 52,
               ppr='<w:spacing w:before="1000"/>' + CENTER, rpr=RED),
        # 上行文 (GB/T 9704 7.2.6): the mark 80 mm from the top of the page, 8 mm lower than a notice's.
        _style("GWMarkUpward", "GW Mark Upward", fonts, "title", 52,
               ppr=f'<w:spacing w:before="{1000 + twips(8)}"/>' + CENTER, rpr=RED),
        _style("GWNumber", "GW Number", fonts, ppr='<w:spacing w:before="1158"/>' + CENTER),
        # 上行文: the number one character in from the left, 签发人 one in from the right (a right tab).
        _style("GWSigner", "GW Signer", fonts,
               ppr=f'<w:tabs><w:tab w:val="right" w:pos="{BLOCK_TWIPS - CHAR_3}"/></w:tabs>'
                   f'<w:spacing w:before="1158"/><w:ind w:left="{CHAR_3}" w:right="{CHAR_3}" '
                   'w:firstLineChars="0" w:firstLine="0"/>'),
        _style("GWRedRule", "GW Red Rule", fonts, size=8,
               ppr='<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="FF0000"/></w:pBdr>'
                   '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
                   '<w:snapToGrid w:val="0"/>' + NO_INDENT),
        _style("GWTitle", "GW Title", fonts, "title", 44,
               ppr='<w:spacing w:before="1158" w:after="579"/>' + CENTER),
        _style("GWReportTitle", "GW Report Title", fonts, "title", 44,
               ppr='<w:spacing w:before="0" w:after="579"/>' + CENTER),
        _style("GWAddressees", "GW Addressees", fonts, ppr=NO_INDENT),
        # Headings stay with the paragraph after them, as in the PDF.
        _style("GWHeading1", "GW Heading 1", fonts, "hei", ppr=KEEP_NEXT),
        _style("GWHeading2", "GW Heading 2", fonts, "kai", ppr=KEEP_NEXT),
        _style("GWChapter", "GW Chapter", fonts, "hei", ppr=KEEP_NEXT + CENTER),
        _style("GWFigure", "GW Figure", fonts, ppr=CENTER),
        # 附件说明: two characters in, the name after "附件：" (three characters) and, with several
        # attachments, after the number ("1.", about one character): a wrapped name under its first character.
        _style("GWAttachmentNote", "GW Attachment Note", fonts, ppr=_hanging(NOTE_NAME)),
        _style("GWAttachmentNotes", "GW Attachment Notes", fonts,
               ppr=f'<w:tabs><w:tab w:val="left" w:pos="{NOTE_NAME}"/>'
                   f'<w:tab w:val="left" w:pos="{NOTE_NAME + NOTE_NUMBER}"/></w:tabs>'
                   + _hanging(NOTE_NAME + NOTE_NUMBER)),
        _style("GWSignature", "GW Signature", fonts,
               ppr='<w:spacing w:before="1158"/><w:jc w:val="right"/><w:ind w:firstLineChars="0" '
                   'w:firstLine="0" w:rightChars="200" w:right="640"/>'),
        _style("GWDate", "GW Date", fonts,
               ppr='<w:jc w:val="right"/><w:ind w:firstLineChars="0" w:firstLine="0" '
                   'w:rightChars="400" w:right="1280"/>'),
        # The attachment's title on line 3: one blank line below the label.
        _style("GWAttachmentLabel", "GW Attachment Label", fonts, "hei",
               ppr='<w:spacing w:before="0" w:after="579"/>' + NO_INDENT),
        _style("GWEndCopy", "GW End Copy", fonts, size=28,
               ppr=end_frame + f'<w:pBdr><w:top w:val="single" w:sz="{thick}" w:space="1" w:color="000000"/>'
                   f'<w:bottom w:val="single" w:sz="{thin}" w:space="1" w:color="000000"/></w:pBdr>'
                   '<w:snapToGrid w:val="0"/><w:ind w:left="280" w:right="280" w:hanging="0" '
                   'w:firstLineChars="0" w:firstLine="0"/>'),
        _style("GWEndPrinter", "GW End Printer", fonts, size=28,
               ppr=end_frame + f'<w:pBdr><w:top w:val="single" w:sz="{thin}" w:space="1" w:color="000000"/>'
                   f'<w:bottom w:val="single" w:sz="{thick}" w:space="1" w:color="000000"/></w:pBdr>'
                   '<w:tabs><w:tab w:val="right" w:pos="8560"/></w:tabs><w:snapToGrid w:val="0"/>'
                   '<w:ind w:left="280" w:right="280" w:firstLineChars="0" w:firstLine="0"/>'),
        _style("GWPageNumber", "GW Page Number", fonts, "song", 28, kind="character",
               based_on="DefaultParagraphFont"),
        # Table cells: off the character grid (on it, every character would take a 3号 cell and the
        # columns would wrap), no tracking; 4号, or 小四 as the PDF's table (gw-size).
        _style("GWTableText", "GW Table Text", fonts, size=28, ppr=cell_ppr(14), rpr=NO_TRACKING),
        _style("GWTableTextSmall", "GW Table Text Small", fonts, size=24, ppr=cell_ppr(12), rpr=NO_TRACKING),
    ])


def _patch_styles(xml: str, fonts: FontSet) -> str:
    body_fonts = _fonts(fonts, "body")
    # Defaults: 3号 仿宋, paragraphs indented two characters, lines on the document grid.
    xml = re.sub(r"<w:rPrDefault>.*?</w:rPrDefault>",
                 f"<w:rPrDefault><w:rPr>{body_fonts}<w:spacing w:val=\"{TRACKING}\"/>"
                 "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
                 "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>", xml, flags=re.S)
    xml = re.sub(r"<w:pPrDefault>.*?</w:pPrDefault>",
                 # No space added between Chinese and Latin letters or digits (as in the PDF).
                 "<w:pPrDefault><w:pPr><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>"
                 "<w:spacing w:before=\"0\" w:after=\"0\"/>"
                 "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>"
                 "</w:pPr></w:pPrDefault>", xml, flags=re.S)
    # Pandoc's own paragraph styles add space around paragraphs and Latin fonts: make them plain.
    # Compact is what pandoc gives table cells: 4号, no indent, off the character grid (on it, every
    # 4号 character would take a 3号 cell and the columns would wrap), no tracking.
    # No space between Chinese and Latin letters or digits here too: LibreOffice does not read it
    # from the defaults.
    plain = ('<w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0"/></w:pPr>',
             f'{body_fonts}<w:sz w:val="32"/><w:szCs w:val="32"/>')
    cell = (f'<w:pPr>{CELL_PPR}</w:pPr>', f'{body_fonts}{NO_TRACKING}<w:sz w:val="28"/><w:szCs w:val="28"/>')
    for style_id in ("Normal", "BodyText", "FirstParagraph", "Compact"):
        ppr, rpr = cell if style_id == "Compact" else plain
        xml = re.sub(
            rf'(<w:style w:type="paragraph"[^>]*w:styleId="{style_id}">)(.*?)(</w:style>)',
            lambda m, ppr=ppr, rpr=rpr: m.group(1)
            + re.sub(r"<w:pPr>.*?</w:pPr>|<w:rPr>.*?</w:rPr>", "", m.group(2), flags=re.S)
            + ppr + f"<w:rPr>{rpr}</w:rPr>" + m.group(3),
            xml, flags=re.S)
    return xml.replace("</w:styles>", our_styles(fonts) + "</w:styles>")


def build_reference(fonts: FontSet, pandoc: str) -> bytes:
    default = subprocess.run([pandoc, "--print-default-data-file", "reference.docx"],
                             capture_output=True, check=True, timeout=120).stdout
    source = zipfile.ZipFile(io.BytesIO(default))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            data = source.read(info.filename).decode("utf-8") if info.filename.endswith((".xml", ".rels")) else None
            name = info.filename
            if name == "word/styles.xml":
                data = _patch_styles(data, fonts)
            elif name == "word/settings.xml":
                data = data.replace("<w:embedSystemFonts />", "<w:evenAndOddHeaders/>", 1)
            elif name == "word/document.xml":
                data = re.sub(r"<w:sectPr>.*?</w:sectPr>", section_xml(), data, flags=re.S)
                data = data.replace("<w:document ", f"<w:document {R} ", 1) if "xmlns:r=" not in data else data
            elif name == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>",
                                    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                                    'relationships/footer" Id="rIdGwFooterOdd" Target="footer1.xml"/>'
                                    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                                    'relationships/footer" Id="rIdGwFooterEven" Target="footer2.xml"/>'
                                    "</Relationships>")
            elif name == "[Content_Types].xml":
                footer_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
                data = data.replace("</Types>",
                                    f'<Override PartName="/word/footer1.xml" ContentType="{footer_type}"/>'
                                    f'<Override PartName="/word/footer2.xml" ContentType="{footer_type}"/></Types>')
            _write(target, name, data.encode("utf-8") if data is not None else source.read(name))
        # Odd pages right, even pages left, one 4号 character in.
        _write(target, "word/footer1.xml", _footer("right", f'w:right="{ONE_CHAR_4}"').encode())
        _write(target, "word/footer2.xml", _footer("left", f'w:left="{ONE_CHAR_4}"').encode())
    return out.getvalue()


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def reference_docx(fonts: FontSet, pandoc: str) -> Path:
    """The reference document for these fonts (made once per configuration, kept by content)."""
    digest = hashlib.sha256((fonts.fingerprint() + repr(sorted(fonts.word.items()))).encode()
                            + FONTS_CONFIG.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"gw-reference-{digest}.docx"
    if not path.exists():
        data = build_reference(fonts, pandoc)
        temporary = path.with_suffix(f".{digest}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    return path
