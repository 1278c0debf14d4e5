"""Accessibility (WCAG 2.1 AA, which GB/T 37668 follows): axe-core, run in Debian's chromium through
axe-playwright-python (its axe.min.js is bundled: nothing is fetched), on one page of every page
type in both languages, finds no serious or critical violation; `lang` is right on every page;
the language switch and the filters work from the keyboard."""

from __future__ import annotations

import pytest

from tests.conftest import local_page

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "campaign": "campaigns/zz2020/",
    "campaigns": "campaigns/",
    "town": "towns/sanxing/",
    "towns": "towns/",
    "domain": "domains/fire-safety/",
    "hazards": "hazards/",
    "facet": "hazards/town/sanxing/",
    "dossier": "hazards/HZ-2020-0001/",
    "notice": "notices/haianweiban-2023-lookback-withdrawn/",
    "notices": "notices/",
    "report": "reports/zz2020-sub-sanxing-v2/",
    "reports": "reports/",
    "statistics": "statistics/",
    "review": "review/haianweiban-2022-17/",
    "coverage": "coverage/",
    "about": "about/",
    "search": "search/?q=消防",
    "404": "404.html",
}


@pytest.fixture
def page(browser, example_url):
    with local_page(browser, example_url, viewport={"width": 1280, "height": 900}) as page:
        yield page


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_serious_or_critical_violation(page, example_url, kind, lang):
    from axe_playwright_python.sync_playwright import Axe

    prefix = "" if lang == "zh" else "en/"
    page.goto(example_url + prefix + PAGE_TYPES[kind])
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == ("zh" if lang == "zh" else "en")
    results = Axe().run(page)
    found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
             for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert found == [], found


def test_language_switch_and_filters_by_keyboard(page, example_url):
    page.goto(example_url + "hazards/HZ-2020-0001/")
    switch = page.locator("a.zz-lang-link")
    for _ in range(40):  # Tab from the top until the switch has the focus
        page.keyboard.press("Tab")
        if switch.evaluate("e => e === document.activeElement"):
            break
    assert switch.evaluate("e => e === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url(example_url + "en/hazards/HZ-2020-0001/")
    page.goto(example_url + "hazards/town/sanxing/")
    select = page.locator(".zz-filters select[data-facet=status]")
    select.focus()
    page.keyboard.press("ArrowDown")  # chooses the first status, filtering in place
    visible = page.locator("article .zz-filterable tbody tr:not([hidden])").count()
    assert "筛选后显示" in page.locator(".zz-shown").first.inner_text()
    assert f"{visible} 条" in page.locator(".zz-shown").first.inner_text()


@pytest.mark.parametrize(("lang", "query"), [("zh", "消防"), ("en", "fire")])
def test_search_by_keyboard(page, example_url, lang, query):
    prefix = "" if lang == "zh" else "en/"
    page.goto(example_url + prefix + "about/")
    page.keyboard.press("/")  # the header's search box takes the focus
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "search/?q=" in url)
    page.wait_for_function("window.zzSearchState && window.zzSearchState.status === 'done'")
    first = page.locator("#zz-search a[href]").first
    for _ in range(300):  # Tab on (past the facet checkboxes) until a result link has the focus, then follow it
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#zz-search') && document.activeElement.tagName === 'A'"):
            break
    assert page.evaluate("document.activeElement.tagName") == "A", first.get_attribute("href")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
