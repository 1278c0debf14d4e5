"""Links are part of the build: every internal href/src of every page of both languages reaches a
file of the built tree, or the build fails naming the page, the place in it and the link."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generators.outputs import mark
from generators.site.context import Ctx
from generators.site.links import check_links, page_links, target_of
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
