"""Write a ledger workbook with openpyxl: headers, notes, widths, dates, dropdowns, frozen header.

Bytes are deterministic: the document properties carry a fixed time, and the zip is rewritten
with fixed entry times, so the same records give the same file in any folder on any day.
Files are written next to their target and renamed into place.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from generators.ledgers.columns import (
    DATE,
    DOMAIN,
    INFO_CAMPAIGN,
    INFO_RECORD,
    INFO_TITLE,
    INFO_TOWN,
    SHOWN,
    TOWN,
    VOCAB,
    SheetKind,
)

FIXED_TIME = dt.datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DATE_FORMAT = "yyyy-mm-dd"
OPTIONS_TITLE = "选项"
SPARE_ROWS = 300           # empty rows below the data that still carry the dropdowns and date format
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SHOWN_FILL = PatternFill("solid", fgColor="EDEDED")
THIN = Side(style="thin", color="A6A6A6")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
SHOWN_NOTE = "（仅供查看，导入时不读取 / shown only, not imported）"


@dataclass
class SheetData:
    kind: SheetKind
    rows: list[list[Any]]


@dataclass
class Info:
    """What the 说明 sheet says: which campaign and town the workbook is for."""

    campaign: str
    campaign_title: str
    town: str = ""                  # the town's Chinese name ("" for a whole campaign)
    record: str = ""                # the self-assessment's ID, when the workbook holds its lists
    lines: list[str] = field(default_factory=list)


def build(sheets: list[SheetData], info: Info, choices: dict[str, tuple[str, list[str]]]) -> Workbook:
    """``choices``: (heading, dropdown values) by column kind or vocabulary (``town``, ``hazard-grades``…)."""
    book = Workbook()
    book.remove(book.active)
    _info_sheet(book, info)
    option_ranges = _options_sheet(book, choices)
    for data in sheets:
        _data_sheet(book, data, option_ranges)
    book.active = 1 if len(book.sheetnames) > 1 else 0
    props = book.properties
    props.creator = props.lastModifiedBy = "整治评估档案库"
    props.created = props.modified = FIXED_TIME
    props.title = f"{info.town}{info.campaign_title}台账" if info.town else f"{info.campaign_title}台账"
    return book


def _info_sheet(book: Workbook, info: Info) -> None:
    sheet = book.create_sheet(INFO_TITLE)
    rows = [[INFO_CAMPAIGN, info.campaign, info.campaign_title]]
    if info.town:
        rows.append([INFO_TOWN, info.town])
    if info.record:
        rows.append([INFO_RECORD, info.record])
    rows.append([])
    rows += [[line] for line in info.lines]
    for row in rows:
        sheet.append(row)
    for cell in sheet["A"][:3]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["C"].width = 60


def _options_sheet(book: Workbook, choices: dict[str, tuple[str, list[str]]]) -> dict[str, str]:
    """A visible sheet listing the dropdowns' values (a hidden one would be refused by the import)."""
    sheet = book.create_sheet(OPTIONS_TITLE)
    ranges = {}
    for col, (name, (heading, values)) in enumerate(choices.items(), 1):
        letter = get_column_letter(col)
        sheet.cell(1, col, heading).font = Font(bold=True)
        for row, value in enumerate(values, 2):
            sheet.cell(row, col, value)
        sheet.column_dimensions[letter].width = max(12, max((len(v) for v in [heading, *values]), default=0) * 2 + 2)
        ranges[name] = f"{quote_sheetname(OPTIONS_TITLE)}!${letter}$2:${letter}${max(2, len(values) + 1)}"
    return ranges


def _choice_key(column) -> str | None:
    if column.kind in (TOWN, DOMAIN):
        return column.kind
    if column.kind == VOCAB:
        return column.vocabulary
    return None


def _data_sheet(book: Workbook, data: SheetData, option_ranges: dict[str, str]) -> None:
    sheet = book.create_sheet(data.kind.title)
    columns = data.kind.columns
    last_row = len(data.rows) + 1 + SPARE_ROWS
    for col, column in enumerate(columns, 1):
        cell = sheet.cell(1, col, column.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = GRID
        note = column.field if column.kind != SHOWN else f"{column.field}{SHOWN_NOTE}"
        cell.comment = Comment(note, "整治评估档案库", width=260, height=60)
        sheet.column_dimensions[get_column_letter(col)].width = column.width
    for r, row in enumerate(data.rows, 2):
        for col, value in enumerate(row, 1):
            cell = sheet.cell(r, col, value if value != "" else None)
            cell.border, cell.alignment = GRID, WRAP
            if columns[col - 1].kind == SHOWN:
                cell.fill = SHOWN_FILL
    for col, column in enumerate(columns, 1):
        letter = get_column_letter(col)
        if column.kind == DATE:
            for r in range(2, last_row + 1):
                sheet.cell(r, col).number_format = DATE_FORMAT
            rule = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                                  error="请填写日期，如 2022-07-23 / a date, e.g. 2022-07-23", showErrorMessage=True)
            rule.add(f"{letter}2:{letter}{last_row}")
            sheet.add_data_validation(rule)
        key = _choice_key(column)
        if key and key in option_ranges and column.kind != SHOWN:
            rule = DataValidation(type="list", formula1=f"={option_ranges[key]}", allow_blank=True,
                                  error="请从下拉列表中选择 / choose from the list", showErrorMessage=True)
            rule.add(f"{letter}2:{letter}{last_row}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"
    # Printed from Excel/WPS: landscape, as wide as the page, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(2, len(data.rows) + 1)}"


# ---------------------------------------------------------------------------------------------
# Deterministic bytes, written atomically


_CORE_TIME = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def to_bytes(book: Workbook) -> bytes:
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_TIME.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False) as f:
        f.write(data)
    os.chmod(f.name, 0o644)  # a temporary file is private; the workbook is not
    os.replace(f.name, path)
