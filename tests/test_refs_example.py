"""``make check`` on a copy of the example archive with reference faults planted reports each
one at its place; the example itself has no reference errors; its sub-reports show coverage."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generators.checks import load_and_check
from generators.records.model import SubReport
from generators.refs.graph import coverage
from tests.conftest import ROOT

NOTICE_BODY = "content/notices/haianweiban-2022-17.zh.md"
DIAGNOSTIC = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning)\[(?P<code>[EW]3\d\d)\]",
                        re.MULTILINE)

PLANTED = textwrap.dedent("""\
    # Reference faults planted in a copy of the example archive by tests/test_refs_example.py.
    - type: notice
      id: planted-secret
      kind: notice
      document_number: 海安委办〔2031〕1号
      issuer: office
      date: 2031-01-05
      classification: 秘密
      title: {zh: 一份密件}
      addressees: {zh: 各单位}
      body: {zh: 无}
    - type: notice
      id: planted-old
      kind: notice
      document_number: 海安委办〔2031〕2号
      issuer: office
      date: 2031-01-06
      classification: 公开
      title: {zh: 旧版通知}
      addressees: {zh: 各单位}
      body: {zh: 无}
    - type: notice
      id: planted-new
      version: 2
      supersedes: planted-old
      change_note: {zh: 修订}
      kind: notice
      document_number: 海安委办〔2031〕2号
      issuer: office
      date: 2031-01-07
      classification: 公开
      title: {zh: 新版通知}
      addressees: {zh: 各单位}
      body: {zh: 无}
    - type: notice
      id: planted-public
      kind: notice
      document_number: 海安委办〔2031〕3号
      issuer: office
      date: 2031-01-08
      classification: 公开
      title: {zh: 引用出错的通知}
      addressees: {zh: 各单位}
      body:
        zh: |
          依据[[海安委办〔2022〕17号]]和[[haimen-evaluation-spec-2022]]。
          另见[[planted-secret]]、[[planted-old]]和[[海安委办〔2022〕17]]。
    - type: campaign
      id: planted-camp
      title: {zh: 植入的专项整治}
      start: 2031-01-01
      end: 2031-03-31
      lead_department: emergency
      scope: {towns: [sanxing, changle], domains: [hazchem]}
      plans: [{id: planted-plan, kind: master, title: {zh: 植入方案}}]
    - type: hazard
      id: planted-hz-sanxing
      title: {zh: 植入隐患一}
      campaign: planted-camp
      domain: hazchem
      town: sanxing
      entity: {name: {zh: 某公司}, credit_code: 91320684MA1XXXXX0Y, location: {zh: 三星镇}}
      discovery:
        {source: self-inspection, date: 2031-01-02, inspector: {zh: 张三}, description: {zh: 略}, category: unsafe-act}
      grade: 一般
      deadline: 2031-02-28
      closure: {date: 2031-02-20, approved_by: emergency}
    - type: hazard
      id: planted-hz-changle
      title: {zh: 植入隐患二}
      campaign: planted-camp
      domain: hazchem
      town: changle
      entity: {name: {zh: 某公司}, credit_code: 91320684MA1XXXXX1Y, location: {zh: 常乐镇}}
      discovery:
        {source: self-inspection, date: 2031-01-02, inspector: {zh: 李四}, description: {zh: 略}, category: unsafe-act}
      grade: 一般
      deadline: 2031-02-28
    - type: self-assessment
      id: planted-sa
      title: {zh: 植入自评报告}
      campaign: planted-camp
      town: sanxing
      hazard_list:
        - hazard: planted-hz-sanxing
          status: rectified
    - type: sub-report
      id: planted-sr
      title: {zh: 植入子项报告}
      campaign: planted-camp
      town: sanxing
      grade: 良
      sections:
        - topic: problems
          body: {zh: "另见常乐镇的[[planted-hz-changle]]。"}
    """)


def position(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    offset = -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, set]:
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "content", root / "content")  # prose files are named relative to the YAML
    body = root / NOTICE_BODY
    original = body.read_text(encoding="utf-8")
    appended = "\n附：详见[[haimen-evaluation-spec-202]]。\n"
    body.write_text(original.rstrip("\n") + "\n" + appended, encoding="utf-8")
    (root / "data" / "planted.yml").write_text(PLANTED, encoding="utf-8")
    line = original.rstrip("\n").count("\n") + 3
    y = "data/planted.yml"
    expected = {
        ("E301", NOTICE_BODY, line, 5),
        ("E302", y, *position(PLANTED, "[[planted-secret]]")),
        ("W301", y, *position(PLANTED, "[[planted-old]]")),
        ("E301", y, *position(PLANTED, "[[海安委办〔2022〕17]]")),
        ("W305", y, *position(PLANTED, "{date: 2031-02-20")),
        ("W306", y, *position(PLANTED, "type: sub-report")),
        ("W302", y, *position(PLANTED, "[[planted-hz-changle]]")),
        ("W303", y, *position(PLANTED, "planted-hz-sanxing\n      status")),
        ("W304", y, *position(PLANTED, "hazard: planted-hz-sanxing")),
    }
    return root, expected


def test_make_check_reports_each_planted_fault_at_its_place(planted):
    root, expected = planted
    result = subprocess.run([sys.executable, "-m", "generators", "check", "--data", str(root / "data")],
                            cwd=ROOT, capture_output=True, text=True, env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1  # the planted errors fail the check
    found = set()
    for m in DIAGNOSTIC.finditer(result.stderr):
        path = Path(m["path"]).resolve().relative_to(root.resolve()).as_posix()
        found.add((m["code"], path, int(m["line"]), int(m["col"])))
    assert expected <= found
    # anything else is a warning of the example itself, never a reference error
    assert all(code.startswith("W") for code, *_ in found - expected)
    assert "did you mean [[haimen-evaluation-spec-2022]]" in result.stderr
    assert "did you mean [[海安委办〔2022〕17号]]" in result.stderr


@pytest.fixture(scope="module")
def example():
    return load_and_check(ROOT / "data")


def test_example_has_no_reference_errors(example):
    _, diagnostics = example
    # E0xx: a loading error would also stop the reference checks from running at all
    assert [d.format("en") for d in diagnostics if d.code[1] in "03" and d.is_error] == []


def test_example_sub_reports_show_coverage(example):
    archive, _ = example
    reports = archive.of_type(SubReport)
    assert reports, "the example archive has no sub-report yet"
    shown = subprocess.run([sys.executable, "-m", "generators", "review", "--data", str(ROOT / "data"),
                            "--id", reports[0].id], cwd=ROOT, capture_output=True, text=True,
                           env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    assert shown.returncode == 0, shown.stderr
    figures = coverage(archive, reports[0].id)
    assert (f"Sieve check (art. 5(2)): listed {figures.listed} · verified {figures.verified} · "
            f"closed {figures.closed}") in shown.stdout
    assert figures.listed > 0
