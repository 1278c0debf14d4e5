"""Workbooks the import must refuse or locate: macros, passwords, hidden sheets, formulas, merged
data cells, huge sheets and cells, damaged files. Never a traceback, never a file written."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile

import pytest
from ledgers_helpers import ROOT, convert, messy_row, messy_workbook, reload
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook, load_workbook

from generators.ledgers.importer import plan_import, write_plan
from generators.ledgers.read import MAX_CELL_CHARS, MAX_ROWS


@pytest.fixture(scope="module")
def archive():
    return reload(ROOT / "data")


def _refused(archive, path) -> list[str]:
    result = plan_import(archive, path, "zz2020")
    assert result.failed and write_plan(result) == []
    return sorted(f"{d.location}: {d.code}" for d in result.diagnostics if d.is_error)


def test_macro_workbooks_are_refused_whole(archive, tmp_path):
    book = messy_workbook(tmp_path / "ledger.xlsx", [messy_row()])
    xlsm = shutil.copyfile(book, tmp_path / "ledger.xlsm")
    assert _refused(archive, xlsm) == [f"{xlsm}: E903"]
    disguised = tmp_path / "disguised.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(disguised, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    assert _refused(archive, disguised) == [f"{disguised}: E903"]


def test_password_protected_workbook_is_refused(archive, tmp_path):
    book = messy_workbook(tmp_path / "plain.xlsx", [messy_row()])
    encrypted = io.BytesIO()
    with book.open("rb") as handle:
        OOXMLFile(handle).encrypt("密码123", encrypted)
    path = tmp_path / "locked.xlsx"
    path.write_bytes(encrypted.getvalue())
    assert _refused(archive, path) == [f"{path}: E904"]


def test_hidden_sheet_is_refused_and_named(archive, tmp_path):
    path = messy_workbook(tmp_path / "ledger.xlsx", [messy_row()])
    book = load_workbook(path)
    book.create_sheet("旧数据").sheet_state = "hidden"
    book.save(path)
    assert _refused(archive, path) == [f"{path}:旧数据!A1: E906"]


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
def test_formula_and_merged_data_cells_are_located(archive, tmp_path, suffix):
    path = messy_workbook(tmp_path / "ledger.xlsx", [messy_row(), messy_row(序号=2, 隐患名称="另一隐患")])
    book = load_workbook(path)
    sheet = book.active
    sheet["I4"] = "=DATE(2022,7,23)"
    sheet.merge_cells("C4:C5")
    book.save(path)
    if suffix != "xlsx":   # the same workbook saved by LibreOffice, with the formula's value cached
        path = convert(path, suffix, tmp_path / "out")
    found = _refused(archive, path)
    assert found == [f"{path}:Sheet1!C4: E910", f"{path}:Sheet1!I4: E909"]   # once each; title rows may merge


def test_a_hundred_thousand_rows_are_refused(archive, tmp_path):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["序号", "问题隐患", "责任单位", "发现日期"])
    for number in range(100_000):
        sheet.append([number + 1, "隐患", "单位", 44765])
    path = tmp_path / "huge.xlsx"
    book.save(path)
    assert _refused(archive, path) == [f"{path}:台账!A1: E907"]
    assert MAX_ROWS < 100_000


def test_a_ten_megabyte_cell_is_located(archive, tmp_path):
    path = messy_workbook(tmp_path / "ledger.xlsx", [messy_row(隐患描述="隐" * (10 * 1024 * 1024 // 3))])
    assert path.stat().st_size < 20 * 1024 * 1024
    assert _refused(archive, path) == [f"{path}:Sheet1!M4: E908"]
    assert MAX_CELL_CHARS < 10 * 1024 * 1024 // 3


def test_damaged_and_unknown_files(archive, tmp_path):
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    assert _refused(archive, damaged) == [f"{damaged}: E901"]
    other = tmp_path / "ledger.docx"
    other.write_bytes(b"x")
    assert _refused(archive, other) == [f"{other}: E902"]


def test_command_refuses_without_traceback_and_writes_nothing(tmp_path):
    path = messy_workbook(tmp_path / "ledger.xlsx", [messy_row()])
    book = load_workbook(path)
    book.create_sheet("隐藏").sheet_state = "hidden"
    book.save(path)
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": ""}
    before = {p: p.stat().st_mtime_ns for p in (ROOT / "data").rglob("*.yml")}
    run = subprocess.run([sys.executable, "-m", "generators", "import", str(path), "--campaign", "zz2020"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 1
    assert f"{path}:隐藏!A1: error[E906]: 工作表“隐藏”被隐藏" in run.stderr
    assert "未写入任何文件" in run.stderr and "Traceback" not in run.stderr
    assert {p: p.stat().st_mtime_ns for p in (ROOT / "data").rglob("*.yml")} == before
