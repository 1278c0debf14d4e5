"""Read a workbook (.xlsx, .xls, .ods, .csv) into plain sheets of cell values, refusing what is unsafe.

python-calamine reads the spreadsheet formats; CSV is read by the standard library (UTF-8, or
GB18030 as Excel saves it on Chinese Windows). Before any cell is read the file is checked whole:
its size, macros (.xlsm, a ``vbaProject.bin``), encryption (a password-protected workbook is an
OLE file with an ``EncryptionInfo`` stream), and for the zip formats the unpacked size (a small
file that unpacks to gigabytes). Then each sheet: hidden sheets, row and cell-size limits, and —
read from the sheet's XML, since calamine gives only the cached values — formula cells and
merged cells, which the import reports at their cell.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generators.diagnostics import Diagnostic, Location

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 20_000
MAX_CELL_CHARS = 10_000
SUFFIXES = (".xlsx", ".xls", ".ods", ".csv")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]                              # rows[r][c] is cell (r+1, c+1), from A1
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)   # (row, col) 1-based
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row1, col1, row2, col2)


@dataclass
class Workbook:
    path: Path
    display: str
    sheets: list[Sheet]


def cell_name(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@dataclass(frozen=True, order=True)
class CellLocation(Location):
    """``file:sheet!B7`` — the place of a cell, as spreadsheet users name it."""

    sheet: str = ""

    def __str__(self) -> str:
        if not self.sheet:
            return self.path
        return f"{self.path}:{self.sheet}!{cell_name(self.line, self.col)}"


def at(display: str, sheet: str = "", row: int = 1, col: int = 1) -> CellLocation:
    return CellLocation(display, row, col, sheet)


def read_workbook(path: Path, display: str) -> tuple[Workbook | None, list[Diagnostic]]:
    """The workbook's sheets, or None with the reasons it is refused whole."""
    whole = at(display)
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlsb"):
        return None, [Diagnostic.error("E903", whole, detail=suffix)]
    if suffix not in SUFFIXES:
        return None, [Diagnostic.error("E902", whole, suffix=suffix or path.name)]
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return None, [Diagnostic.error("E901", whole, detail=exc.strerror or exc)]
    if size > MAX_FILE_BYTES:
        return None, [Diagnostic.error("E905", whole, size=size, limit=MAX_FILE_BYTES)]
    if suffix == ".csv":
        return _read_csv(path, display)
    refused = _refuse_container(path, suffix, head)
    if refused:
        return None, [refused]
    return _read_calamine(path, display, suffix)


def _refuse_container(path: Path, suffix: str, head: bytes) -> Diagnostic | None:
    whole = at(str(path))
    if head == OLE_MAGIC:
        raw = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in raw or "EncryptedPackage".encode("utf-16-le") in raw:
            return Diagnostic.error("E904", whole)
        if "_VBA_PROJECT".encode("utf-16-le") in raw or b"_VBA_PROJECT" in raw:
            return Diagnostic.error("E903", whole, detail="VBA")
        return None
    if not zipfile.is_zipfile(path):
        return None if suffix == ".xls" else Diagnostic.error("E901", whole, detail="not a zip container")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        return Diagnostic.error("E901", whole, detail=exc)
    names = [info.filename for info in infos]
    macros = [n for n in names if n.lower().endswith("vbaproject.bin") or n.lower().startswith("basic/")]
    if macros:
        return Diagnostic.error("E903", whole, detail=macros[0])
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        return Diagnostic.error("E905", whole, size=unpacked, limit=MAX_UNPACKED_BYTES)
    return None


def _read_calamine(path: Path, display: str, suffix: str) -> tuple[Workbook | None, list[Diagnostic]]:
    import python_calamine as pc

    whole = at(display)
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        return None, [Diagnostic.error("E904", whole)]
    except Exception as exc:  # calamine raises several error types for damaged files; all mean "unreadable"
        return None, [Diagnostic.error("E901", whole, detail=_short(exc))]
    diagnostics: list[Diagnostic] = []
    hidden = [m.name for m in book.sheets_metadata if str(m.visible).split(".")[-1].lower() != "visible"]
    for name in hidden:
        diagnostics.append(Diagnostic.error("E906", at(display, name), sheet=name))
    if diagnostics:
        return None, diagnostics
    try:
        formulas, merged = _xml_extras(path, suffix, book.sheet_names)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError) as exc:  # ParseError is a SyntaxError
        return None, [Diagnostic.error("E901", whole, detail=_short(exc))]
    sheets: list[Sheet] = []
    for name in book.sheet_names:
        try:
            sheet = book.get_sheet_by_name(name)
            height = sheet.total_height
            if height > MAX_ROWS:
                diagnostics.append(Diagnostic.error("E907", at(display, name), rows=height, limit=MAX_ROWS))
                continue
            rows = sheet.to_python(skip_empty_area=False)
            ranges = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])]
        except Exception as exc:  # a damaged sheet: named, not a traceback
            diagnostics.append(Diagnostic.error("E901", at(display, name), detail=_short(exc)))
            continue
        sheets.append(Sheet(name, rows, formulas.get(name, {}), ranges or merged.get(name, [])))
    diagnostics += _long_cells(display, sheets)
    if any(d.is_error for d in diagnostics):
        return None, diagnostics
    return Workbook(path, display, sheets), diagnostics


def _long_cells(display: str, sheets: list[Sheet]) -> list[Diagnostic]:
    found = []
    for sheet in sheets:
        for r, row in enumerate(sheet.rows, 1):
            for c, value in enumerate(row, 1):
                if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    found.append(Diagnostic.error("E908", at(display, sheet.name, r, c), chars=len(value),
                                                  limit=MAX_CELL_CHARS))
                    row[c - 1] = ""
    return found


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


# ---------------------------------------------------------------------------------------------
# What calamine does not tell: formulas (and, for .ods, merged cells) from the sheet XML


_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?>(.*?)</c>', re.S)
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)


def _xml_extras(path: Path, suffix: str, names: list[str]) -> tuple[dict[str, dict], dict[str, list]]:
    if suffix == ".xlsx" and zipfile.is_zipfile(path):
        return _xlsx_formulas(path, names), {}
    if suffix == ".ods" and zipfile.is_zipfile(path):
        return _ods_extras(path)
    if suffix == ".xls":
        return _xls_formulas(path), {}
    return {}, {}


_XLS_BOUNDSHEET, _XLS_FORMULA = 0x0085, 0x0006   # BIFF8 record types


def _xls_formulas(path: Path) -> dict[str, dict]:
    """Formula cells of a BIFF8 .xls: its FORMULA records, placed in the sheet whose substream
    (BOUNDSHEET's offset of its BOF record) holds them."""
    import struct

    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = ole.openstream("Workbook").read() if ole.exists("Workbook") else b""
    except OSError:
        return {}
    sheets: list[tuple[int, str]] = []
    formulas: list[tuple[int, int, int]] = []
    pos = 0
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        data = stream[pos + 4:pos + 4 + length]
        if kind == _XLS_BOUNDSHEET and len(data) >= 8:
            count, wide = data[6], data[7] & 1
            raw = data[8:8 + count * (2 if wide else 1)]
            sheets.append((struct.unpack_from("<I", data)[0], raw.decode("utf-16-le" if wide else "latin-1")))
        elif kind == _XLS_FORMULA and len(data) >= 4:
            row, col = struct.unpack_from("<HH", data)
            formulas.append((pos, row + 1, col + 1))
        pos += 4 + length
    result: dict[str, dict] = {}
    for at_pos, row, col in formulas:
        owner = max((s for s in sheets if s[0] <= at_pos), default=None)
        if owner is not None:
            result.setdefault(owner[1], {})[(row, col)] = ""
    return result


def _xlsx_formulas(path: Path, names: list[str]) -> dict[str, dict]:
    """Formula cells per sheet name, from xl/worksheets/sheetN.xml via workbook.xml's relations."""
    result: dict[str, dict] = {}
    with zipfile.ZipFile(path) as archive:
        try:
            book = archive.read("xl/workbook.xml")
            rels = archive.read("xl/_rels/workbook.xml.rels")
        except KeyError:
            return result
        targets = dict(re.findall(rb'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
        targets.update({k: v for v, k in re.findall(rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"',
                                                       rels)})
        for name, rid in re.findall(rb'<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
            target = targets.get(rid, b"").decode()
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            try:
                xml = archive.read(member)
            except KeyError:
                continue
            if b"<f" not in xml:
                continue
            cells = {}
            for col, row, inner in _CELL.findall(xml):
                match = _FORMULA.search(inner)
                if match:
                    cells[(int(row), _col_number(col.decode()))] = _unescape((match.group(1) or b"").decode())
            result[_unescape(name.decode())] = cells
    return result


def _ods_extras(path: Path) -> tuple[dict[str, dict], dict[str, list]]:
    """Formulas and merged (spanned) cells of an .ods, from content.xml."""
    from xml.etree import ElementTree as ET

    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}
    t = "{" + ns["table"] + "}"
    formulas: dict[str, dict] = {}
    merged: dict[str, list] = {}
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("content.xml"))  # size bounded above; ODF has no DTD
    for table in root.iter(f"{t}table"):
        name = table.get(f"{t}name", "")
        row_no = 0
        for row in table.iter(f"{t}table-row"):
            repeat_rows = int(row.get(f"{t}number-rows-repeated", "1"))
            row_no += 1
            col_no = 0
            for cell in row:
                if cell.tag not in (f"{t}table-cell", f"{t}covered-table-cell"):
                    continue
                col_no += 1
                span_r = int(cell.get(f"{t}number-rows-spanned", "1"))
                span_c = int(cell.get(f"{t}number-columns-spanned", "1"))
                if cell.get(f"{t}formula"):
                    formulas.setdefault(name, {})[(row_no, col_no)] = cell.get(f"{t}formula")
                if span_r > 1 or span_c > 1:
                    merged.setdefault(name, []).append((row_no, col_no, row_no + span_r - 1, col_no + span_c - 1))
                col_no += int(cell.get(f"{t}number-columns-repeated", "1")) - 1
            row_no += repeat_rows - 1
    return formulas, merged


def _col_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace(
        "&amp;", "&")


# ---------------------------------------------------------------------------------------------
# CSV


def _read_csv(path: Path, display: str) -> tuple[Workbook | None, list[Diagnostic]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None, [Diagnostic.error("E911", at(display))]
    try:
        rows: list[list[Any]] = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        return None, [Diagnostic.error("E901", at(display), detail=exc)]
    name = path.stem
    if len(rows) > MAX_ROWS:
        return None, [Diagnostic.error("E907", at(display, name), rows=len(rows), limit=MAX_ROWS)]
    sheets = [Sheet(name, rows)]
    problems = _long_cells(display, sheets)
    if problems:
        return None, problems
    return Workbook(path, display, sheets), []
