"""The public package withholds classified records, not whole files: a file with one classified and
four public supervision checks (the example's) is written with the four public ones, as written."""

from __future__ import annotations

import pytest

from generators.present import is_classified, title
from generators.records import load_archive
from generators.records.model import DocumentRecord
from generators.records.yamlio import parse_yaml
from generators.releases.release import ReleaseError, _dropped_items, without_records
from tests.conftest import ROOT

CHECKS = "supervision-checks.yml"


@pytest.fixture(scope="module")
def example():
    archive, _ = load_archive(ROOT / "data")
    left_out = tuple(r.id for r in archive.of_type(DocumentRecord) if is_classified(archive, r))
    return archive, left_out


def test_only_files_mixing_classified_and_public_records_are_cut(example):
    archive, left_out = example
    dropped = _dropped_items(archive, left_out)
    (file,) = [f for f in dropped if f.name == CHECKS]
    records = [r for r, o in archive.origins.items() if o.file.resolve() == file]
    secret = [r for r in records if r in left_out]
    assert (len(records), len(secret)) == (5, 1)  # as the issue found it
    # a file holding only classified records is withheld whole, not cut
    assert all(len([r for r, o in archive.origins.items() if o.file.resolve() == f]) > len(i)
               for f, i in dropped.items())


def test_the_public_records_stay_as_written(example):
    archive, left_out = example
    dropped = _dropped_items(archive, left_out)
    (file,) = [f for f in dropped if f.name == CHECKS]
    text = file.read_text(encoding="utf-8")
    public = without_records(text, dropped[file])
    data, _, problems = parse_yaml(public.encode("utf-8"), CHECKS)
    assert not problems
    kept = [item["id"] for item in data]
    everything = [item["id"] for item in parse_yaml(text.encode("utf-8"), CHECKS)[0]]
    assert kept == [i for i in everything if i not in left_out] and len(kept) == 4
    assert "秘密" not in public
    original = text.splitlines(keepends=True)
    assert all(line in original for line in public.splitlines(keepends=True))  # nothing rewritten
    assert public.startswith(text[:text.index("- type:")])  # the header comments stay
    assert without_records(text, dropped[file]) == public  # deterministic


def test_a_flow_list_is_refused_rather_than_leaked():
    with pytest.raises(ReleaseError):
        without_records("[{type: notice, id: a}, {type: notice, id: b}]\n", {0})


def test_catalogue_author_and_date_are_the_printed_ones(example):
    """Every catalogued record that is printed as a document of its own: the catalogue's 责任者 and
    日期 are the signature and date of the printed document (a sub-report: the lead department)."""
    from generators.documents.catalog import documents
    from generators.releases.release import catalogue

    archive, _ = example
    rows = {row["record_id"]: row for row in catalogue(archive, {}, restricted=True)}
    printed = 0
    for spec in documents(archive):
        if spec.stem not in rows or spec.record_ids[:1] != (spec.stem,):
            continue  # combined documents (hazard lists) are not catalogue items
        doc = spec.build()
        row = rows[spec.stem]
        assert (row["author"], row["date"]) == (doc.author, doc.date.isoformat() if doc.date else ""), spec.stem
        printed += 1
    kinds = {archive.get(i).type for i in rows if archive.get(i) is not None}
    assert printed > 50 and {"sub-report", "notice", "hazard", "self-assessment"} <= kinds
    sub = next(r for r in archive if r.type == "sub-report")
    assert rows[sub.id]["author"] == title(archive, archive.get(sub.campaign).lead_department, "zh")
    assert rows[sub.id]["author"] != title(archive, sub.town, "zh")
