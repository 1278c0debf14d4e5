"""Every kind of broken reference, planted in the fixture archive, is reported exactly at its place."""

from __future__ import annotations

import pytest

from generators.checks import load_and_check
from generators.records import load_archive
from generators.refs.checks import check_references
from generators.refs.graph import coverage, graph
from tests.refs_helpers import refs_archive, where

SANXING = "reports/sanxing.yml"

# (code, file, line, column) and words the English message or hint must contain.
EXPECTED = [
    (("W305", "hazards.yml", 24, 12), ["HZ-A-2 is closed", "without an acceptance"]),
    (("E301", "reports/sanxing-suggestions.zh.md", 5, 36), ["[[sanxing-town]] refers to nothing",
                                                            "did you mean [[sanxing]]"]),
    (("W304", SANXING, 8, 7), ["target-task completion list, item 1", "no evidence"]),
    (("W304", SANXING, 15, 7), ["hazard rectification list, item 2"]),
    (("W303", SANXING, 15, 15), ["HZ-A-2 on Sanxing Town's hazard list was never verified", "SR-A-sanxing"]),
    (("W306", SANXING, 20, 3), ["SR-A-sanxing has not been fed back to Sanxing Town"]),
    (("W302", SANXING, 38, 17), ["HZ-A-3 is outside", "hazard of Changle Town"]),
    (("W302", SANXING, 39, 20), ["HZ-B-1 is outside", "campaign camp-b"]),
    (("E302", SANXING, 40, 16), ["SR-A-sanxing is published", "classified record HZ-A-4 (秘密)"]),
    (("W301", SANXING, 41, 16), ["HZ-A-5-v1", "superseded by HZ-A-5"]),
    (("W301", SANXING, 41, 34), ["HZ-A-6", "withdrawn on 1 April 2021"]),
    (("E301", SANXING, 42, 16), ["[[HZ-A-9]] refers to nothing"]),
    (("E301", SANXING, 42, 27), ["[[海安委办〔2022〕18号]]", "did you mean [[海安委办〔2022〕17号]]"]),
    (("E302", SANXING, 56, 21), ["LB-A-sanxing is published", "HZ-A-4"]),  # a structured field
    (("W302", SANXING, 56, 29), ["HZ-A-3 is outside"]),  # a structured field
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    data = refs_archive(tmp_path_factory.mktemp("refs") / "data")
    archive, diagnostics = load_and_check(data)
    # Other stages' rules (E2xx procedure, E4xx versions…) may also speak about the fixture.
    return data, archive, [d for d in diagnostics if d.code[1] == "3"]


def test_exactly_the_planted_faults(checked):
    data, _, diagnostics = checked
    assert [where(d, data) for d in diagnostics] == [place for place, _ in EXPECTED]


@pytest.mark.parametrize(("place", "words"), EXPECTED, ids=[f"{p[0]}@{p[2]}:{p[3]}" for p, _ in EXPECTED])
def test_message_says_what_is_wrong(checked, place, words):
    data, _, diagnostics = checked
    (found,) = [d for d in diagnostics if where(d, data) == place]
    text = found.format("en")
    for word in words:
        assert word in text
    assert found.format("zh") != text  # every message exists in Chinese too
    assert found.is_error == place[0].startswith("E")


def test_tolerated_spellings_resolve(checked):
    """Full-width brackets and pipe, spaces, and 【2022】 for 〔2022〕 are the same reference."""
    _, archive, _ = checked
    targets = {(r.target_text, r.target_id) for r in graph(archive).outgoing("notice-x")}
    assert ("海安委办【2022】17号", "spec-notice") in targets
    assert ("spec-2022", "spec-2022") in targets
    prose = [r for r in graph(archive).outgoing("SR-A-sanxing") if r.kind == "prose"]
    assert ("HZ-A-1", "HZ-A-1") in {(r.target_text, r.target_id) for r in prose}  # written [[ HZ-A-1 ]]


def test_graph_backlinks_and_kinds(checked):
    _, archive, _ = checked
    g = graph(archive)
    assert g is graph(archive)  # cached per archive
    back = {(r.source_id, r.kind, r.path) for r in g.backlinks("HZ-A-1")}
    assert ("SR-A-sanxing", "field", ("verifications", 0, "hazard")) in back
    assert ("SA-A-sanxing", "field", ("hazard_list", 0, "evidence", 0, "ref")) in back
    assert ("LB-A-sanxing", "prose", ("findings", "en")) in back
    assert {r.target_text for r in g.broken() if r.kind == "prose"} == {"HZ-A-9", "海安委办〔2022〕18号",
                                                                         "sanxing-town"}
    attachment = g.outgoing("notice-x-plan")  # a nested part's own references: none, but no error
    assert attachment == []


def test_sieve_coverage(checked):
    _, archive, _ = checked
    sub = coverage(archive, "SR-A-sanxing")
    assert (sub.listed, sub.verified, sub.closed, sub.unverified_ids) == (3, 2, 2, ("HZ-A-2",))
    own = coverage(archive, "SA-A-sanxing")
    assert (own.listed, own.verified, own.closed) == (3, 2, 2)
    assert coverage(archive, "HZ-A-1") is None


def test_unresolved_field_reported_once(make_archive):
    """A structured reference to nothing is the loader's E021; the reference checks add nothing."""
    data = make_archive({"p.yml": "type: person\nid: p1\nname: {zh: 张三}\norganisation: nowhere\n"
                                  "role: {zh: 科员}\n"})
    archive, loaded = load_archive(data)
    assert [d.code for d in loaded] == ["E021"]
    assert check_references(archive) == []


def test_classified_source_may_cite_classified(make_archive):
    data = make_archive({
        "n.yml": "type: notice\nid: n-secret\nkind: notice\ndocument_number: 海安委办〔2023〕9号\nissuer: office\n"
                 "date: 2023-01-01\nclassification: 秘密\ntitle: {zh: 密件}\naddressees: {zh: 各单位}\n"
                 "body: {zh: '见[[n-secret-2]]'}\n",
        "m.yml": "type: notice\nid: n-secret-2\nkind: notice\ndocument_number: 海安委办〔2023〕10号\n"
                 "issuer: office\ndate: 2023-01-02\nclassification: 机密\ntitle: {zh: 另一密件}\n"
                 "addressees: {zh: 各单位}\nbody: {zh: 无}\n",
    })
    archive, loaded = load_archive(data)
    assert loaded == []
    assert check_references(archive) == []


def test_did_you_mean_prefers_a_current_record(checked):
    data, _, diagnostics = checked
    (found,) = [d for d in diagnostics if where(d, data) == ("E301", SANXING, 42, 16)]
    assert "did you mean [[HZ-A-" in found.format("en")
    assert "[[HZ-A-6]]" not in found.format("en")  # the withdrawn one is never the suggestion
