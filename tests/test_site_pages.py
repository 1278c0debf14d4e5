"""Page generation: escaping, masking, classified exclusion, fallback marks, same paths in both
languages, pagination; and the built site (both trees, no classified text, reproducible)."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generators.checks import load_and_check
from generators.records.model import Hazard
from generators.records.types import Text
from generators.site.build import build_site, make_site
from generators.site.context import Ctx, relative
from generators.site.pages import PAGE_SIZE
from generators.site.views import all_pages
from generators.words import word
from tests.site_support import ROOT, classified_phrases, make_data


@pytest.fixture(scope="module")
def data(example_data) -> Path:
    return example_data


@pytest.fixture(scope="module")
def archive(example_archive):
    return example_archive


@pytest.fixture(scope="module")
def site(archive, data, tmp_path_factory):
    return make_site(archive, data, tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="module")
def pages(site):
    return {lang: {p.url: p for p in all_pages(Ctx(site, lang))} for lang in ("zh", "en")}


def test_the_same_pages_exist_in_both_languages(pages):
    assert set(pages["zh"]) == set(pages["en"])
    assert "" in pages["zh"] and "hazards/T-HZ-0001/" in pages["zh"] and "reports/T-SA-sanxing/" in pages["zh"]


def test_classified_records_have_no_page_and_leave_no_trace(pages, archive, site):
    assert "T-HZ-SECRET" in site.withheld and "T-NOTICE-SECRET" in site.withheld
    phrases = classified_phrases(archive)
    assert any("不得出现在网站" in p for p in phrases)
    for lang in pages:
        assert not any("SECRET" in url for url in pages[lang])
        for page in pages[lang].values():
            for phrase in phrases:
                assert phrase not in page.body, (page.url, phrase)
                assert phrase not in page.title


def test_counts_exclude_classified_hazards(pages):
    # The fixture campaign has two published dossiers and one classified one, which must not count.
    index = pages["zh"]["hazards/"].body
    assert re.search(r"测试危化品专项整治</a> <span class=\"zz-count\">2</span>", index)


def test_raw_html_in_records_is_shown_as_text(pages):
    zh = pages["zh"]["hazards/T-HZ-0001/"].body
    en = pages["en"]["hazards/T-HZ-0001/"].body
    assert "&lt;script&gt;alert(&#x27;pwn&#x27;)&lt;/script&gt;" in zh
    assert "<script" not in zh and "<b>" not in zh
    assert "&lt;img src=x onerror=alert(1)&gt;" in en and "<img" not in en
    plan = pages["zh"]["reports/T-EP/"].body  # the same inside Markdown prose
    assert "&lt;script&gt;" in plan and "<script" not in plan


def test_mobile_and_id_numbers_are_masked(pages):
    for lang in pages:
        for page in pages[lang].values():
            assert "13812345678" not in page.body
            assert "320684199001011234" not in page.body
    assert "138＊＊＊＊5678" in pages["zh"]["hazards/T-HZ-0001/"].body


def test_untranslated_text_falls_back_to_chinese_with_a_mark(pages):
    en = pages["en"]["reports/T-CR/"]
    assert en.title == "测试综合评议报告"
    assert "not yet translated" in pages["en"]["campaigns/T-CAMP/"].body  # task T-TASK-2 has no English
    assert "not yet translated" not in pages["zh"]["campaigns/T-CAMP/"].body
    coverage = pages["en"]["coverage/"].body
    assert "T-CR" in coverage and "T-TASK-2" not in coverage.split("T-CAMP", 1)[0]


def test_record_pages_carry_the_search_marker(pages):
    body = pages["en"]["hazards/T-HZ-0002/"].body
    marker = re.search(r'<div class="zz-record" hidden[^>]*></div>', body).group(0)
    assert 'data-id="T-HZ-0002"' in marker and 'data-type="hazard"' in marker
    assert 'data-hazard-grade="Major"' in marker and 'data-hazard-grade-order="2"' in marker
    assert 'data-grade=' not in marker and 'data-town="Sanxing Town"' in marker
    assert 'data-withdrawn="false"' in marker and 'data-superseded="false"' in marker
    assert "data-doc-number" not in marker  # a hazard has no document number of its own


def test_a_notice_names_its_document_number_in_the_search_marker(pages):
    """Structured data for the index, not a label to scrape: the notice's own number, in every
    language; the search page and listings mark themselves as no content to find."""
    for lang in pages:
        body = pages[lang]["notices/T-NOTICE-1/"].body
        marker = re.search(r'<div class="zz-record" hidden[^>]*></div>', body).group(0)
        assert 'data-doc-number="海安委办〔2022〕31号"' in marker
        assert '<div class="zz-unindexed" hidden></div>' in pages[lang]["search/"].body
        assert '<div class="zz-listing" hidden></div>' in pages[lang]["hazards/"].body


def test_references_link_both_ways_and_show_titles_in_the_page_language(pages):
    dossier = pages["en"]["hazards/T-HZ-0001/"].body
    assert '<a href="../../reports/T-SA-sanxing/">Sanxing self-assessment</a>' in dossier  # referenced by
    report = pages["zh"]["reports/T-SA-sanxing/"].body
    assert '<a href="../../hazards/T-HZ-0001/">储罐区防火堤破损</a>' in report  # its prose reference


def test_a_reference_to_a_withheld_record_shows_no_title(site):
    ctx = Ctx(site, "zh", "reports/x/")
    shown = ctx.text(Text(zh="见 [[T-HZ-SECRET]] 与 [[海安委办〔2022〕99号]] 和 [[NO-SUCH]]"))
    assert shown.count(word("ref.classified", "zh")) == 2
    assert "涉密" not in shown and "T-HZ-SECRET" not in shown
    assert 'class="zz-broken"' in shown and "[[NO-SUCH]]" in shown


def test_self_assessment_has_the_nine_contents_and_three_lists(pages):
    body = pages["zh"]["reports/T-SA-sanxing/"].body
    for words in ("目标任务完成情况", "问题隐患整改情况", "其他需要纳入评估范围的内容", "（未填写）",
                  "目标任务完成情况清单", "问题隐患整改情况清单", "典型经验做法清单"):
        assert words in body
    assert body.index("一、") < body.index("九、")


def test_relative_links():
    assert relative("", "hazards/X/") == "hazards/X/"
    assert relative("hazards/X/", "") == "../../"
    assert relative("hazards/X/", "reports/Y/#a") == "../../reports/Y/#a"
    assert relative("hazards/page/2/", "hazards/X/") == "../../X/"


def test_listings_are_paginated_and_facets_list_every_dossier(tmp_path):
    data = make_data(tmp_path)
    source = (data / "zz-site-fixture" / "campaign.yml").read_text(encoding="utf-8")
    start = source.index("- type: hazard\n  id: T-HZ-0002")
    end = source.index("- type: hazard\n  id: T-HZ-SECRET")
    template = source[start:end]
    many = "".join(template.replace("T-HZ-0002", f"T-HZ-1{n:03d}") for n in range(230))
    (data / "zz-site-fixture" / "many.yml").write_text(many, encoding="utf-8")
    archive, diagnostics = load_and_check(data)
    assert not [d for d in diagnostics if d.is_error]
    site = make_site(archive, data, tmp_path / "build")
    pages = {p.url: p for p in all_pages(Ctx(site, "zh"))}
    hazards = site.archive.of_type(Hazard)
    count = -(-len(hazards) // PAGE_SIZE)
    assert count >= 3
    assert f"hazards/page/{count}/" in pages and f"hazards/page/{count + 1}/" not in pages
    assert pages["hazards/"].body.count("<tr data-town=") == PAGE_SIZE
    assert pages[f"hazards/page/{count}/"].body.count("<tr data-town=") == len(hazards) - PAGE_SIZE * (count - 1)
    listed = set()
    for url, page in pages.items():  # the campaign's facet listing holds every one of its dossiers
        if url.startswith("hazards/campaign/T-CAMP/"):
            listed |= set(re.findall(r'href="[./]*(?:hazards/)?(T-HZ-\d+)/"', page.body))
    assert listed == {h.id for h in hazards if h.campaign == "T-CAMP"} and len(listed) == 232
    assert "T-HZ-1229" not in pages["campaigns/T-CAMP/"].body  # a campaign page does not list them all


# ---------------------------------------------------------------------------------------------
# The built site


@pytest.fixture(scope="module")
def built(example_site) -> Path:
    return example_site


def test_built_site_has_both_trees_with_the_same_pages(built):
    zh = {p.relative_to(built).as_posix() for p in built.rglob("index.html")
          if p.relative_to(built).parts[0] != "en"}
    en = {p.relative_to(built / "en").as_posix() for p in (built / "en").rglob("index.html")}
    assert zh == en and "hazards/T-HZ-0001/index.html" in zh
    html = (built / "en" / "hazards" / "T-HZ-0001" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html


def test_no_classified_text_anywhere_in_the_built_tree(built, archive):
    phrases = classified_phrases(archive)
    for path in built.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".js", ".json", ".txt", ".css", ".svg"):
            content = path.read_text(encoding="utf-8", errors="replace")
            for phrase in phrases:
                assert phrase not in content, (path, phrase)


_FETCHING = {"img": "src", "script": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
             "embed": "src", "object": "data", "input": "src", "track": "src"}


class _Fetches(HTMLParser):
    """Every URL an HTML page makes the browser fetch by itself (not links a reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in _FETCHING and values.get(_FETCHING[tag]):
            self.urls.append(values[_FETCHING[tag]])
        if tag == "link" and values.get("href") and values.get("rel") not in ("canonical", "alternate"):
            self.urls.append(values["href"])
        for value in values.values():
            if value and "url(" in value:
                self.urls += re.findall(r"url\(['\"]?([^'\")]+)", value)


def test_built_pages_request_nothing_from_other_hosts(built):
    remote = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
    for path in built.rglob("*.html"):
        parser = _Fetches()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.urls, path
        assert not [u for u in parser.urls if remote.match(u)], (path, parser.urls)
    for path in built.rglob("*.css"):
        urls = re.findall(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", path.read_text(encoding="utf-8"))
        assert not [u for u in urls if remote.match(u)], path


def test_two_builds_of_the_same_commit_are_byte_identical(archive, data, built, tmp_path):
    again = tmp_path / "site"
    assert build_site(archive, data, again, tmp_path / "b").ok
    first = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    for name in first:
        assert (built / name).read_bytes() == (again / name).read_bytes(), name


def test_a_failed_build_leaves_the_previous_site(tmp_path, data):
    broken = make_data(tmp_path / "x")
    (broken / "zz-site-fixture" / "bad.yml").write_text("type: hazard\nid: BAD\n", encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous", encoding="utf-8")
    status = subprocess.run([sys.executable, "-m", "generators", "site", "--data", str(broken), "--out", str(out),
                             "--build", str(tmp_path / "b")], cwd=ROOT, capture_output=True, text=True)
    assert status.returncode == 1
    assert "bad.yml" in status.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "previous"
