"""Printed versions that match: the site links a record's PDF/Word only when the documents stage
rendered it from the record as it is now (its manifest says what each document was made from);
"also printed in" names documents by title and lists only documents that contain the record."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generators.checks import load_and_check
from generators.documents.build import build as build_documents
from generators.documents.build import manifest
from generators.documents.catalog import documents
from generators.site.build import build_site, make_site
from generators.site.context import Ctx
from generators.site.pages import printed_versions
from tests.conftest import write_archive
from tests.test_site_versions import NOTICES


@pytest.fixture(scope="module")
def stale(tmp_path_factory) -> Path:
    """Documents built, then one notice's title edited and only the site rebuilt."""
    tmp = tmp_path_factory.mktemp("stale")
    data = write_archive(tmp / "data", {"notices.yml": NOTICES})
    archive, _ = load_and_check(data)
    built = build_documents(archive, tmp / "build" / "documents", tmp / "build" / "cache", progress=False)
    assert not [d for d in built.diagnostics if d.is_error]
    path = data / "notices.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("关于暂停检查的通知", "关于暂停检查工作的通知"),
                    encoding="utf-8")
    archive, diagnostics = load_and_check(data)
    assert not [d for d in diagnostics if d.is_error]
    result = build_site(archive, data, tmp / "site", tmp / "build")
    assert result.ok, result.message
    return tmp / "site"


@pytest.mark.parametrize(("lang", "words"), [("zh", "正式文本已过时"), ("en", "printed version is out of date")])
def test_an_edited_record_does_not_link_its_old_printed_version(stale, lang, words):
    prefix = "" if lang == "zh" else "en/"
    edited = (stale / prefix / "notices" / "n-2022-30" / "index.html").read_text(encoding="utf-8")
    assert "关于暂停检查工作的通知" in edited or lang == "en"
    assert words in edited
    assert "n-2022-30.pdf" not in edited and "n-2022-30.docx" not in edited
    assert not (stale / "documents" / "n-2022-30.pdf").exists()
    unchanged = (stale / prefix / "notices" / "n-2022-20-v2" / "index.html").read_text(encoding="utf-8")
    assert words not in unchanged
    link = re.search(r'href="([^"]*documents/n-2022-20-v2\.pdf)"', unchanged)
    assert link, "a current printed version is linked"
    depth = 2 if lang == "zh" else 3  # from both trees to the one documents/ folder at the root
    assert link.group(1) == "../" * depth + "documents/n-2022-20-v2.pdf"
    assert (stale / "documents" / "n-2022-20-v2.pdf").is_file()


@pytest.fixture(scope="module")
def example(example_archive, example_data, tmp_path_factory):
    """The example archive with the manifest the documents stage would write (no rendering: what
    is tested is which documents the site names, read from the manifest)."""
    import json

    archive = example_archive
    build = tmp_path_factory.mktemp("printed")
    folder = build / "documents"
    folder.mkdir()
    described = manifest(archive, documents(archive))
    (folder / "manifest.json").write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")
    for stem in described["documents"]:
        for suffix in (".pdf", ".docx"):
            (folder / f"{stem}{suffix}").write_bytes(b"")
    return make_site(archive, example_data, build), described["documents"]


def test_a_sub_report_is_not_printed_in_its_sibling_sub_reports(example):
    site, described = example
    sub = "zz2020-sub-sanxing-v2"
    assert sub in described and "zz2020-sub-changle" in described
    assert sub not in described["zz2020-sub-changle"]["contains"]
    assert sub in described["zz2020-sub-changle"]["records"]  # it prints the grades: depends on them
    named = [d.stem for d in site.documents[sub]]
    assert named[0] == sub and not [s for s in named if s.startswith("zz2020-sub-") and s != sub]


@pytest.mark.parametrize(("lang", "title"), [("zh", "问题隐患清单"), ("en", "Hazard list of the ")])
def test_also_printed_in_names_documents_by_title(example, lang, title):
    site, _ = example
    html = printed_versions(Ctx(site, lang, "hazards/HZ-2020-0001/"), site.archive.get("HZ-2020-0001"))
    names = [re.sub(r"<a .*", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", html)]
    assert [n for n in names if title in n], names  # the town's hazard list
    assert all(n and not re.fullmatch(r"[A-Za-z0-9-]+", n) for n in names), names  # never a raw file stem
