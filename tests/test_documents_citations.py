"""Citations as a clerk writes them, and a report's parts in the order of its page on the site:
read from the printed document tree (the same tree the PDF and the Word file are written from)."""

from __future__ import annotations

import pytest
from documents_helpers import load, make_archive

from generators.documents import ast
from generators.documents.catalog import documents
from generators.documents.content import section_order


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return load(make_archive(tmp_path_factory.mktemp("citations")))


def printed(archive, stem: str) -> str:
    spec = next(s for s in documents(archive) if s.stem == stem)
    return ast.text_of(spec.build().blocks)


def test_a_notice_is_cited_by_title_and_number_a_hazard_by_id_and_title(archive):
    plan = printed(archive, "T-EP").replace(" ", "")
    assert "依据《关于印发〈海门区安全生产专项整治评估规范〉的通知》（海安委办〔2022〕17号）开展评估" in plan
    text = printed(archive, "T-SA-sanxing")
    hazard = archive.get("T-HZ-0001")
    # Nothing between the ID and the Chinese title: no space beside Latin letters in Chinese text.
    assert f"T-HZ-0001{hazard.title.zh}" in text
    assert f"T-HZ-0001 {hazard.title.zh}" not in text
    assert f"《{hazard.title.zh}》" not in text


def test_the_sieve_check_table_has_the_hazard_id(archive):
    spec = next(s for s in documents(archive) if s.stem == "T-SR-sanxing")
    tables = [b for b in spec.build().blocks if b["t"] == "Table"]
    header = [ast.text_of(cell[4]) for cell in tables[0]["c"][3][1][0][1]]
    assert header[:2] == ["隐患编号", "问题隐患"]
    assert "T-HZ-0001" in ast.text_of(tables[0])


def test_sections_print_in_the_order_of_the_page(archive):
    for record in (archive.get(rid) for rid in ("T-SR-sanxing", "T-OR", "T-SA-sanxing")):
        topics = [s.topic for _, s in section_order(archive, record)]
        flagged = [k for k in archive.vocabularies["report-topics"] if k in topics]
        # The skeleton's topics come in the vocabulary's order, each topic's sections together.
        assert topics == sorted(topics, key=lambda k: (flagged.index(k) if k in flagged else len(flagged)))
        assert sorted(i for i, _ in section_order(archive, record)) == list(range(len(record.sections)))
