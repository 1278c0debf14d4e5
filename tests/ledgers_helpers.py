"""Helpers for the ledger tests: a copy of the example archive, and workbooks made the way people make them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from generators.ledgers.importer import Plan, plan_import
from generators.records import Archive, load_archive

ROOT = Path(__file__).resolve().parent.parent

# The ledger's columns as a town office might type them: another order, a 备注 column the
# archive does not know, headers with spaces and a full-width colon.
MESSY_HEADER = ["序号", "隐患名称", "所在区镇", "行业领域", "责任单位 ", "统一社会信用代码", "单位地址", "隐患等级",
                "发现日期", "整改期限：", "发现来源", "检查人", "隐患描述", "隐患类别", "编号", "备注"]


def example_copy(folder: Path) -> Path:
    """The whole example (data/ and content/ side by side, so prose paths resolve); returns DATA."""
    shutil.copytree(ROOT / "data", folder / "data")
    shutil.copytree(ROOT / "content", folder / "content")
    return folder / "data"


def messy_row(**overrides: Any) -> list[Any]:
    values = {
        "序号": 1, "隐患名称": "南通测试化工有限公司：储罐区防火堤破损", "所在区镇": "常乐", "行业领域": "危险化学品",
        "责任单位 ": "南通测试化工有限公司  ", "统一社会信用代码": "91320684MA1WXY001X", "单位地址": "常乐镇测试路1号",
        "隐患等级": "一般隐患", "发现日期": 44765, "整改期限：": "2022/8/30", "发现来源": "部门检查",
        "检查人": "区应急管理局执法人员张某", "隐患描述": "储罐区防火堤局部破损，未及时修补。",
        "隐患类别": "物的不安全状态",
        "编号": None, "备注": "台账内部备注",
    }
    values.update(overrides)
    return [values[h] for h in MESSY_HEADER]


def messy_workbook(path: Path, rows: list[list[Any]], *, title_rows: bool = True, sheet: str = "Sheet1",
                   header: list[str] | None = None) -> Path:
    """A hazard ledger as towns keep it: two merged title rows above the header, then ``rows``
    (a row of Nones is an empty row in the middle)."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    header = header or MESSY_HEADER
    if title_rows:
        ws.append(["常乐镇安全生产隐患排查整治台账"])
        ws.append(["填报单位：常乐镇安监办", None, None, None, None, None, None, None, "填报日期：2022年9月1日"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=8)
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def plan(archive: Archive, file: Path, **kwargs: Any) -> Plan:
    return plan_import(archive, file, kwargs.get("campaign", "zz2020"), kwargs.get("town"))


def reload(data: Path) -> Archive:
    archive, problems = load_archive(data)
    assert not [d for d in problems if d.is_error], [d.format("en") for d in problems if d.is_error][:5]
    return archive


def errors(result: Plan) -> list[str]:
    return [f"{d.location}: {d.code}" for d in result.diagnostics if d.is_error]


def convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """LibreOffice headless: the workbook as ``target_format`` (ods, xls, xlsx) in ``out_dir``."""
    profile = out_dir / "lo-profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
                    target_format, "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=240)
    result = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    assert result.is_file(), f"LibreOffice wrote no {result.name}"
    return result
