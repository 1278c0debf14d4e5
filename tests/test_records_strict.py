"""Strict values: a value is what it looks like, or a located error that says the likely fix.

YAML 1.1 readers (PyYAML, many editors' tools) read `0017` as 15, `1:30` as 90, `0x1F` as 31 and
`on`/`yes` as true; pydantic's lax mode reads "17" as 17 and 20220318 as a date. None of that may
change a record's meaning silently.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generators.diagnostics import Diagnostic
from generators.records import load_archive

MECHANISM = """\
type: mechanism
id: m1
campaign: c1
title: {{zh: 机制}}
issued_on: {issued_on}
issuer: office
archival: {{year: {year}, retention: Y, item_number: {item_number}}}
"""

PLAN = """\
type: evaluation-plan
id: ep1
campaign: c1
title: {{zh: 方案}}
issued_on: 2022-01-01
leading_group:
  - {{person: p1, role: {{zh: 组长}}, third_party: {flag}}}
"""

NOTICE = """\
type: notice
id: n1
kind: notice
document_number: 海安委办〔2022〕99号
issuer: office
date: 2022-03-18
title: {{zh: 通知}}
addressees: {{zh: {addressees}}}
body: {{zh: 正文}}
copy_number: {copy_number}
"""

STATISTICS = """\
type: accident-statistics
id: a1
title: {{zh: 统计}}
taken_on: 2022-01-05
source: {{zh: 应急局}}
rows:
  - {{period: 2021-12, town: sanxing, domain: hazchem, count: 1, deaths: 0, loss: {loss}}}
"""


def mechanism(issued_on: str = "2022-01-01", year: str = "2022", item_number: str = "17") -> str:
    return MECHANISM.format(issued_on=issued_on, year=year, item_number=item_number)


def notice(addressees: str = "各单位", copy_number: str = "'000123'") -> str:
    return NOTICE.format(addressees=addressees, copy_number=copy_number)


def errors(make_archive, text: str) -> list[Diagnostic]:
    _, found = load_archive(make_archive({"r.yml": text}))
    return [d for d in found if d.is_error and d.code != "E021"]  # c1/p1 refer to nothing: not the point


def where(diagnostic: Diagnostic) -> tuple[str, str, int, int]:
    loc = diagnostic.location
    return diagnostic.code, Path(loc.path).name, loc.line, loc.col


def column_after(text: str, line: int, marker: str) -> int:
    """The column where the value after ``marker`` starts on ``line`` (1-based, in characters)."""
    row = text.splitlines()[line - 1]
    return row.index(marker) + len(marker) + 1


# (name, record text, expected (code, line, the text just before the value), words the English
# message and hint must contain)
CASES = [
    ("leading zero is not octal", mechanism(item_number="0017"), ("E041", 7, "item_number: "),
     ["archival.item_number", "YAML 1.1 reads 15", "YAML 1.2 reads 17", "did you mean 17?"]),
    ("hexadecimal", mechanism(item_number="0x1F"), ("E041", 7, "item_number: "),
     ["0x1F", "reads 31", "did you mean 31?"]),
    ("binary", mechanism(item_number="0b101"), ("E041", 7, "item_number: "),
     ["0b101", "YAML 1.1 reads 5", "did you mean 5?"]),
    ("sexagesimal", mechanism(item_number="1:30"), ("E041", 7, "item_number: "), ["1:30", "YAML 1.1 reads 90"]),
    ("underscore", mechanism(year="2_022"), ("E041", 7, "year: "), ["2_022", "did you mean 2022?"]),
    ("octal in a text field", notice(copy_number="000123"), ("E040", 10, "copy_number: "),
     ["copy_number", "did you mean the string '000123'?", "'000123'"]),
    ("sexagesimal in a text", notice(addressees="1:30"), ("E040", 8, "addressees: {zh: "),
     ["addressees.zh", "YAML 1.1: 90", "did you mean the string '1:30'?"]),
    ("string is not an integer", mechanism(item_number="'17'"), ("E044", 7, "item_number: "),
     ["must be a whole number", "text '17'", "did you mean 17?"]),
    ("float is not an integer", mechanism(item_number="17.0"), ("E044", 7, "item_number: "),
     ["must be a whole number", "number 17.0", "did you mean 17?"]),
    ("boolean is not an integer", mechanism(item_number="true"), ("E044", 7, "item_number: "), ["boolean true"]),
    ("integer is not a date", mechanism(issued_on="20220318"), ("E045", 5, "issued_on: "),
     ["must be a date written YYYY-MM-DD", "number 20220318", "did you mean 2022-03-18?"]),
    ("timestamp is not a date", mechanism(issued_on="2022-03-18T08:00:00"), ("E014", 5, "issued_on: "),
     ["is not a real date"]),
    ("5000-digit integer", mechanism(item_number="9" * 5000), ("E042", 7, "item_number: "), ["5000 digits"]),
    ("text is not a number", STATISTICS.format(loss="'12.5'"), ("E012", 7, "loss: "),
     ["expected number", "text '12.5'"]),
    ("yes is not a number", STATISTICS.format(loss="yes"), ("E012", 7, "loss: "), ["text 'yes'"]),
    ("boolean is not a number", STATISTICS.format(loss="true"), ("E012", 7, "loss: "), ["boolean true"]),
    ("infinity is not an amount", STATISTICS.format(loss=".inf"), ("E012", 7, "loss: "),
     ["rows[0].loss", "expected a finite number", "number Infinity"]),
    ("exponent without sign", STATISTICS.format(loss="1e3"), ("E041", 7, "loss: "), ["YAML 1.1 reads '1e3'"]),
    ("tag", mechanism(item_number='!!int "17"'), ("E047", 7, "item_number: "),
     ["tag:yaml.org,2002:int", "remove the tag"]),
]
for word in ("yes", "no", "on", "off", "y", "n", "t", "f", "1", "0", "'true'", "Yes", "ON"):
    CASES.append((f"{word} is not a boolean", PLAN.format(flag=word), ("E043", 7, "third_party: "),
                  ["third_party must be true or false", "write true or false"]))


@pytest.mark.parametrize(("name", "text", "expected", "words"), CASES, ids=[c[0] for c in CASES])
def test_values_that_would_change_meaning_are_located_errors(make_archive, name, text, expected, words):
    found = errors(make_archive, text)
    code, line, marker = expected
    assert [where(d) for d in found] == [(code, "r.yml", line, column_after(text, line, marker))], \
        [d.format("en") for d in found]
    english = found[0].format("en")
    for word in words:
        assert word in english, english
    assert "\n    提示: " in found[0].format("zh") or not found[0].hint("en")


@pytest.mark.parametrize("text", [
    mechanism(), mechanism(item_number="9999"), notice(), notice(copy_number='"000123"'),
    STATISTICS.format(loss="12.5"), STATISTICS.format(loss="0"), PLAN.format(flag="true"),
    PLAN.format(flag="False"), mechanism(item_number="!!str 17").replace("item_number: !!str 17", "item_number: 17"),
])
def test_values_written_plainly_load(make_archive, text):
    assert errors(make_archive, text) == []


def test_plain_values_keep_their_meaning(make_archive):
    archive, _ = load_archive(make_archive({"r.yml": STATISTICS.format(loss="12.5"), "n.yml": notice(),
                                            "m.yml": mechanism(item_number="17")}))
    assert archive.records["a1"].rows[0].loss == Decimal("12.5")  # the decimal written, not a binary float
    assert archive.records["n1"].copy_number == "000123"
    assert archive.records["m1"].archival.item_number == 17
    assert archive.records["m1"].issued_on.isoformat() == "2022-01-01"


def test_hints_in_chinese(make_archive):
    (found,) = errors(make_archive, notice(copy_number="000123"))
    assert "是否想写文字“000123”？加上引号：'000123'" in found.format("zh")
    (found,) = errors(make_archive, PLAN.format(flag="yes"))
    assert "写 true 或 false" in found.format("zh")


@pytest.mark.parametrize(("char", "name"), [("\x00", "NUL"), ("\x1b", "ESC"), ("\x7f", "DEL"),
                                            ("\x0c", "FORM FEED"), ("\x08", "BACKSPACE")])
def test_control_characters_are_located(make_archive, char, name):
    text = notice(addressees=f"各{char}单位")
    found = errors(make_archive, text)
    assert [where(d) for d in found] == [("E046", "r.yml", 8, column_after(text, 8, "{zh: 各"))], \
        [d.format("en") for d in found]
    assert f"U+{ord(char):04X} ({name})" in found[0].format("en")


def test_every_control_character_in_a_file_is_reported(make_archive):
    found = errors(make_archive, "type: person\x00\nid: p1\x1b\n")
    assert [where(d) for d in found] == [("E046", "r.yml", 1, 13), ("E046", "r.yml", 2, 7)]


@pytest.mark.parametrize("suffix", [".YML", ".YAML", ".Yml"])
def test_upper_case_suffixes_are_read(make_archive, suffix):
    archive, found = load_archive(make_archive({f"n{suffix}": notice(), f"m{suffix}": mechanism(item_number="0017")}))
    assert "n1" in archive.records
    assert [where(d) for d in found if d.is_error and d.code != "E021"] == [("E041", f"m{suffix}", 7, 51)]
