"""Search over the real site: data/ plus the site fixture, built by make site's build_site
(which writes the search indexes), searched in Debian chromium."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from generators.search import tokens
from generators.search.pages import SECONDARY, language_root, read_page
from generators.webserver import serve
from tests.conftest import local_page
from tests.site_support import ROOT, classified_phrases

ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def archive_and_site(example_archive, example_site):
    return example_archive, example_site


@pytest.fixture(scope="module")
def page(archive_and_site, browser):
    _, site = archive_and_site
    with serve(site) as base, local_page(browser, base) as page:
        page.base = base
        yield page


def search(page, query: str, lang: str = "zh") -> dict:
    prefix = "" if lang == "zh" else f"{lang}/"
    page.goto(f"{page.base}{prefix}search/?q={quote(query)}")
    page.wait_for_function("window.zzSearchState && window.zzSearchState.status === 'done'")
    return page.evaluate("window.zzSearchState")


def test_the_site_build_wrote_both_indexes(archive_and_site):
    _, site = archive_and_site
    assert (site / "search-index" / "meta.json").is_file()
    assert (site / "en" / "search-index" / "meta.json").is_file()
    assert (site / "search-index" / "search.js").is_file()


def test_classified_records_text_returns_nothing(page, archive_and_site):
    archive, _ = archive_and_site
    # One-term phrases (Chinese text, IDs): several English words are ANDed as separate terms
    # and may each occur on published pages.
    phrases = [p for p in classified_phrases(archive) if len(tokens.query_terms(p)) == 1 and " " not in p]
    assert phrases
    for phrase in phrases[:8]:
        for lang in ("zh", "en"):
            assert search(page, phrase, lang)["total"] == 0, (phrase, lang)


def _said(site, lang: str, url: str, query: str) -> tuple[int, int, bool, bool]:
    """How often the page's text holds the query, where first after its field list, whether its
    title holds it, and whether it is a record or a named thing (not another page)."""
    root = language_root(site, lang)
    found = read_page(root, root / url / "index.html")
    text, query = found.text.lower(), query.lower()
    at = text.find(query, found.body_start)
    first = at - found.body_start if at >= 0 else len(text)
    record = bool(found.record_id) and not url.startswith(SECONDARY)
    return text.count(query), first, query in found.title.lower(), record


@pytest.mark.parametrize(("query", "lang"), [("台账", "zh"), ("ledger", "en")])
def test_no_result_below_another_says_the_query_much_more_and_no_later(page, archive_and_site, query, lang):
    """Within the text tier, how much and how early: a page saying the query at least twice as
    often, and no later, never comes after the one it outdoes (queries written from the pages)."""
    _, site = archive_and_site
    shown = search(page, query, lang)["shown"]
    said = [(url, *_said(site, lang, url, query)) for url in shown]
    text_tier = [s for s in said if not s[3]]
    assert len({count for _, count, *_ in text_tier}) > 1, said  # the order is decided by the counts
    for i, (above, count, first, _, record) in enumerate(text_tier):
        for below, count_b, first_b, _, record_b in text_tier[i + 1:]:
            outdone = record_b == record and count < 17 and count_b >= 2 * count and first_b <= first
            assert not outdone, (above, count, first, below, count_b, first_b)


def test_document_number_finds_its_notice_first(page):
    state = search(page, "海安委办[2022]17号")
    assert state["shown"][0] == "notices/haianweiban-2022-17/"


def test_record_id_finds_its_page_first_in_both_languages(page):
    for lang in ("zh", "en"):
        assert search(page, "t-hz-0001", lang)["shown"][0] == "hazards/T-HZ-0001/"


def test_the_header_box_searches_the_pages_language(page):
    page.goto(page.base + "en/hazards/T-HZ-0001/")
    page.keyboard.press("/")
    page.keyboard.type("Sanxing")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=Sanxing")
    page.wait_for_function("window.zzSearchState && window.zzSearchState.status === 'done'")
    assert page.evaluate("window.zzSearchState.total") > 0
    assert page.locator(".zz-facet legend").first.inner_text() in {"Campaign", "Record type"}


def test_the_search_page_starts_its_query_before_the_pages_styles(archive_and_site):
    """The runtime is inline at the top of the search page's <head> (before any stylesheet or
    script, which an inline script would wait for) and is the runtime file itself; every other
    page loads the file async."""
    from generators.search.index import RUNTIME

    _, site = archive_and_site
    runtime = (RUNTIME / "search.js").read_text(encoding="utf-8")
    for root in (site, site / "en"):
        html = (root / "search" / "index.html").read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert head.index("<script data-search-index=") == min(head.index("<script"), head.index("<link"))
        assert runtime in html
        assert 'search-index/search.js" async' not in html
        other = (root / "hazards" / "T-HZ-0001" / "index.html").read_text(encoding="utf-8")
        assert '<script src="../../search-index/search.js" async>' in other and runtime not in other


def test_hazard_listings_are_left_out_of_results(page, archive_and_site):
    """The hazard index and its facet listings name every dossier, yet a search finds the
    dossiers themselves and the records that cite them, not the listings."""
    import re

    _, site = archive_and_site
    listings = [p for p in (site / "hazards").rglob("index.html") if not re.match(r"T-HZ-", p.parent.name)]
    assert sum("T-HZ-0001" in p.read_text(encoding="utf-8") for p in listings) >= 3
    for lang in ("zh", "en"):
        shown = search(page, "T-HZ-0001", lang)["shown"]
        assert shown[0] == "hazards/T-HZ-0001/"
        assert not [u for u in shown if u.startswith("hazards/") and not re.fullmatch(r"hazards/T-HZ-\d+/", u)]


def _card(page, record_id: str):
    """The result card of the record ``record_id`` (its ID is in the card's meta line)."""
    return page.locator(".zz-result").filter(
        has=page.locator(".zz-result__meta", has_text=f"{record_id}")).filter(
        has_not=page.locator(".zz-result__meta", has_text=f"{record_id}-"))


@pytest.mark.parametrize(("lang", "mark"), [("zh", "已被替代"), ("en", "superseded")])
def test_a_superseded_record_is_found_with_the_sites_mark(page, lang, mark):
    title = {"zh": "三年行动行业复评子项报告（三星镇）", "en": "Re-evaluation sub-report: Sanxing Town"}[lang]
    search(page, title, lang)
    old, new = _card(page, "zz2020-sub-sanxing"), _card(page, "zz2020-sub-sanxing-v2")
    assert old.count() == 1 and new.count() == 1
    assert old.locator(".zz-status-superseded").inner_text() == mark
    assert new.locator(".zz-status").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    old.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"search-superseded-{lang}.png"))


def _facet_values(page, name: str) -> list[str]:
    return page.locator(f'.zz-facet[data-facet="{name}"] input').evaluate_all("els => els.map(e => e.value)")


@pytest.mark.parametrize(("lang", "legends"), [("zh", ("隐患等级", "评估等级")),
                                               ("en", ("Hazard grade", "Evaluation grade"))])
def test_hazard_and_evaluation_grades_are_separate_facets_in_vocabulary_order(
        page, archive_and_site, lang, legends):
    archive, site = archive_and_site
    search(page, "Sanxing" if lang == "en" else "三星镇", lang)
    for name, vocabulary, legend in (("hazard-grade", "hazard-grades", legends[0]),
                                     ("grade", "grades", legends[1])):
        assert page.locator(f'.zz-facet[data-facet="{name}"] legend').inner_text() == legend
        order = [archive.label(vocabulary, key, lang) for key in archive.vocabularies[vocabulary]]
        shown = _facet_values(page, name)
        assert shown and shown == [v for v in order if v in shown], (name, shown)
    root = site if lang == "zh" else site / lang
    meta = json.loads((root / "search-index" / "meta.json").read_text(encoding="utf-8"))
    facets = {f["name"]: f["values"] for f in meta["facets"]}
    hazard = [archive.label("hazard-grades", k, lang) for k in archive.vocabularies["hazard-grades"]]
    assert facets["hazard-grade"] == hazard
    grades = [archive.label("grades", k, lang) for k in archive.vocabularies["grades"]]
    assert len(facets["grade"]) >= 2 and facets["grade"] == [v for v in grades if v in facets["grade"]]
