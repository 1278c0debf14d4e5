"""The reviewer's view of one report: statuses, backlinks, coverage — as text and as a site page."""

from __future__ import annotations

import subprocess
import sys

import markdown
import pytest

from generators.records import load_archive
from generators.refs.review import review, review_page_markdown, reviewable
from tests.conftest import ROOT
from tests.refs_helpers import refs_archive


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return refs_archive(tmp_path_factory.mktemp("refs") / "data")


@pytest.fixture(scope="module")
def archive(data):
    loaded, _ = load_archive(data)
    return loaded


def test_statuses_of_outgoing_references(archive):
    report = review(archive, "SR-A-sanxing")
    status = {(s.reference.target_text, s.reference.path[-1]): s.status for s in report.outgoing}
    assert status[("HZ-A-1", "hazard")] == "ok"
    assert status[("HZ-A-3", "zh")] == "out-of-scope"
    assert status[("HZ-B-1", "zh")] == "out-of-scope"
    assert status[("HZ-A-4", "zh")] == "classified"
    assert status[("HZ-A-5-v1", "zh")] == "superseded"
    assert status[("HZ-A-6", "zh")] == "withdrawn"
    assert status[("HZ-A-9", "zh")] == "broken"
    assert status[("sanxing-town", "zh")] == "broken"
    assert (report.count("ok"), report.count("broken")) == (12, 3)
    assert report.coverage.unverified_ids == ("HZ-A-2",)


def test_supersedes_link_is_not_a_fault(archive):
    assert [s.status for s in review(archive, "HZ-A-5").outgoing if s.reference.path == ("supersedes",)] == ["ok"]


def test_backlinks(archive):
    sources = [r.source_id for r in review(archive, "HZ-A-1").backlinks]
    assert sources.count("SA-A-sanxing") == 2 and sources.count("SR-A-sanxing") == 4
    assert "HZ-A-1" not in sources


def test_unknown_id(archive):
    with pytest.raises(KeyError):
        review(archive, "nothing")


def _html(archive, record_id, lang):
    page = review_page_markdown(archive, record_id, lang, lambda i: f"/records/{i}/")
    return markdown.markdown(page, extensions=["tables"])


def test_site_page_zh(archive):
    html = _html(archive, "SR-A-sanxing", "zh")
    assert "<h1>引用审查：三星镇子项报告</h1>" in html
    assert ">3</td>" in html and ">2</td>" in html  # listed / verified / closed
    assert '<a href="/records/HZ-A-2/">仓库消防通道堵塞</a>' in html  # the unverified hazard
    assert "超出范围" in html and "无法解析" in html and "<code>[[HZ-A-9]]</code>" in html
    assert "[已定密文件]" in html and "某涉密单位" not in html


def test_site_page_en_backlinks(archive):
    html = _html(archive, "HZ-A-1", "en")
    assert "<h1>Reference review: Damaged fire dike at the tank farm</h1>" in html
    assert '<a href="/records/SR-A-sanxing/">Sanxing sub-report</a>' in html
    assert "Sieve check" not in html  # coverage is for sub-reports and self-assessments


def test_no_site_page_for_classified(archive):
    with pytest.raises(ValueError):
        review_page_markdown(archive, "HZ-A-4", "zh", lambda i: None)
    assert "HZ-A-4" not in reviewable(archive)
    assert {"SR-A-sanxing", "SA-A-sanxing", "notice-x", "LB-A-sanxing"} <= set(reviewable(archive))


def run_review(data, record_id, lang="C.UTF-8"):
    return subprocess.run([sys.executable, "-m", "generators", "review", "--data", str(data), "--id", record_id],
                          cwd=ROOT, capture_output=True, text=True, env={"LANG": lang, "PATH": "/usr/bin:/bin"})


def test_command_text(data):
    shown = run_review(data, "SR-A-sanxing")
    assert shown.returncode == 0
    assert "Sieve check (art. 5(2)): listed 3 · verified 2 · closed 2" in shown.stdout
    assert "  not verified: HZ-A-2" in shown.stdout
    assert "Total: ok 12 · broken 3 · classified 1 · withdrawn 1 · superseded 1 · out of scope 2" in shown.stdout
    zh = run_review(data, "海安委办〔2022〕17号", "zh_CN.UTF-8")  # by document number
    assert zh.returncode == 0 and zh.stdout.startswith("审查 spec-notice")


def test_command_unknown_id(data):
    shown = run_review(data, "SR-A-sanxin")
    assert shown.returncode == 2
    assert "no record has the ID or document number 'SR-A-sanxin'" in shown.stderr
    assert "did you mean 'SR-A-sanxing'" in shown.stderr


def test_site_page_from_public_view(archive):
    """The site works on a view without classified records: what they were stays unsaid."""
    from generators import present
    from generators.records.archive import Archive

    keep = {i: r for i, r in archive.records.items() if not present.is_classified(archive, r)}
    public = Archive(archive.root, keep, {i: archive.origins[i] for i in keep},
                     {i: n for i, n in archive.nested.items() if n.parent in keep}, archive.vocabularies)
    page = review_page_markdown(public, "SR-A-sanxing", "zh", lambda i: f"/records/{i}/", full=archive)
    assert "HZ-A-4" not in page and "| 定密 | \\[已定密文件\\] |" in page
    assert "`[[HZ-A-9]]`" in page  # really broken stays broken, as written
