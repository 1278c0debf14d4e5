"""The reader's details on the built example site: figures that say what they leave out, the error
page in each language with a way back and relative paths, heading links titled in the page's
language, dates and IDs kept on one line, fenced code as code blocks."""

from __future__ import annotations

import re

import pytest

from generators.present import is_classified
from generators.records.model import Hazard
from generators.site.html import prose_html

NOTE = {"zh": "不含涉密记录 {n} 条", "en": "excluding classified records: {n}"}


def _page(site, lang: str, path: str) -> str:
    return (site / ("" if lang == "zh" else "en") / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_counts_that_leave_out_classified_records_say_so(example_site, example_archive, lang):
    secret = [h for h in example_archive.of_type(Hazard) if is_classified(example_archive, h)]
    assert secret
    assert NOTE[lang].format(n=len(secret)) in _page(example_site, lang, "hazards/index.html")
    campaign = secret[0].campaign
    in_campaign = sum(1 for h in secret if h.campaign == campaign)
    assert NOTE[lang].format(n=in_campaign) in _page(example_site, lang, f"campaigns/{campaign}/index.html")
    town = secret[0].town
    assert NOTE[lang].format(n=sum(1 for h in secret if h.town == town)) in \
        _page(example_site, lang, f"towns/{town}/index.html")
    withheld = sum(1 for r in example_archive if is_classified(example_archive, r))
    assert NOTE[lang].format(n=withheld) in _page(example_site, lang, "about/index.html")


@pytest.mark.parametrize(("lang", "words", "back"), [("zh", "页面不存在", "返回首页"),
                                                     ("en", "Page not found", "Back to the home page")])
def test_the_error_page_speaks_the_language_and_links_relatively(example_site, lang, words, back):
    html = _page(example_site, lang, "404.html")
    assert words in html and f'<a href="./">{back}</a>' in html
    assert not re.findall(r'\s(?:href|src)="/(?!/)', html)
    assert f'<html lang="{lang}' in html


@pytest.mark.parametrize(("lang", "title"), [("zh", "永久链接"), ("en", "Permanent link")])
def test_heading_links_are_titled_in_the_page_language(example_site, lang, title):
    html = _page(example_site, lang, "campaigns/zz2020/index.html")
    titles = set(re.findall(r'class="headerlink"[^>]*title="([^"]*)"', html))
    titles |= set(re.findall(r'title="([^"]*)"[^>]*class="headerlink"', html))
    assert titles == {title}


def test_dates_and_ids_do_not_wrap(example_site):
    html = _page(example_site, "zh", "hazards/index.html")
    assert re.search(r'<span class="zz-nowrap"><a href="[^"]*">HZ-\d{4}-\d{4}</a></span>', html)
    assert re.search(r'<span class="zz-nowrap">\d{4}年\d{1,2}月\d{1,2}日</span>', html)


def test_fenced_code_in_prose_is_a_code_block():
    html = prose_html("示例：\n\n```\nmake site DATA=data\n```\n")
    assert "<pre><code>make site DATA=data\n</code></pre>" in html


@pytest.mark.parametrize(("lang", "none"), [("zh", "无数据"), ("en", "no data")])
def test_a_period_the_statistics_do_not_cover_has_no_sum(example_site, lang, none):
    # zz2020 runs 2020-04..2022-12; its period-on-period base, 2017-07..2020-03, starts before the
    # statistics (from 2019-01): no partial sum and no comparison, and a note says why.
    html = _page(example_site, lang, "campaigns/zz2020/index.html")
    table = html[html.index('id="accidents"'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr><td>(.*?)</tr>", table)
    assert len(rows) == 3
    for row in rows:
        cells = re.findall(r"<td>(.*?)</td>", "<td>" + row)
        assert none not in cells[1] and none not in cells[2]  # the campaign and its year-on-year base
        assert none in cells[4] and none in cells[5], cells  # the period-on-period base and change
    assert ("2019年1月" if lang == "zh" else "January 2019") in html


def test_two_builds_from_different_folders_are_byte_identical(tmp_path):
    from generators.commands.check import load_and_check
    from generators.site.build import build_site
    from tests.conftest import write_archive
    from tests.test_site_versions import NOTICES

    trees = []
    for name in ("a/data", "elsewhere/archive"):
        data = write_archive(tmp_path / name, {"notices.yml": NOTICES})
        archive, _ = load_and_check(data)
        out = tmp_path / name.split("/")[0] / "site"
        assert build_site(archive, data, out, tmp_path / name.split("/")[0] / "build").ok
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert any(name.startswith("review/n-2022-20/") for name in trees[0])
    assert sorted(trees[0]) == sorted(trees[1])
    differing = [name for name in trees[0] if trees[0][name] != trees[1][name]]
    assert differing == []
    review = trees[0]["review/n-2022-20/index.html"].decode()
    assert "<code>notices.yml:" in review and str(tmp_path) not in review
