"""Sieve-check gaps (art. 5(2)) planted in a copy of the example: a hazard verified but on no
list (W307), a hazard listed twice (W308), verified twice (W309), listed but never verified
(W303) — each at its place, counted right, and not shown as "ok" on the reviewer's page."""

from __future__ import annotations

import pytest

from generators.checks import load_and_check
from generators.refs.graph import coverage
from generators.refs.review import review, review_page_markdown, review_text
from tests.planting import at, example_copy, located, plant

SA = "campaigns/rq2023/self-assessments/sanxing.yml"
SR = "campaigns/rq2023/re-evaluation/sub-reports/sanxing.yml"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    data = example_copy(tmp_path_factory.mktemp("sieve"))
    places = {
        # HZ-2023-0006 leaves the list (the sub-report still verifies it); HZ-2023-0001 is listed twice
        "listed-twice": plant(data, SA, "- hazard: HZ-2023-0006", "- hazard: HZ-2023-0001", at="HZ-2023-0001"),
        # HZ-2023-0014 verified twice; so HZ-2023-0018 is verified by nobody
        "verified-twice": plant(data, SR, "{hazard: HZ-2023-0018,", "{hazard: HZ-2023-0014,", at="HZ-2023-0014"),
    }
    text = (data / SR).read_text(encoding="utf-8")
    places["unlisted"] = (SR, text[:text.index("HZ-2023-0006")].count("\n") + 1,
                          text.index("HZ-2023-0006") - text.rfind("\n", 0, text.index("HZ-2023-0006")))
    text = (data / SA).read_text(encoding="utf-8")
    offset = text.index("hazard: HZ-2023-0018") + len("hazard: ")
    places["unverified"] = (SA, text[:offset].count("\n") + 1, offset - text.rfind("\n", 0, offset))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1735660800")
        archive, diagnostics = load_and_check(data)
    return places, located(diagnostics, data), diagnostics, archive


@pytest.mark.parametrize("fault, code", [
    ("unlisted", "W307"), ("listed-twice", "W308"), ("verified-twice", "W309"), ("unverified", "W303"),
])
def test_sieve_gap_is_reported_at_its_place(planted, fault, code):
    places, found, _, _ = planted
    assert at(code, places[fault]) in found


def test_sieve_messages_name_the_hazard_and_the_first_place(planted):
    _, _, diagnostics, _ = planted
    by_code = {d.code: d for d in diagnostics if d.code in ("W307", "W308", "W309")}
    assert "HZ-2023-0006" in by_code["W307"].message("en") and "Sanxing Town" in by_code["W307"].message("en")
    assert "rq2023-sa-sanxing" in by_code["W307"].hint("en") or "sanxing" in by_code["W307"].hint("en")
    assert by_code["W308"].message("en") == "hazard HZ-2023-0001 is listed twice on this list (first as item 1)"
    assert by_code["W309"].message("en") == "hazard HZ-2023-0014 is verified twice in this sub-report " \
                                            "(first as item 4)"
    assert "三星镇" in by_code["W307"].message("zh")


def test_coverage_counts_distinct_hazards_and_names_the_gaps(planted):
    _, _, _, archive = planted
    sa_id = next(r.id for r in archive if r.type == "self-assessment" and getattr(r, "campaign", "") == "rq2023"
                 and r.town == "sanxing")
    c = coverage(archive, sa_id)
    # six items on the list, one of them a repeat: five hazards; 0006 verified but unlisted, 0018 unverified
    assert (c.listed, c.verified) == (5, 4)
    assert c.duplicate_ids == ("HZ-2023-0001",)
    assert c.unlisted_ids == ("HZ-2023-0006",)
    assert c.unverified_ids == ("HZ-2023-0018",)


def test_review_page_does_not_call_the_unlisted_verification_ok(planted):
    _, _, _, archive = planted
    sr_id = next(r.id for r in archive if r.type == "sub-report" and r.campaign == "rq2023" and r.town == "sanxing")
    statuses = {(item.reference.target_id, item.reference.path[0]): item.status
                for item in review(archive, sr_id).outgoing}
    assert statuses[("HZ-2023-0006", "verifications")] == "not-listed"
    assert statuses[("HZ-2023-0001", "verifications")] == "ok"
    page = review_page_markdown(archive, sr_id, "zh", lambda _: None)
    assert "已核查但未列入自评清单的隐患" in page and "| 未列入自评清单 |" in page
    assert "Verified, but on no list of the town" in review_page_markdown(archive, sr_id, "en", lambda _: None)
    text = review_text(archive, review(archive, sr_id), "en")
    assert "not on the town's list" in text and "  not listed: HZ-2023-0006" in text


def test_review_page_marks_the_second_listing(planted):
    _, _, _, archive = planted
    sa_id = next(r.id for r in archive if r.type == "self-assessment" and getattr(r, "campaign", "") == "rq2023"
                 and r.town == "sanxing")
    twice = [item for item in review(archive, sa_id).outgoing if item.reference.target_id == "HZ-2023-0001"
             and item.reference.path[0] == "hazard_list" and item.reference.path[-1] == "hazard"]
    assert [item.status for item in twice] == ["ok", "listed-twice"]
    assert "清单中重复列出的隐患" in review_page_markdown(archive, sa_id, "zh", lambda _: None)
