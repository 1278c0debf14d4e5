"""The loader reports every class of bad input at its exact place, all at once, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generators.diagnostics import Diagnostic
from generators.records import load_archive
from tests.conftest import ROOT

PERSON = """\
type: person
id: p-zhang
name: {zh: 张三, en: Zhang San}
organisation: office
role: {zh: 科员, en: Clerk}
"""


def diagnostics_for(make_archive, files: dict[str, str | bytes]) -> list[Diagnostic]:
    _, found = load_archive(make_archive(files))
    return found


def where(diagnostic: Diagnostic) -> tuple[str, str, int, int]:
    loc = diagnostic.location
    return diagnostic.code, Path(loc.path).name, loc.line, loc.col


# (name, files, expected (code, file name, line, column), words the English message or hint must contain)
CASES = [
    ("yaml syntax", {"p.yml": "type: person\nid: p1\nname: {zh: 张三\n"},
     ("E001", "p.yml", 4, 1), ["YAML syntax error"]),
    ("reference in an unquoted flow value", {"p.yml": PERSON.replace("role: {zh: 科员, en: Clerk}",
                                                                       "role: {zh: 见[[office]]科员}")},
     ("E019", "p.yml", 5, 13), ["reads the reference", "quote the whole text"]),
    ("unknown key with suggestion", {"p.yml": PERSON.replace("role:", "rol:")},
     ("E011", "p.yml", 5, 1), ["unknown field 'rol'", "did you mean 'role'"]),
    ("wrong type", {"p.yml": PERSON + "mobile: 13800000000\n"},
     ("E012", "p.yml", 6, 9), ["mobile", "expected text", "number 13800000000"]),
    ("missing required field", {"p.yml": PERSON.replace("organisation: office\n", "")},
     ("E013", "p.yml", 1, 1), ["required field organisation is missing"]),
    ("impossible date", {"c.yml": "type: calendar\nid: cal-2030\nyear: 2030\nsource: {zh: 国务院}\n"
                                  "holidays: [2030-01-01, 2022-02-30]\n"},
     ("E014", "c.yml", 5, 24), ["'2022-02-30' is not a real date"]),
    ("reference to nothing", {"p.yml": PERSON.replace("organisation: office", "organisation: ofice")},
     ("E021", "p.yml", 4, 15), ["'ofice' refers to nothing", "did you mean 'office'"]),
    ("reference of the wrong type", {"p.yml": PERSON.replace("organisation: office", "organisation: hazchem")},
     ("E023", "p.yml", 4, 15), ["'hazchem' is a domain"]),
    ("value outside vocabulary", {"o.yml": "type: organisation\nid: o1\nkind: twon\nname: {zh: 某镇}\n"},
     ("E022", "o.yml", 3, 7), ["'twon' is not in the vocabulary organisation-kinds", "did you mean 'town'"]),
    ("GBK file", {"p.yml": PERSON.encode("gbk")},
     ("E002", "p.yml", 3, 12), ["not UTF-8", "GBK", "iconv"]),
    ("anchors and aliases", {"p.yml": "a: &x [1, 2]\nb: [*x, *x]\n"},
     ("E003", "p.yml", 1, 4), ["anchors and aliases are not allowed"]),
    ("repeated key", {"p.yml": PERSON + "role: {zh: 又一个}\n"},
     ("E004", "p.yml", 6, 1), ["key 'role' is repeated (first on line 5)"]),
    ("empty file", {"p.yml": "# nothing here\n"},
     ("E007", "p.yml", 1, 1), ["file is empty"]),
    ("unknown record type", {"p.yml": PERSON.replace("type: person", "type: persn")},
     ("E010", "p.yml", 1, 7), ["unknown record type 'persn'", "did you mean 'person'"]),
    ("not a record", {"p.yml": "- just text\n"},
     ("E012", "p.yml", 1, 3), ["expected mapping"]),
    ("missing prose file", {"n.yml": "type: mechanism\nid: m1\ncampaign: nowhere\ntitle: {zh: 机制}\n"
                                     "issued_on: 2022-01-01\nissuer: office\n"},
     ("E021", "n.yml", 3, 11), ["'nowhere' refers to nothing"]),
    ("pattern", {"p.yml": "type: notice\nid: n1\nkind: notice\ndocument_number: 海安委办[2022]017号\n"
                          "issuer: office\ndate: 2022-03-18\ntitle: {zh: 通知}\naddressees: {zh: 各单位}\n"
                          "body: {zh: 正文}\n"},
     ("E015", "p.yml", 4, 18), ["document_number", "海安委办[2022]017号"]),
]


@pytest.mark.parametrize(("name", "files", "expected", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_error_class_is_reported_at_its_place(make_archive, name, files, expected, words):
    found = [d for d in diagnostics_for(make_archive, files) if d.is_error]
    assert [where(d) for d in found] == [expected], [d.format("en") for d in found]
    text = found[0].format("en")
    for word in words:
        assert word in text


def test_messages_follow_the_locale(make_archive):
    (found,) = diagnostics_for(make_archive, {"p.yml": PERSON.replace("role:", "rol:")})
    assert "未知的字段“rol”" in found.format("zh")
    assert "是否想写“role”" in found.format("zh")
    assert "unknown field 'rol'" in found.format("en")


def test_duplicate_ids_across_files_name_both_places(make_archive):
    found = diagnostics_for(make_archive, {"a.yml": PERSON, "b.yml": PERSON})
    assert [where(d) for d in found] == [("E020", "b.yml", 2, 5)]
    assert "a.yml:2:5" in found[0].format("en")


def test_missing_prose_file(make_archive):
    notice = ("type: notice\nid: n1\nkind: notice\ndocument_number: 海安委办〔2022〕99号\nissuer: office\n"
              "date: 2022-03-18\ntitle: {zh: 通知}\naddressees: {zh: 各单位}\nbody: {zh_file: missing.md}\n")
    found = diagnostics_for(make_archive, {"n.yml": notice})
    assert [where(d) for d in found] == [("E030", "n.yml", 9, 17)]


def test_every_problem_is_reported_at_once(make_archive):
    files = {
        "a.yml": PERSON.replace("role:", "rol:"),
        "b.yml": "type: person\nid: p2\nname: {zh: 李四\n",
        "c.yml": PERSON.replace("p-zhang", "p3").replace("organisation: office", "organisation: ofice"),
        "d.yml": "type: organisation\nid: o1\nkind: twon\nname: {zh: 某镇}\n",
    }
    codes = sorted(d.code for d in diagnostics_for(make_archive, files))
    assert codes == ["E001", "E011", "E021", "E022"]


@pytest.mark.parametrize("content", [
    b"\x00\x01\x02\xff\xfe",
    b"[" * 5000 + b"]" * 5000,
    b"a: b: c: d",
    b"42",
    b"- [1, 2]\n- {type: person}\n",
    b"type: person\nid: [1, 2]\n",
    b"\tkey: value\n",
    b"type: hazard\nid: h1\nentity: 12\ndiscovery: {date: 2022-13-45}\n",
    ("a: " + "{b: " * 3000 + "1" + "}" * 3000).encode(),
])
def test_malformed_input_never_raises(make_archive, content):
    found = diagnostics_for(make_archive, {"bad.yml": content})
    assert found and all(d.is_error for d in found)
    for d in found:
        assert Path(d.location.path).name == "bad.yml"
        d.format("en")
        d.format("zh")


def test_billion_laughs_is_refused_quickly(make_archive):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    found = diagnostics_for(make_archive, {"bomb.yml": bomb})
    assert [d.code for d in found] == ["E003"]


def test_example_archive_loads_clean():
    archive, found = load_archive(ROOT / "data")
    assert [d.format("en") for d in found if d.is_error] == []
    assert archive.jurisdiction.document_prefix == "海安委办"


def test_make_check_on_a_broken_copy_lists_every_planted_error(tmp_path):
    """As a reviewer would run it: `make check DATA=<broken copy>` → every error, non-zero exit."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    notice = tmp_path / "data" / "notices" / "haianweiban-2022-17.yml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("date: 2022-03-18", "date: 2022-02-30"),
                      encoding="utf-8")
    (tmp_path / "data" / "bad-town.yml").write_text(
        "- type: organisation\n  id: o-new\n  kind: twon\n  name: {zh: 新镇}\n"
        "- type: organisation\n  id: sanxing\n  kind: town\n  name: {zh: 重复镇}\n"
        "- type: organisation\n  id: o-colour\n  kind: town\n  name: {zh: 彩色镇}\n  colour: red\n",
        encoding="utf-8")
    (tmp_path / "data" / "gbk.yml").write_bytes(PERSON.encode("gbk"))
    result = subprocess.run(
        [sys.executable, "-m", "generators", "check", "--data", str(tmp_path / "data")],
        cwd=ROOT, capture_output=True, text=True, env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for expected in ("haianweiban-2022-17.yml:8:7: error[E014]", "bad-town.yml:13:3: error[E011]",
                     "bad-town.yml:3:9: error[E022]", "bad-town.yml:6:7)", "gbk.yml:3:12: error[E002]"):
        assert expected in result.stderr, result.stderr
    assert "error[E020]: ID 'sanxing' is used twice" in result.stderr
    assert "5 errors" in result.stdout.splitlines()[-1]


def test_yaml_1_1_booleans_are_text(make_archive):
    """`on:` is a key (approvals, circulations), and "No"/"yes" are words, not booleans."""
    review = (
        "type: sub-report\nid: s1\ncampaign: nowhere\ntown: sanxing\ngrade: 优\n"
        "title: {zh: 子项报告, en: No}\napproval: {by: nobody, on: 2023-03-01}\n"
    )
    found = diagnostics_for(make_archive, {"s.yml": review})
    assert sorted(d.code for d in found) == ["E021", "E021"]  # campaign and approver: only the references
