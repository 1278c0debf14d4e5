"""Search in a real browser (Debian chromium via Playwright) over a built synthetic site."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
import snowballstemmer

from generators.search import tokens
from generators.search.index import build_index
from generators.webserver import serve
from tests.bench.synth_site import CLASSIFIED_TEXT, NOTICE_NUMBER, TOWNS, write_site
from tests.conftest import local_page


@pytest.fixture(scope="session")
def search_site(tmp_path_factory):
    site = write_site(tmp_path_factory.mktemp("search-site"), 120)
    for lang in ("zh", "en"):
        build_index(site, lang)
    return site


@pytest.fixture(scope="session")
def base_url(search_site) -> str:
    with serve(search_site) as url:
        yield url


@pytest.fixture
def page(browser, base_url):
    with local_page(browser, base_url) as page:
        yield page


def search(page, base_url: str, query: str, lang: str = "zh", extra: str = "") -> dict:
    prefix = "" if lang == "zh" else f"{lang}/"
    page.goto(f"{base_url}{prefix}search/?q={quote(query)}{extra}")
    page.wait_for_function("window.zzSearchState && window.zzSearchState.status === 'done'")
    return page.evaluate("window.zzSearchState")


def texts_of_results(page) -> list[str]:
    return page.locator(".zz-result").all_inner_texts()


def test_sub_word_inside_a_compound(page, base_url):
    state = search(page, base_url, "通道")  # inside 消防通道
    assert state["total"] > 0
    snippet = page.locator(".zz-result__snippet mark").first.inner_text()
    assert snippet == "通道"
    assert all("通道" in t for t in texts_of_results(page))


def test_longer_hazard_phrase(page, base_url):
    state = search(page, base_url, "危险化学品储存")
    assert state["total"] > 0
    assert all("危险化学品储存" in t for t in texts_of_results(page))


def test_town_name_puts_the_town_page_first(page, base_url):
    state = search(page, base_url, "三星镇")
    assert state["shown"][0] == "towns/sanxing/"
    assert state["total"] > 1


def test_record_id_ranks_its_record_first(page, base_url):
    all_pages = search(page, base_url, "HZ")  # every hazard shows its ID
    record = next(u for u in all_pages["shown"] if u.startswith("hazards/hz-"))
    record_id = record.split("/")[1].upper()
    state = search(page, base_url, record_id.lower())
    assert state["shown"][0] == record
    assert page.locator(".zz-result__meta").first.inner_text().endswith(record_id)


def test_document_number_ranks_its_notice_first(page, base_url):
    for typed in (NOTICE_NUMBER, "海安委办[2022]17号", "海安委办 〔2022〕 17号"):
        state = search(page, base_url, typed)
        assert state["shown"][0] == "notices/haianweiban-2022-17/", typed
        assert state["total"] > 1  # the hazards citing it follow


def test_english_query_on_the_english_site(page, base_url):
    state = search(page, base_url, "fire lane", lang="en")
    assert state["total"] > 0
    assert all("fire lane" in t.lower() for t in texts_of_results(page))
    assert page.locator(".zz-facet legend").first.inner_text() == "Campaign"
    # Chinese words are not in the English index.
    assert search(page, base_url, "消防通道", lang="en")["total"] == 0


def test_facet_narrowing_with_counts(page, base_url):
    before = search(page, base_url, "通道")
    box = page.locator('.zz-facet[data-facet="town"] label').first
    label = box.inner_text()
    count = int(box.locator(".zz-count").inner_text())
    box.locator("input").check()
    page.wait_for_function(f"window.zzSearchState.status === 'done' && window.zzSearchState.total === {count}")
    after = page.evaluate("window.zzSearchState")
    assert 0 < after["total"] < before["total"]
    town = label.rsplit(" ", 1)[0].strip()
    assert all(town in t for t in texts_of_results(page))
    assert "town=" in page.url  # the narrowed search has its own URL
    shared = search(page, base_url, "通道", extra="&town=" + quote(town))
    assert shared["total"] == count


def test_classified_text_returns_nothing(page, base_url):
    assert search(page, base_url, CLASSIFIED_TEXT)["total"] == 0
    assert search(page, base_url, CLASSIFIED_TEXT[:2])["total"] == 0


def test_keyboard_slash_arrows_enter(page, base_url):
    page.goto(base_url + "hazards/")
    page.keyboard.press("/")
    page.keyboard.type("消防通道")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_function("window.zzSearchState && window.zzSearchState.status === 'done'")
    page.locator(".zz-search__input").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("window.zzSearchState.shown[1]")
    assert page.evaluate("document.activeElement.className") == "zz-result__title"
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + second)
    assert "消防通道" in page.locator("article").inner_text()



def test_highlights_map_back_to_the_text_as_written(page, base_url):
    """The phrase check folds width and case and skips punctuation, over the fast path (ASCII,
    common Han) and the slow one (full-width forms, compatibility and supplementary ideographs);
    every match maps back to exactly the characters written."""
    search(page, base_url, "通道")
    cases = [
        ("编号：ＨＺ－２０２１－０７２１，已销号", ["hz-2021-0721"], ["ＨＺ－２０２１－０７２１"]),
        ("Fire LANE blocked; the fire lane again", ["fire lane"], ["Fire LANE", "fire lane"]),
        ("含𠀡字的消防\n通道与 消防 通道", ["消防通道"], ["消防\n通道", "消防 通道"]),
        ("兀（U+F900 豈）与豈字", ["豈"], ["豈", "豈"]),
        ("planet lane", ["lane"], ["lane"]),  # whole words only: not inside "planet"
    ]
    for text, terms, expected in cases:
        found = page.evaluate("([t, q]) => window.zzSearch.ranges(t, q)", [text, terms])
        assert not found["missing"], text
        units = text.encode("utf-16-le")  # JavaScript's string positions are UTF-16 units
        assert [units[2 * a:2 * b].decode("utf-16-le") for a, b, _ in found["list"]] == expected, (text, found)


# ---- citations, IDs, word forms, phrases, ranking (issue 14) ----------------------------------

NORMALISER_INPUTS = [
    NOTICE_NUMBER, "海安委办[2022]17号", "海安委办【2022】17号", "海安委办（2022）17号", "海安委办(2022)17号",
    "海安委办〖2022〗17号", "海安委办2022年17号", "海安委办 2022 年 17 号", "2022年17号", "〔2022〕17号",
    "［2022］017号", "17号文", "17号文件", "海安委办 17号文", "2022 17号文", "17号", "人民路17号", "海安委办17号",
    "２０２２年１７号",
    "HZ 2022 00017", "hz-2022-00017", "ＨＺ－２０２２－０００１７", "Hz_2022.00017", "三星镇", "Sanxing",
    '"fire lane" extinguishers', "“消防 通道” 货物", "「安全出口」", "火", "A级 火灾", "metres detectors",
]


def test_normaliser_is_the_same_in_python_and_the_browser(page, base_url):
    """One normaliser: citations, exact keys, query terms and their index keys agree."""
    search(page, base_url, "通道")
    for q in NORMALISER_INPUTS:
        found = tokens.citation(q)
        python = {
            "citation": {"key": found.key, "terms": found.terms} if found else None,
            "exact": tokens.exact_key(q),
            "terms": tokens.query_terms(q),
            "keys": [tokens.query_keys(t) for t in tokens.query_terms(q)],
        }
        browser = page.evaluate(
            """q => ({citation: zzSearch.citation(q), exact: zzSearch.exactKey(q), terms: zzSearch.queryTerms(q),
                     keys: zzSearch.queryTerms(q).map(zzSearch.queryKeys)})""", q)
        assert browser == python, q


def _english_vocabulary(site_root) -> list[str]:
    words: set[str] = set()
    for path in site_root.rglob("*.html"):
        words.update(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    # Words through every step of the algorithm (and its exceptions), beside the site's own.
    words.update(["generously", "hopping", "agreed", "proceeding", "exceeded", "innings", "skies", "dying",
                  "news", "ugly", "singly", "arsenal", "communities", "emergencies", "generations", "university",
                  "luxuriated", "fizzed", "happily", "archaeologist", "logistics", "hopefully", "carelessly",
                  "conditional", "sensibility", "yesterday"])
    return sorted(words)


def test_stemmer_is_snowball_english_on_the_index_vocabulary(page, base_url, search_site):
    search(page, base_url, "通道", lang="en")
    words = _english_vocabulary(search_site / "en")
    assert len(words) > 200
    english = snowballstemmer.stemmer("english")
    browser = page.evaluate("words => words.map(zzSearch.stem)", words)
    mismatches = [(w, english.stemWord(w), b) for w, b in zip(words, browser, strict=True)
                  if english.stemWord(w) != b]
    assert not mismatches


@pytest.mark.parametrize("typed", ["海安委办2022年17号", "2022年17号", "〔2022〕17号", "17号文", "海安委办 17号文",
                                   "（2022）17号", "2022 17号文"])
def test_every_spelling_of_a_document_number_finds_it_first(page, base_url, typed):
    state = search(page, base_url, typed)
    assert state["shown"][0] == "notices/haianweiban-2022-17/", typed


def test_an_id_typed_with_spaces_or_full_width_is_one_id(page, base_url):
    record = search(page, base_url, "HZ")["shown"][3]
    record_id = record.split("/")[1].upper()
    prefix, year, number = record_id.split("-")
    for typed in (f"{prefix} {year} {number}", f"{prefix.lower()} {year}{number}",
                  "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else "－" for c in record_id)):
        state = search(page, base_url, typed)
        assert state["shown"] == [record], typed  # not every page with that year or number


def test_english_word_forms_match_and_highlight_as_written(page, base_url):
    singular = search(page, base_url, "extinguisher", lang="en")
    plural = search(page, base_url, "extinguishers", lang="en")
    assert singular["total"] == plural["total"] > 0
    assert page.locator(".zz-result__snippet mark").first.inner_text() == "extinguishers"


def test_quoted_phrase_is_matched_as_a_phrase(page, base_url):
    assert search(page, base_url, "blocked lane", lang="en")["total"] > 0  # both words, apart
    assert search(page, base_url, '"blocked lane"', lang="en")["total"] == 0
    state = search(page, base_url, '"lane blocked"', lang="en")
    assert state["total"] > 0
    assert all("lane blocked" in t.lower() for t in texts_of_results(page))
    assert search(page, base_url, "“货物 堆放”")["total"] == 0  # 堆放货物 only
    assert search(page, base_url, "“堆放 货物”")["total"] > 0


def test_a_town_name_in_english_puts_the_town_first(page, base_url):
    for typed in ("Sanxing", "sanxing"):
        assert search(page, base_url, typed, lang="en")["shown"][0] == "towns/sanxing/", typed


def test_one_han_character_searches_titles(page, base_url):
    state = search(page, base_url, "镇")  # only the towns' titles say 镇; every hazard's text does
    assert state["total"] == sum("镇" in name for _, name, _ in TOWNS)
    assert all(u.startswith("towns/") for u in state["shown"])


@pytest.mark.parametrize(("typed", "lang", "meant"), [
    ("堆放货勿", "zh", "堆放货物"), ("监户人员", "zh", "监护人员"),
    ("extinguisers", "en", "extinguishers"), ("scafold", "en", "scaffold"),
    ("atendant posted", "en", "attendant posted"),
])
def test_a_typo_gets_a_suggestion_from_the_index_and_the_hint(page, base_url, typed, lang, meant):
    state = search(page, base_url, typed, lang=lang)
    assert state["total"] == 0 or not state["shown"]
    assert state["suggestion"] == meant
    link = page.locator(".zz-search__didyoumean a")
    assert link.inner_text() == meant
    assert page.locator(".zz-search__hint").inner_text()
    link.click()
    page.wait_for_function("window.zzSearchState && window.zzSearchState.status === 'done'")
    assert page.evaluate("window.zzSearchState.shown.length") > 0


def test_snippet_skips_the_field_list_and_shows_the_passage_with_most_terms(page, base_url):
    search(page, base_url, "三星镇")  # in each dossier's field list and in its findings
    snippets = page.locator(".zz-result__snippet").all_inner_texts()
    assert any("三星镇安全生产检查中发现" in s for s in snippets)
    assert not [s for s in snippets if "所在区镇" in s]
    search(page, base_url, "第一责任人 验收销号")
    first = page.locator(".zz-result__snippet").first
    assert first.locator("mark").all_inner_texts() == ["第一责任人", "验收销号"]



@pytest.fixture(scope="module")
def ranking_url(tmp_path_factory):
    """Pages whose titles do not hold the query and whose addresses sort against the expected
    order: how much and how early each text says 防火分隔 must decide."""
    from tests.bench.synth_site import _marker, _page, _write

    site = write_site(tmp_path_factory.mktemp("ranking-site"), 4)
    filler = "<p>" + "本页记录整治评估的其他情况。" * 40 + "</p>"  # 560 characters
    said = "<p>住宿与生产经营区域未有效防火分隔。</p>"

    def record(name: str, kind: str = "hazard") -> str:
        return _marker({"data-id": name, "data-type": kind})

    pages = {
        "hazards/a-once-late": (filler * 2 + said, record("a")),
        "hazards/b-once-early": (said + filler, record("b")),
        "hazards/c-three-early": (said * 3 + filler, record("c")),
        "hazards/d-nine-early": (said * 9 + filler, record("d")),
        "towns/e-town": (filler + said, record("e", "organisation")),  # a named thing: with the records
        "about/f-page": (said * 9, ""),  # not a record: after the records
        "review/g-review": (said * 17, record("g", "report")),  # about the archive: last
    }
    for n, (rel, (body, marker)) in enumerate(sorted(pages.items())):
        _write(site, rel, _page("zh", 2, f"第{n + 1}页", body, marker))
    build_index(site, "zh")
    with serve(site) as url:
        yield url


def test_within_a_tier_pages_saying_it_more_and_earlier_come_first(browser, ranking_url):
    with local_page(browser, ranking_url) as page:
        state = search(page, ranking_url, "防火分隔")
    assert state["shown"] == ["hazards/d-nine-early/", "hazards/c-three-early/", "hazards/b-once-early/",
                              "towns/e-town/", "hazards/a-once-late/", "about/f-page/", "review/g-review/"]
