"""Links are part of the build: every internal href/src of every page of both languages reaches a
file of the built tree, or the build fails naming the page, the place in it and the link."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generators.outputs import mark
from generators.site.context import Ctx
from generators.site.links import _fast_links, check_links, files_under, page_links, page_targets, target_of
from tests.conftest import write_archive
from tests.site_support import ROOT


def test_every_internal_link_of_both_languages_resolves(example_site):
    pages = list(example_site.rglob("*.html"))
    assert any(p.relative_to(example_site).parts[0] == "en" for p in pages)
    assert len(pages) > 100
    assert [d.format("en") for d in check_links(example_site)] == []


def test_links_are_read_where_a_browser_reads_them():
    text = ('<html>\n<a href="a/">x</a> <img src=\'b.png\'>\n'
            '<script>var s = \'<a href="nowhere/">\';</script>\n<link href="c.css" rel="stylesheet">')
    assert list(page_links(text)) == [(2, 10, "a/"), (2, 30, "b.png"), (4, 13, "c.css")]
    assert target_of("en/hazards/X/index.html", "../../documents/X.pdf") == "en/documents/X.pdf"
    assert target_of("en/hazards/X/index.html", "../../../documents/X.pdf") == "documents/X.pdf"
    assert target_of("hazards/X/index.html", "../../") == "index.html"
    assert target_of("index.html", "./#top") == "index.html"
    assert target_of("index.html", "https://example.org/") is None
    assert target_of("index.html", "#top") is None
    assert target_of("a/index.html", "b%20c/?q=1") == "a/b c/index.html"


def test_printed_documents_are_reached_from_both_languages(example_archive, example_data, tmp_path):
    # Both trees link the one documents/ folder at the site's root.
    from generators.site.build import make_site

    built = make_site(example_archive, example_data, tmp_path)
    for lang, depth in (("zh", 2), ("en", 3)):
        link = Ctx(built, lang, "hazards/HZ-1/").shared_href("documents/HZ-1.pdf")
        assert link == "../" * depth + "documents/HZ-1.pdf"
        page = ("" if lang == "zh" else "en/") + "hazards/HZ-1/index.html"
        assert target_of(page, link) == "documents/HZ-1.pdf"


def test_a_planted_broken_link_fails_the_build_with_its_location(tmp_path: Path):
    notice = """
        - type: notice
          id: n-broken
          kind: notice
          document_number: 海安委办〔2022〕40号
          issuer: office
          date: 2022-05-10
          title: {zh: 关于链接的通知, en: Notice with a link}
          addressees: {zh: 各区镇, en: All towns}
          body: {zh: "见[说明](../../nowhere/)。", en: "See [the note](../../nowhere/)."}
          classification: 公开
          archival: {year: 2022, retention: D30, item_number: 40}
        """
    data = write_archive(tmp_path / "data", {"notices.yml": notice})
    out = tmp_path / "site"
    out.mkdir()
    mark(out)  # a site a previous build made
    (out / "index.html").write_text("previous", encoding="utf-8")
    status = subprocess.run([sys.executable, "-m", "generators", "site", "--data", str(data), "--out", str(out),
                             "--build", str(tmp_path / "build")], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8"))
    assert status.returncode == 1, status.stdout + status.stderr
    assert "Traceback" not in status.stderr
    for page in ("notices/n-broken/index.html", "en/notices/n-broken/index.html"):
        assert f"{page}:" in status.stderr, status.stderr
    assert "error[E801]" in status.stderr and "'../../nowhere/'" in status.stderr
    assert "points to nowhere/index.html" in status.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "previous"


# The fast reading (bytes, the files each page links) finds what the exact one finds.
def _exact(page: str, data: bytes) -> set[str]:
    text = data.decode("utf-8", errors="replace")
    return {target for _, _, link in page_links(text) if (target := target_of(page, link)) is not None}


PAGES = ("index.html", "hazards/index.html", "en/hazards/HZ-1/index.html")
ODD_PAGES = [
    '<a href="a/">x</a> <A HREF="B/">y</A> <img Src="c.png">',  # upper-case attribute names
    '<p>见\u3000href="nowhere/"</p><a\u00a0href="x/">',  # whitespace beyond ASCII before a name
    '<p>\u017frc="long-s/"</p> <a href="ok/">',  # a letter that folds onto s
    '<script后 href="script-cjk/">x</script> <a href="after/">',  # no word boundary after <script
    '<a href="v<script>中文</script>w">x</a>',  # a script inside a value: blanks counted per character
    '<a title="x" href="a src=\'b/\'">y</a>',  # an attribute inside a value
    '<STYLE>a{b:url(x)} href="in-style/"</style> <a href="\xff/">',  # upper-case style, bad byte
    '<a href="../../../up/">x</a><a href="/rooted/x?y#z">y</a><a href="#top">z</a><a href="./">t</a>',
    '<a href="a/./b/../c">x</a><a href="%E4%B8%AD/">y</a><a href="&amp;q/">z</a><a href="mailto:x@y">w</a>',
    '<a href=\'single/\'>x</a><a href = "spaced/">y</a><a\thref="tab/">z</a><a\x1chref="sep/">w</a>',
    '<script>var a = \'<a href="in-script/">\';</script\n>\n<a href="b/">',
]


@pytest.mark.parametrize("html", ODD_PAGES)
def test_the_fast_reading_finds_what_the_exact_one_finds(html: str):
    data = html.encode("utf-8").replace("\xff".encode(), b"\xff")  # ÿ stands for a byte UTF-8 never has
    for page in PAGES:
        assert page_targets(page, data) == _exact(page, data), (page, html)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['<a href="', "<A HREF='", ' src="', " sRc=", '"', "'", "/", "../", "./",
                                 "a", "中", "\u3000", "\u017f", " ", "\n", "<script>", "</script>", "<style x>",
                                 "</STYLE >", "#", "?", "%20", "&amp;", "=", ">", "index.html", "//", "http:"]),
                max_size=40))
def test_the_fast_reading_agrees_on_generated_pages(parts: list[str]):
    data = "".join(parts).encode("utf-8")
    for page in PAGES:
        assert page_targets(page, data) == _exact(page, data)


def test_the_fast_reading_agrees_on_every_page_of_the_example(example_site):
    pages = [page for page in sorted(files_under(example_site)) if page.endswith(".html")]
    fast = 0
    for page in pages:
        data = (example_site / page).read_bytes()
        assert page_targets(page, data) == _exact(page, data), page
        fast += _fast_links(data) is not None
    assert fast > 0.9 * len(pages)  # the exact reading stays the exception


def test_the_check_rereads_only_changed_pages_and_sees_files_gone(tmp_path: Path):
    site, cache = tmp_path / "site", tmp_path / "links.pickle"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/">a</a>\n<img src="logo.png">', encoding="utf-8")
    (site / "a" / "index.html").write_text('<a href="../">home</a>', encoding="utf-8")
    (site / "logo.png").write_bytes(b"png")
    assert check_links(site, cache=cache) == []
    # A file gone: the unchanged page that links it (read from the cache) is reported, located.
    (site / "logo.png").unlink()
    assert [d.format("en") for d in check_links(site, cache=cache)] == \
        [d.format("en") for d in check_links(site)] != []
    assert "index.html:2:11" in check_links(site, cache=cache)[0].format("en")
    # A page replaced by a new file with a broken link: read again.
    (site / "logo.png").write_bytes(b"png")
    (site / "a" / "index.html").unlink()
    (site / "a" / "index.html").write_text('<a href="../missing/">x</a>', encoding="utf-8")
    found = check_links(site, cache=cache)
    assert [d.location.path for d in found] == ["a/index.html"]
    # A page gone: the page linking it is reported.
    (site / "a" / "index.html").unlink()
    (site / "a").rmdir()
    assert [d.location.path for d in check_links(site, cache=cache)] == ["index.html"]
    # A cache from other code, or damaged, is ignored.
    cache.write_bytes(b"not a pickle")
    assert [d.location.path for d in check_links(site, cache=cache)] == ["index.html"]
