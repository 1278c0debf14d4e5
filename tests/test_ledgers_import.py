"""Import of ledger workbooks made in the shapes people really make them, into a copy of the example."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ledgers_helpers import ROOT, convert, errors, example_copy, messy_row, messy_workbook, plan, reload

from generators.checks import load_and_check
from generators.ledgers.importer import write_plan
from generators.ledgers.yamlfile import RecordFile


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """One read-only copy of the example and its archive for the tests that only plan."""
    data = example_copy(tmp_path_factory.mktemp("example"))
    return data, reload(data)


def _snapshot(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*.yml"))}


def test_messy_ledger_becomes_new_dossiers(example, tmp_path):
    _, archive = example
    book = messy_workbook(tmp_path / "台账.xlsx", [
        messy_row(),
        [None] * 16,                                                     # an empty row in the middle
        messy_row(序号=2, 隐患名称="南通测试纺织有限公司：配电箱未接地", 所在区镇="常乐镇 ",
                  行业领域="工业园区等功能区",
                  统一社会信用代码="９１３２０６８４ＭＡ１ＷＸＹ００２Ｘ", 发现日期="２０２２年７月２３日",
                  隐患等级="是", **{"整改期限：": "2022.8.5"}),
    ])
    result = plan(archive, book)
    assert errors(result) == []
    added = {c.record: c for c in result.changes.values() if c.added}
    year_2022 = sorted(int(rid[-4:]) for rid in archive.records if rid.startswith("HZ-2022-"))
    expected = [f"HZ-2022-{year_2022[-1] + 1:04d}", f"HZ-2022-{year_2022[-1] + 2:04d}"]
    assert sorted(added) == expected
    first = result.files[added[expected[0]].path].record(expected[0])
    assert first["town"] == "changle" and first["domain"] == "hazchem" and first["plan"] == "zz2020-hazchem"
    assert first["discovery"]["date"] == dt.date(2022, 7, 23)          # Excel serial 44765
    assert first["deadline"] == dt.date(2022, 8, 30)                    # 2022/8/30
    assert first["entity"]["name"] == {"zh": "南通测试化工有限公司"}       # trailing spaces dropped
    second = result.files[added[expected[1]].path].record(expected[1])
    assert second["entity"]["credit_code"] == "91320684MA1WXY002X"     # full-width folded
    assert second["discovery"]["date"] == dt.date(2022, 7, 23) and second["deadline"] == dt.date(2022, 8, 5)
    assert second["grade"] == "重大"                                     # 是 for 是否重大隐患… given as 等级
    warned = [d for d in result.diagnostics if d.code == "W901"]
    assert [str(d.location) for d in warned] == [f"{book}:Sheet1!P3"]   # 备注 named, not imported
    assert list(first)[:4] == ["type", "id", "title", "campaign"]
    text = result.files[added[expected[0]].path].text()
    assert text.startswith("# yaml-language-server: $schema=../../../../generators/schemas/hazard.schema.json\n")


def test_every_problem_at_once_located_and_nothing_written(example, tmp_path):
    data, archive = example
    before = _snapshot(data)
    book = messy_workbook(tmp_path / "bad.xlsx", [
        messy_row(隐患等级="重da隐患"),                                    # misspelt grade
        messy_row(序号=2, 所在区镇="火星镇"),                              # unknown town
        messy_row(序号=3, 编号="HZ-2020-0002", 所在区镇="海门"),            # ambiguous town
        messy_row(序号=4, 编号="HZ-2020-0002"),                           # duplicate ID
        messy_row(序号=5, 发现日期="2022-02-30"),                          # no such date
        messy_row(序号=6, 编号="HZ-2099-0001"),                           # unknown ID
    ])
    result = plan(archive, book)
    found = errors(result)
    assert f"{book}:Sheet1!H4: E922" in found
    assert f"{book}:Sheet1!C5: E923" in found
    assert f"{book}:Sheet1!C6: E924" in found
    assert f"{book}:Sheet1!O7: E927" in found
    assert f"{book}:Sheet1!I8: E921" in found
    assert f"{book}:Sheet1!O9: E925" in found
    grade = next(d for d in result.diagnostics if d.code == "E922")
    assert "重大隐患" in grade.hint("zh") and "重大隐患" in grade.hint("en")
    assert "海门街道" in next(d for d in result.diagnostics if d.code == "E924").message("zh")
    assert write_plan(result) == []                                      # a plan with errors writes nothing
    assert _snapshot(data) == before


def test_import_twice_changes_nothing_and_edits_change_only_their_fields(tmp_path):
    data = example_copy(tmp_path / "archive")
    archive = reload(data)
    book = messy_workbook(tmp_path / "ledger.xlsx", [messy_row()])
    first = plan(archive, book)
    assert not first.failed
    written = write_plan(first)
    assert len(written) == 1
    (new_id,) = [c.record for c in first.changes.values() if c.added]

    archive = reload(data)
    again = plan(archive, book)
    assert not again.failed and again.changed_files() == {}

    # An edited workbook: the new row gets its ID, an existing dossier changes its grade.
    hazard = RecordFile.read(data / "campaigns/zz2020/hazards/HZ-2020-0002.yml").record("HZ-2020-0002")
    assert hazard["grade"] == "一般" and hazard["progress"]
    edited = messy_workbook(tmp_path / "edited.xlsx", [
        messy_row(编号=new_id, **{"整改期限：": "2022-09-15"}),
        messy_row(序号=2, 编号="HZ-2020-0002", 隐患名称=hazard["title"]["zh"], 所在区镇="常乐镇",
                  行业领域="交通运输（民航、铁路、邮政、水上和城市轨道交通）和渔业船舶",
                  统一社会信用代码=None, 单位地址=None, 发现日期="2020-04-18", 发现来源=None, 检查人=None,
                  隐患描述=None, 隐患类别=None, 隐患等级="重大隐患", 备注=None,
                  **{"责任单位 ": None, "整改期限：": "2020-05-16"}),
    ])
    result = plan(reload(data), edited)
    assert not result.failed, errors(result)
    changes = {c.record: c.fields for c in result.changes.values() if c.fields}
    assert changes == {new_id: [("deadline", "2022-08-30", "2022-09-15")],
                       "HZ-2020-0002": [("grade", "一般", "重大")]}
    before = (data / "campaigns/zz2020/hazards/HZ-2020-0002.yml").read_text(encoding="utf-8")
    write_plan(result)
    after = (data / "campaigns/zz2020/hazards/HZ-2020-0002.yml").read_text(encoding="utf-8")
    diff = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert diff == [("grade: 一般", "grade: 重大")]                       # progress, acceptance, archival stay
    _, diagnostics = load_and_check(data)
    assert [d.format("en") for d in diagnostics if d.is_error] == []


def test_three_lists_into_the_self_assessment(tmp_path):
    from openpyxl import Workbook

    data = example_copy(tmp_path / "archive")
    archive = reload(data)
    book = Workbook()
    ws = book.active
    ws.title = "目标任务完成情况清单"
    ws.append(["序号", "任务编号", "完成情况", "状态"])
    ws.append([1, "zz2020-t04", "已全部完成  ", "已完成"])
    ws.append([2, "zz2020-t99", "x", "已完成"])
    lists = book.create_sheet("经验")
    lists.append(["经验做法", "主要内容"])
    lists.append(["夜查“双随机”", "每月两次夜间抽查。"])
    path = tmp_path / "lists.xlsx"
    book.save(path)
    result = plan(archive, path, town="常乐")
    assert errors(result) == [f"{path}:目标任务完成情况清单!B3: E925"]
    ws.delete_rows(3)
    book.save(path)
    result = plan(archive, path, town="常乐")
    assert not result.failed
    (change,) = [c for c in result.changes.values() if c.fields]
    assert change.record == "zz2020-sa-changle"
    assert ("target_task_list[zz2020-t04].status", "partial", "completed") in change.fields
    assert ("experience_list[夜查“双随机”] +.title", "", "夜查“双随机”") in change.fields
    write_plan(result)
    record = RecordFile.read(data / "campaigns/zz2020/self-assessments/changle.yml").record("zz2020-sa-changle")
    item = next(i for i in record["target_task_list"] if i["task"] == "zz2020-t04")
    assert item["completion"] == {"zh": "已全部完成"} and item["evidence"]   # en of the old text dropped; evidence kept
    assert record["experience_list"][-1]["title"] == {"zh": "夜查“双随机”"}
    assert record["sections"] and record["approval"]                          # fields the workbook does not hold
    _, diagnostics = load_and_check(data)
    assert [d.format("en") for d in diagnostics if d.is_error] == []


@pytest.mark.parametrize("target", ["ods", "xls"])
def test_libreoffice_converted_workbooks_read_the_same(example, tmp_path, target):
    _, archive = example
    rows = [messy_row(), [None] * 16, messy_row(序号=2, 编号="HZ-2020-0002", 隐患等级="重大")]
    source = messy_workbook(tmp_path / "ledger.xlsx", rows)
    converted = convert(source, target, tmp_path / "out")
    want, got = plan(archive, source), plan(archive, converted)
    assert errors(got) == [] and errors(want) == []
    assert {k: c.fields for k, c in got.changes.items()} == {k: c.fields for k, c in want.changes.items()}


def test_csv_in_gb18030(example, tmp_path):
    _, archive = example
    from ledgers_helpers import MESSY_HEADER
    path = tmp_path / "ledger.csv"
    lines = [",".join(MESSY_HEADER), ",".join("" if v is None else str(v) for v in messy_row(发现日期="2022.7.23"))]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    result = plan(archive, path)
    assert errors(result) == []
    (added,) = [c for c in result.changes.values() if c.added]
    assert result.files[added.path].record(added.record)["discovery"]["date"] == dt.date(2022, 7, 23)


def test_command_dry_run_shows_changes_in_chinese_and_writes_nothing(tmp_path):
    data = example_copy(tmp_path / "archive")
    before = _snapshot(data)
    book = messy_workbook(tmp_path / "ledger.xlsx", [messy_row()])
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": ""}
    run = subprocess.run([sys.executable, "-m", "generators", "import", str(book), "--data", str(data),
                          "--campaign", "zz2020", "--dry-run"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    assert "+ HZ-2022-" in run.stdout and "新增 1 条记录" in run.stdout
    assert "列“备注”不属于该清单" in run.stderr and "Traceback" not in run.stderr
    assert _snapshot(data) == before


def test_a_town_ledger_without_a_town_column(example, tmp_path):
    _, archive = example
    from ledgers_helpers import MESSY_HEADER

    header = [h for h in MESSY_HEADER if h != "所在区镇"]
    row = [v for h, v in zip(MESSY_HEADER, messy_row(), strict=True) if h != "所在区镇"]
    book = messy_workbook(tmp_path / "悦来.xlsx", [row], header=header)
    assert errors(plan(archive, book)) == [f"{book}:Sheet1!A4: E928"]      # which town? the row must say
    result = plan(archive, book, town="悦来")
    assert errors(result) == []
    (added,) = [c for c in result.changes.values() if c.added]
    assert result.files[added.path].record(added.record)["town"] == "yuelai"


def test_a_hand_written_file_keeps_its_comments_quotes_and_indentation(tmp_path):
    data = example_copy(tmp_path / "archive")
    path = data / "campaigns/zz2020/hazards/HZ-2020-0002.yml"
    text = path.read_text(encoding="utf-8")
    hand = text.replace("grade: 一般", "grade: 一般   # 2020年复核后仍为一般隐患").replace(
        "town: changle", 'town: "changle"').replace("progress:\n", "# 整改过程\nprogress:\n")
    path.write_text(hand, encoding="utf-8")
    archive = reload(data)
    record = archive.get("HZ-2020-0002")
    book = messy_workbook(tmp_path / "edit.xlsx", [messy_row(
        编号="HZ-2020-0002", 隐患名称=record.title.zh, 所在区镇="常乐镇",
        行业领域=archive.get(record.domain).name.zh,
        统一社会信用代码=record.entity.credit_code, 单位地址=record.entity.location.zh, 发现日期="2020-04-18",
        发现来源="部门检查", 检查人=record.discovery.inspector.zh, 隐患描述="码头装卸作业区安全出口堵塞。",
        隐患类别="物的不安全状态", 隐患等级="一般隐患",
        **{"责任单位 ": record.entity.name.zh, "整改期限：": "2020-05-16"})])
    result = plan(archive, book)
    assert not result.failed, errors(result)
    write_plan(result)
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(hand.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1] == "  description: {zh: 码头装卸作业区安全出口堵塞。}"
    assert "# 2020年复核后仍为一般隐患" in after and 'town: "changle"' in after
