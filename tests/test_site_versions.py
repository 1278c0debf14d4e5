"""Versions on the site, in both languages: the superseded banner naming its successor, the
withdrawal banner with its reason, and the history of changes (newest first, each version with
its date, change note, page link and printed files), built from real documents and a real site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generators.checks import load_and_check
from generators.documents.build import build as build_documents
from generators.site.build import build_site
from generators.site.context import record_url
from tests.conftest import write_archive

NOTICES = """
- type: notice
  id: n-2022-20
  kind: notice
  document_number: 海安委办〔2022〕20号
  issuer: office
  date: 2022-05-10
  title: {zh: 关于开展隐患排查的通知, en: Notice on hazard screening}
  addressees: {zh: 各区镇, en: All towns}
  body: {zh: 请认真开展排查。, en: Please carry out the screening.}
  classification: 公开
  archival: {year: 2022, retention: D30, item_number: 20}
- type: notice
  id: n-2022-20-v2
  kind: notice
  document_number: 海安委办〔2022〕20号
  issuer: office
  date: 2022-05-20
  title: {zh: 关于开展隐患排查的通知（修订）, en: Notice on hazard screening (revised)}
  addressees: {zh: 各区镇, en: All towns}
  body: {zh: 请认真开展排查，并于6月底前报送。, en: Please carry out the screening and report by the end of June.}
  classification: 公开
  version: 2
  supersedes: n-2022-20
  change_note: {zh: 增加报送时限, en: Adds the reporting deadline}
  archival: {year: 2022, retention: D30, item_number: 21}
- type: notice
  id: n-2022-30
  kind: notice
  document_number: 海安委办〔2022〕30号
  issuer: office
  date: 2022-06-01
  title: {zh: 关于暂停检查的通知, en: Notice suspending inspections}
  addressees: {zh: 各区镇, en: All towns}
  body: {zh: 暂停检查。, en: Inspections are suspended.}
  classification: 公开
  withdrawn: {date: 2022-06-05, reason: {zh: 误发, en: Issued in error}}
  archival: {year: 2022, retention: D10, item_number: 30}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, object]:
    tmp = tmp_path_factory.mktemp("versions")
    data = write_archive(tmp / "data", {"notices.yml": NOTICES})
    archive, diagnostics = load_and_check(data)
    assert [d.format("en") for d in diagnostics if d.is_error] == []
    built = build_documents(archive, tmp / "build" / "documents", tmp / "build" / "cache", progress=False)
    assert not [d for d in built.diagnostics if d.is_error]
    result = build_site(archive, data, tmp / "site", tmp / "build")
    assert result.ok, result.message
    return tmp / "site", archive


def page(site, record_id: str, lang: str) -> str:
    folder, archive = site
    prefix = "" if lang == "zh" else "en/"
    return (folder / prefix / record_url(archive, record_id) / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "banner", "reason"), [
    ("zh", "本文件已被新版本替代", "误发"),
    ("en", "This document has been superseded", "Issued in error"),
])
def test_banners(site, lang, banner, reason):
    old = page(site, "n-2022-20", lang)
    assert banner in old
    assert re.search(r'<a href="[^"]*n-2022-20-v2/"', old), "the banner links the successor"
    assert banner not in page(site, "n-2022-20-v2", lang)
    withdrawn = page(site, "n-2022-30", lang)
    assert reason in withdrawn and "zz-banner" in withdrawn


@pytest.mark.parametrize(("lang", "note", "date"), [("zh", "增加报送时限", "2022年5月10日"),
                                                    ("en", "Adds the reporting deadline", "10 May 2022")])
def test_history_of_changes_lists_earlier_versions_with_date_note_page_and_printed_files(site, lang, note, date):
    current = page(site, "n-2022-20-v2", lang)
    rows = re.findall(r"<tr>(.*?)</tr>", current, flags=re.S)
    history = [row for row in rows if "n-2022-20/" in row or note in row]
    assert len(history) >= 2, rows
    this_row, earlier_row = history[0], history[1]
    assert note in this_row  # newest first: this version and its change note
    assert date in earlier_row  # the earlier version's own date
    assert re.search(r'href="[^"]*n-2022-20/"', earlier_row), "links the earlier version's page"
    assert re.search(r'href="[^"]*documents/n-2022-20\.pdf"', earlier_row), "links its printed PDF"
    assert re.search(r'href="[^"]*documents/n-2022-20\.docx"', earlier_row), "links its Word file"
    folder, _ = site
    assert (folder / "documents" / "n-2022-20.pdf").is_file()
