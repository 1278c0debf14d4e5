"""Values that change meaning, and YAML that used to crash the loader: each is a located error at
its line (never a silent conversion, never a traceback), with a time limit per case. The typing
rules themselves are the loader's (tests/test_records_load.py); these are the contributor's view."""

from __future__ import annotations

import pytest

from tests.hostile_support import archive_with, errors, load, notice

VALID = notice("n-1")
# (name, text replaced in a valid notice, its replacement) — the error must point at that line.
CASES = [
    ("octal-looking item number", "item_number: 20}", "item_number: 0017}"),
    ("sexagesimal", "item_number: 20}", "item_number: 1:30}"),
    ("hexadecimal", "item_number: 20}", "item_number: 0x1F}"),
    ("binary", "item_number: 20}", "item_number: 0b101}"),
    ("float as integer", "item_number: 20}", "item_number: 20.0}"),
    ("text as integer", "item_number: 20}", "item_number: '20'}"),
    ("5000-digit integer", "item_number: 20}", "item_number: " + "9" * 5000 + "}"),
    ("integer as date", "date: 2022-05-10", "date: 20220510"),
    ("impossible date", "date: 2022-05-10", "date: 2022-02-30"),
    ("year 9999", "date: 2022-05-10", "date: 9999-12-31"),
    ("yes as text", "issuer: office", "issuer: yes"),
    ("on as a key value", "kind: notice", "kind: on"),
    ("null title", 'title: {zh: "关于开展隐患排查的通知", en: Notice}', "title: {zh: null, en: Notice}"),
    ("tag", "kind: notice", "kind: !!python/object:os.system ls"),
    ("anchor", "kind: notice", "kind: &a notice"),
    ("escape in a title", '{zh: "关于开展隐患排查的通知"', '{zh: "关于\\e开展\\0排查"'),
]


@pytest.mark.parametrize(("name", "old", "new"), CASES, ids=[c[0] for c in CASES])
def test_value_is_a_located_error(tmp_path, name, old, new):
    assert old in VALID
    text = VALID.replace(old, new, 1).lstrip("\n")  # as written to the file
    data = archive_with(tmp_path, {"notices/n-1.yml": text})
    archive, diagnostics = load(data)
    found = errors(diagnostics)
    assert found, name
    line = next(i for i, row in enumerate(text.splitlines(), 1) if new.split(":")[0] in row and new in row)
    assert any(d.location.path.endswith("n-1.yml") and d.location.line == line for d in found), \
        [d.format("en") for d in found]
    assert archive.get("n-1") is None or name in {"yes as text", "on as a key value"}  # a reference, a term


@pytest.mark.parametrize("raw", [b"\x00", b"\x1b", b"\x7f", b"\x0c", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"])
def test_raw_bytes_in_a_file_are_a_located_error(tmp_path, raw):
    text = VALID.encode("utf-8").replace(b"kind: notice", b"kind: not" + raw + b"ice", 1)
    data = archive_with(tmp_path, {"notices/n-1.yml": text})
    _, diagnostics = load(data)
    found = errors(diagnostics)
    assert found and all(d.location.path.endswith("n-1.yml") for d in found), [d.format("en") for d in found]


def test_upper_case_suffix_is_read_not_ignored(tmp_path):
    data = archive_with(tmp_path, {"notices/N-1.YML": VALID})
    archive, diagnostics = load(data)
    assert not errors(diagnostics) and archive.get("n-1") is not None


@pytest.mark.parametrize("body", ["[" * 5000, "{a: " * 3000, "- " * 20000 + "x"])
def test_deep_or_huge_yaml_does_not_crash(tmp_path, body):
    data = archive_with(tmp_path, {"notices/n-1.yml": VALID, "notices/deep.yml": body})
    _, diagnostics = load(data)
    assert any(d.location.path.endswith("deep.yml") for d in errors(diagnostics))
