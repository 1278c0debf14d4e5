"""Versions: successor, current version, earlier versions, withdrawal, and the E4xx/W4xx checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from archive_repo import REVISED, WITHDRAWAL, append, copy_base, load

from generators.checks import checkers
from generators.records.versions import (
    check_release,
    check_versions,
    current_version,
    earlier_versions,
    is_withdrawn,
    successor,
    version_date,
)

V3 = """\
type: notice
id: n-2022-20-v3
kind: circular
document_number: 海安委办〔2022〕20号
issuer: office
date: 2022-05-28
title: {zh: 关于第一季度评估进展的通报（第三版）}
addressees: {zh: 各区镇}
body: {zh: 第三版。}
version: 3
supersedes: n-2022-20-v2
change_note: {zh: 补充附件。, en: Added an attachment.}
archival: {year: 2022, retention: D30, item_number: 23}
"""


def _archive(tmp_path: Path, **files: str):
    data = copy_base(tmp_path / "repo") / "data"
    for name, text in files.items():
        (data / "notices" / f"{name}.yml").write_text(text, encoding="utf-8")
    return data


def _codes(archive) -> list[str]:
    return [d.code for d in check_versions(archive)]


def test_chain_of_three_versions(tmp_path: Path) -> None:
    archive = load(_archive(tmp_path, v2=REVISED, v3=V3))
    assert successor(archive, "n-2022-20") == "n-2022-20-v2"
    assert successor(archive, "n-2022-20-v2") == "n-2022-20-v3"
    assert successor(archive, "n-2022-20-v3") is None
    assert current_version(archive, "n-2022-20") == "n-2022-20-v3"
    assert current_version(archive, "n-2022-21") == "n-2022-21"
    assert [r.id for r in earlier_versions(archive, "n-2022-20-v3")] == ["n-2022-20-v2", "n-2022-20"]
    assert earlier_versions(archive, "n-2022-20") == []
    assert _codes(archive) == []  # the same document number is fine within one chain


def test_withdrawn_leaves_search_but_stays(tmp_path: Path) -> None:
    data = _archive(tmp_path)
    append(data / "notices" / "n-2022-21.yml", WITHDRAWAL)
    archive = load(data)
    assert is_withdrawn(archive.get("n-2022-21"))
    assert not is_withdrawn(archive.get("n-2022-20"))
    assert not is_withdrawn(archive.get("office"))  # not a document at all
    assert archive.get("n-2022-21").withdrawn.reason.get("en").startswith("Duplicates")


def test_wrong_type_and_version_not_greater(tmp_path: Path) -> None:
    text = REVISED.replace("supersedes: n-2022-20", "supersedes: office").replace("version: 2", "version: 1")
    archive = load(_archive(tmp_path, v2=text))
    assert _codes(archive) == ["E401", "E407"]  # and its document number is now another document's
    text = REVISED.replace("version: 2", "version: 1")
    archive = load(_archive(tmp_path / "b", v2=text))
    (diagnostic,) = check_versions(archive)
    assert diagnostic.code == "E402"
    assert "version 1 is not greater than version 1 of 'n-2022-20'" in diagnostic.message("en")
    assert str(diagnostic.location).endswith("v2.yml:11:10")  # the version line


def test_change_note_required_and_only_with_supersedes(tmp_path: Path) -> None:
    text = "\n".join(line for line in REVISED.splitlines() if not line.startswith("change_note"))
    archive = load(_archive(tmp_path, v2=text))
    assert _codes(archive) == ["E403"]
    text = REVISED.replace("supersedes: n-2022-20\n", "")
    archive = load(_archive(tmp_path / "b", v2=text))
    assert sorted(_codes(archive)) == ["E407", "W401", "W402"]  # and its number is now another document's


def test_two_successors_and_cycles(tmp_path: Path) -> None:
    rival = REVISED.replace("id: n-2022-20-v2", "id: n-2022-20-v2b").replace("item_number: 22", "item_number: 24")
    archive = load(_archive(tmp_path, v2=REVISED, v2b=rival))
    (diagnostic,) = check_versions(archive)
    assert diagnostic.code == "E404" and diagnostic.location.path.endswith("v2b.yml")
    assert successor(archive, "n-2022-20") == "n-2022-20-v2"  # stable choice: lowest ID

    data = _archive(tmp_path / "b", v2=REVISED)
    first = data / "notices" / "n-2022-20.yml"
    append(first, "version: 3\nsupersedes: n-2022-20-v2\nchange_note: {zh: 循环}\n")
    archive = load(data)
    codes = _codes(archive)
    assert codes.count("E405") == 1, codes
    cycle = next(d for d in check_versions(archive) if d.code == "E405")
    assert cycle.message("en").endswith("n-2022-20 → n-2022-20-v2 → n-2022-20")
    assert current_version(archive, "n-2022-20") in {"n-2022-20", "n-2022-20-v2"}  # terminates
    assert len(earlier_versions(archive, "n-2022-20")) == 1


def test_item_numbers_unique_per_year(tmp_path: Path) -> None:
    archive = load(_archive(tmp_path, v2=REVISED.replace("item_number: 22", "item_number: 21")))
    (diagnostic,) = check_versions(archive)
    assert diagnostic.code == "E406"
    assert "item number 0021 is used twice in fonds J053, year 2022" in diagnostic.message("en")
    # the year's numbers run 21 (both records): the next one continues them, not the first gap 0001
    assert diagnostic.hint("en").endswith("the year's next number is 0022")
    other_year = REVISED.replace("year: 2022, retention: D30, item_number: 22",
                                 "year: 2023, retention: D30, item_number: 21")
    assert _codes(load(_archive(tmp_path / "b", v2=other_year))) == []


def test_document_number_shared_outside_a_chain(tmp_path: Path) -> None:
    other = REVISED.replace("supersedes: n-2022-20\n", "").replace("version: 2\n", "")
    other = "\n".join(line for line in other.splitlines() if not line.startswith("change_note"))
    archive = load(_archive(tmp_path, other=other))
    assert _codes(archive) == ["E407"]


def test_release_warns_about_missing_archival_metadata(tmp_path: Path) -> None:
    text = "\n".join(line for line in REVISED.splitlines() if not line.startswith("archival"))
    archive = load(_archive(tmp_path, v2=text))
    assert [d.code for d in check_release(archive)] == ["W403"]
    assert _codes(archive) == []  # only a release needs it


def test_registered_with_the_checks() -> None:
    assert check_versions in checkers(dt.date(2024, 1, 1))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_messages_exist_in_both_languages(tmp_path: Path, lang: str) -> None:
    archive = load(_archive(tmp_path, v2=REVISED.replace("version: 2", "version: 1")))
    (diagnostic,) = check_versions(archive)
    assert "{" not in diagnostic.format(lang)


def test_version_date_is_the_issue_date(tmp_path: Path) -> None:
    archive = load(_archive(tmp_path, v2=REVISED))
    versions = [archive.get("n-2022-20-v2"), *earlier_versions(archive, "n-2022-20-v2")]
    assert [str(version_date(r)) for r in versions] == ["2022-05-20", "2022-05-10"]
    assert version_date(archive.get("office")) is None
