"""Journeys through the built site in Debian's chromium: both home pages, the language switch on a
dossier, index → dossier → citing report, filtering the index; no request leaves the local server.
Screenshots of the main page types are saved to tests/artifacts/."""

from __future__ import annotations

import pytest

from tests.conftest import local_page
from tests.site_support import ROOT

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture
def page(browser, example_url):
    with local_page(browser, example_url, viewport={"width": 1280, "height": 900}) as page:
        yield page
        assert page.requests


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"site-{name}.png"), full_page=True)


def test_home_in_both_languages(page, example_url):
    page.goto(example_url)
    assert page.locator("html").get_attribute("lang").startswith("zh")
    assert "专项整治" in page.locator("article h1").inner_text()
    assert page.locator(".zz-card a", has_text="测试危化品专项整治").count() == 1
    shot(page, "home-zh")
    page.goto(example_url + "en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".zz-card a", has_text="Test hazardous chemicals campaign").count() == 1
    shot(page, "home-en")


def test_language_switch_keeps_the_dossier(page, example_url):
    page.goto(example_url + "hazards/T-HZ-0001/")
    assert "储罐区防火堤破损" in page.locator("article h1").inner_text()
    shot(page, "dossier-zh")
    page.locator("a.zz-lang-link").click()
    page.wait_for_load_state()
    assert page.url == example_url + "en/hazards/T-HZ-0001/"
    assert "Damaged bund wall in tank farm" in page.locator("article h1").inner_text()
    # the raw HTML in the description is text, not an element
    assert page.locator("article img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.locator("article").inner_text()
    shot(page, "dossier-en")
    page.locator("a.zz-lang-link").click()
    page.wait_for_load_state()
    assert page.url == example_url + "hazards/T-HZ-0001/"


def test_from_the_index_to_a_dossier_to_the_report_citing_it(page, example_url):
    page.goto(example_url + "hazards/")
    shot(page, "hazard-index-zh")
    # narrow the index to one campaign (a server-made listing), then open a dossier
    page.locator(".zz-facets a", has_text="测试危化品专项整治").click()
    page.wait_for_load_state()
    assert page.url == example_url + "hazards/campaign/T-CAMP/"
    page.locator("article table a", has_text="储罐区防火堤破损").click()
    page.wait_for_load_state()
    assert page.url == example_url + "hazards/T-HZ-0001/"
    page.locator("article .zz-refgroup a", has_text="三星镇自评报告").click()
    page.wait_for_load_state()
    assert page.url == example_url + "reports/T-SA-sanxing/"
    assert page.locator("article table a", has_text="T-HZ-0001").count() >= 1
    shot(page, "report-zh")
    page.goto(example_url + "campaigns/T-CAMP/")
    assert page.locator("article svg").count() >= 2  # charts drawn at build time
    shot(page, "campaign-zh")
    page.goto(example_url + "en/notices/T-NOTICE-1/")
    assert "海安委办〔2022〕31号" in page.locator("article").inner_text()
    shot(page, "notice-en")


def test_filter_the_index(page, example_url):
    page.goto(example_url + "hazards/")
    rows = page.locator("article .zz-filterable tbody tr")
    assert rows.count() == 100  # the first of several pages
    grades = page.locator(".zz-filters select[data-facet=grade] option").all_inner_texts()
    statuses = page.locator(".zz-filters select[data-facet=status] option").all_inner_texts()
    # every value of the whole listing, in the vocabulary's order, hazard grades only
    assert [g.split(" (")[0] for g in grades[1:]] == ["一般隐患", "重大隐患"]
    assert any(s.startswith("未整改") for s in statuses), statuses
    major = int(grades[2].split("(")[1].rstrip(")"))
    # choosing a value on a listing of several pages opens that value's listing over all pages
    page.locator(".zz-filters select[data-facet=grade]").select_option("重大隐患")
    page.wait_for_url(lambda url: "/hazards/grade/" in url)
    listed = page.locator("article .zz-filterable tbody tr")
    assert listed.count() == major and all("重大隐患" in t for t in listed.all_inner_texts())
    assert f"共 {major} 条" in page.locator(".zz-shown, .zz-pager > span").first.inner_text()
    assert page.locator(".zz-filters select[data-facet=grade]").input_value() == "重大隐患"
    # on one page, filtering is done in place and the counter says how many rows are shown
    page.locator(".zz-filters select[data-facet=status]").select_option(index=1)
    visible = page.locator("article .zz-filterable tbody tr:not([hidden])").count()
    assert f"筛选后显示 {visible} 条，共 {major} 条" == page.locator(".zz-shown").first.inner_text()
    shot(page, "hazard-facet-zh")
