"""The Word files, read back with python-docx and the XML, and opened by LibreOffice."""

from __future__ import annotations

import collections
import re
import subprocess
import zipfile

import docx
import pdfplumber
from docx.shared import Mm

from generators.documents.fonts import load_config

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_section_geometry_and_grid(built):
    _, out, _, _ = built
    section = docx.Document(out / "haianweiban-2022-17.docx").sections[-1]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    for name, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(section, name) - Mm(mm)) < Mm(0.5), name
    grid = section._sectPr.find(f"{W}docGrid")
    assert grid.get(f"{W}linePitch") == "579"  # 225 mm / 22 lines in twips


def test_styles_name_the_official_fonts(built):
    _, out, _, _ = built
    styles = docx.Document(out / "haianweiban-2022-17.docx").styles
    config = load_config()
    for style, role in (("GW Mark", "title"), ("GW Title", "title"), ("GW Heading 1", "hei"),
                        ("GW Heading 2", "kai"), ("GW Body", "body")):
        fonts = styles[style].element.rPr.find(f"{W}rFonts")
        assert fonts.get(f"{W}eastAsia") == config[role]["word"]["east_asia"], style
        assert fonts.get(f"{W}ascii") == config[role]["word"]["latin"], style
    assert styles["GW Mark"].element.rPr.find(f"{W}color").get(f"{W}val") == "FF0000"


def test_footers_have_page_fields_with_cached_results_odd_and_even(built):
    _, out, _, _ = built
    with zipfile.ZipFile(out / "haianweiban-2022-17.docx") as package:
        settings = package.read("word/settings.xml").decode()
        footers = {name: package.read(name).decode() for name in ("word/footer1.xml", "word/footer2.xml")}
        document = package.read("word/document.xml").decode()
    assert re.search(r"<w:evenAndOddHeaders\s*/>", settings)
    assert 'w:type="default"' in document and 'w:type="even"' in document
    for name, xml in footers.items():
        assert "— " in xml and " —" in xml, name
        assert "PAGE" in xml and 'w:fldCharType="separate"' in xml and ">1</w:t>" in xml, name
    assert 'w:jc w:val="right"' in footers["word/footer1.xml"]
    assert 'w:jc w:val="left"' in footers["word/footer2.xml"]


def test_core_properties_and_no_title_block(built):
    _, out, _, _ = built
    document = docx.Document(out / "haianweiban-2022-17.docx")
    assert document.core_properties.title == "关于印发《海门区安全生产专项整治评估规范》的通知"
    assert document.core_properties.author == "南通市海门区安全生产委员会办公室"
    first = document.paragraphs[0]
    assert first.style.name == "GW Mark" and first.text == "南通市海门区安全生产委员会办公室"


def test_libreoffice_opens_and_converts_the_word_file(built, tmp_path):
    _, out, _, _ = built
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out / "haianweiban-2022-17.docx")],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in pdfplumber.open(tmp_path / "haianweiban-2022-17.pdf").pages)
    assert "海安委办〔2022〕17号" in text.replace(" ", "")
    assert "第十七条" in text.replace(" ", "")


def test_the_hazard_list_shows_the_status_the_site_shows(built):
    """One status rule (generators.rules.statistics.hazard_status) for the site and print: the
    printed list's status column is that key's Chinese label, for each dossier."""
    from generators.records.model import Hazard
    from generators.rules.statistics import hazard_status
    from generators.site.views import hazards as site_hazards

    archive = built[0]
    assert site_hazards.hazard_status is hazard_status
    table = docx.Document(built[1] / "hazards-T-CAMP.docx").tables[0]
    printed = {row.cells[1].text: row.cells[-1].text for row in table.rows[1:]}
    expected = {hz.id: archive.label("hazard-statuses", hazard_status(archive, hz), "zh")
                for hz in archive.of_type(Hazard) if hz.id in printed}
    assert expected and printed == expected
    assert len(set(expected.values())) > 1  # the fixture has dossiers in different states


def test_word_tables_are_set_in_the_size_of_the_pdf_tables(built):
    """Each Word table's cells in the size its PDF table prints in: the hazard list in 小四 (12 pt)."""
    _, out, _, _ = built
    document = docx.Document(out / "hazards-T-CAMP.docx")
    cells = [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    word = {p.style.font.size.pt for p in cells if p.text}
    pdf = collections.Counter(round(c["size"]) for page in pdfplumber.open(out / "hazards-T-CAMP.pdf").pages
                              for c in page.chars)
    assert word == {12.0} and pdf.most_common(1)[0][0] == 12, (word, pdf)


def test_word_files_in_libreoffice_with_the_substitution_table_match_the_pdfs(built, tmp_path):
    """LibreOffice with the replacement table made from theme/print/fonts.toml sets the Word files
    in the PDFs' faces (no Japanese fallback) and on as many pages as the PDFs: the notice, an
    overall report (tables and charts) and a landscape hazard list in 小四."""
    from generators.documents.fonts import font_set
    from generators.documents.libreoffice import write_profile

    _, out, _, _ = built
    profile = write_profile(tmp_path / "profile")
    stems = ("haianweiban-2022-17", "T-OR", "hazards-T-CAMP")
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *(str(out / f"{stem}.docx") for stem in stems)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    chosen = {font.family.split()[0] for font in font_set().chosen.values() if font}
    for stem in stems:
        converted = pdfplumber.open(tmp_path / f"{stem}.pdf")
        faces = {c["fontname"].split("+")[-1] for page in converted.pages for c in page.chars}
        assert all(any(name in face for name in chosen) for face in faces if not face.startswith("DejaVu")), faces
        assert len(converted.pages) == len(pdfplumber.open(out / f"{stem}.pdf").pages), stem


def test_word_keeps_the_signature_with_the_last_lines_of_the_text(built):
    """As the PDF's kept block (GB/T 9704 7.3.5.4): in Word the text's last paragraph and the
    signature keep with the next paragraph, down to the date, so the signature never opens a page."""
    _, out, _, _ = built
    for stem in ("haianweiban-2022-17", "T-SA-sanxing"):
        paragraphs = docx.Document(out / f"{stem}.docx").paragraphs
        signature = next(i for i, p in enumerate(paragraphs) if p.style.name == "GW Signature")
        date = paragraphs[signature + 1]
        assert date.style.name == "GW Date", stem
        assert paragraphs[signature].paragraph_format.keep_with_next, stem
        before = paragraphs[signature - 1]
        assert before.paragraph_format.keep_with_next or before.style.paragraph_format.keep_with_next, stem
        assert not date.paragraph_format.keep_with_next, stem
    # The self-assessment ends in a short table: its rows keep with the signature too.
    last_row = docx.Document(out / "T-SA-sanxing.docx").tables[-1].rows[-1]
    assert all(p.paragraph_format.keep_with_next for cell in last_row.cells for p in cell.paragraphs)


def test_word_upward_document_head(built):
    """The self-assessment (上行文) in Word: its mark 8 mm lower than a notice's (80 mm from the top of
    the page, GB/T 9704 7.2.6), then one line with the document number and, after a tab, 签发人."""
    _, out, _, _ = built
    document = docx.Document(out / "T-SA-sanxing.docx")
    mark, signer = document.paragraphs[0], document.paragraphs[1]
    notice_mark = docx.Document(out / "haianweiban-2022-17.docx").styles["GW Mark"]
    assert mark.style.name == "GW Mark Upward"
    assert abs(mark.style.paragraph_format.space_before - notice_mark.paragraph_format.space_before - Mm(8)) < Mm(0.1)
    assert signer.style.name == "GW Signer" and signer.text == "三星政〔2022〕5号\t签发人：三星分管领导"
