"""A small archive written as a careless or malicious contributor would write it, built for real
(``make docs`` and ``make site``: pandoc, Typst, MkDocs), and every public output read back: no
script in any link or event attribute, no personal number in full (pages, <title>, search index,
PDF, Word), a record's text cannot borrow another record's link, and the classified record leaves
no count behind. The link is also clicked in Chromium, which must show no dialog."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest

from generators.checks import load_and_check
from generators.documents.build import build as build_documents
from generators.site.build import build_site
from tests.conftest import local_page
from tests.hostile_support import archive_with, notice, time_limit, unmasked, unsafe_urls

MOBILE, ID_NUMBER, MOBILE_2, ID_2 = "13912345678", "320684199001011234", "18698765432", "32068419851231567X"
NUMBERS = [MOBILE, ID_NUMBER, MOBILE_2, ID_2]

LINKS = "\n\n".join([
    "[实体冒号](javascript&#58;alert(1))",
    "[实体 colon](javascript&colon;alert(1))",
    "[十六进制](javascript&#x3a;alert(1))",
    "[大小写与制表符](JaVa&#x09;ScRipT:alert(1))",
    "[首字母实体](&#106;avascript:alert(1))",
    "[引用式][evil]",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">原始 HTML</a> <img src=x onerror=alert(1)>',
    "<javascript:alert(1)>",
    "[可以的链接](https://example.org/x) [相对](../) [邮件](mailto:office@example.org)",
    "[evil]: javascript&#58;alert(1)",
])
NUMBERS_TEXT = "\n\n".join([
    f"联系人手机 +86{MOBILE}，另一写法 +86 139-1234-5678，或 139 1234 5678。",
    "全角 １３９１２３４５６７８；强调 139**1234**5678 与 *13912345678*。",
    "身份证 320684 19900101 1234，或 32068419900101123４。",
    f"另一人 {MOBILE_2}，身份证 {ID_2}。",
])
PLACEHOLDER = "内部占位符 ZZREF0ZZ 与 ZZREF7ZZ 不得变成别处的链接，见 [[n-2]]。"


def _files() -> dict[str, str]:
    body = json.dumps({"zh": f"{LINKS}\n\n{NUMBERS_TEXT}\n\n{PLACEHOLDER}", "en": NUMBERS_TEXT},
                      ensure_ascii=False)
    return {
        "notices/n-1.yml": notice("n-1", number=20, title=f"关于{MOBILE}同志与身份证{ID_NUMBER}的通知", body=body),
        "notices/n-2.yml": notice("n-2", number=21, title="关于开展隐患排查的通知"),
        "notices/n-3.yml": notice("n-3", number=22, title="[点我](javascript:alert(1))",
                                  body="{zh: '[点我](javascript&#58;alert(1))', en: text}"),
        "notices/n-secret.yml": notice("n-secret", number=23, title="涉密通知", classification="秘密",
                                       body=f"{{zh: 涉密正文 {MOBILE}}}"),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The site (no printed documents: those are read back by their own tests below)."""
    tmp = tmp_path_factory.mktemp("hostile-outputs")
    data = archive_with(tmp, _files())
    archive, diagnostics = load_and_check(data)
    assert [d.format("en") for d in diagnostics if d.is_error] == []
    with time_limit(600):
        result = build_site(archive, data, tmp / "site", tmp / "build")
    assert result.ok, result.message
    return tmp


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The printed documents (real pandoc and Typst) and the public ones among them."""
    from generators.present import public_view
    from generators.site.printed import printed_documents

    tmp = tmp_path_factory.mktemp("hostile-documents")
    data = archive_with(tmp, _files())
    archive, _ = load_and_check(data)
    with time_limit(600):
        result = build_documents(archive, tmp / "documents", tmp / "cache", progress=False)
    assert not [d.format("en") for d in result.diagnostics if d.is_error]
    linked = printed_documents(archive, public_view(archive)[0], tmp)  # what the site links
    public = {document.stem for documents in linked.values() for document in documents}
    return tmp / "documents", public


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_script_in_any_link_of_the_site(built):
    problems = {}
    for file in _html_files(built / "site"):
        found = unsafe_urls(file.read_text(encoding="utf-8"))
        if found:
            problems[str(file.relative_to(built))] = found
    assert problems == {}


def test_hostile_links_are_text_and_safe_links_stay(built):
    page = (built / "site" / "notices" / "n-1" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/x"' in page and 'href="mailto:office@example.org"' in page
    assert "实体冒号" in page and "引用式" in page  # the words stay, without a link
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # raw HTML shown as text


def test_no_personal_number_in_full_in_any_public_file(built):
    leaks = {}
    for file in sorted((built / "site").rglob("*")):
        if file.suffix in {".html", ".json", ".js", ".xml", ".txt"}:
            found = unmasked(file.read_text(encoding="utf-8", errors="replace"), NUMBERS)
            if found:
                leaks[str(file.relative_to(built))] = found
    assert leaks == {}
    page = (built / "site" / "notices" / "n-1" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "139＊＊＊＊5678" in title and "320684＊＊＊＊＊＊＊＊1234" in title
    assert "+86 139＊＊＊＊5678" in page and "186＊＊＊＊5432" in page


def _document_text(file: Path) -> str:
    if file.suffix == ".pdf":
        with pdfplumber.open(file) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    with zipfile.ZipFile(file) as archive:
        return re.sub(r"<[^>]+>", "", archive.read("word/document.xml").decode("utf-8"))


def test_public_printed_documents_are_masked(printed):
    folder, public = printed
    assert "n-1" in public and "n-secret" not in public
    for stem in sorted(public):
        for suffix in (".pdf", ".docx"):
            assert unmasked(_document_text(folder / f"{stem}{suffix}"), NUMBERS) == [], stem + suffix
    assert "139＊＊＊＊5678" in re.sub(r"\s", "", _document_text(folder / "n-1.pdf"))


def test_the_restricted_document_keeps_the_number(printed):
    """Offices print the classified record in full: masking is for what the public gets."""
    folder, _ = printed
    assert MOBILE in re.sub(r"\s", "", _document_text(folder / "n-secret.pdf"))


def test_text_containing_the_placeholder_stays_text(built):
    page = (built / "site" / "notices" / "n-1" / "index.html").read_text(encoding="utf-8")
    assert "ZZREF0ZZ" in page and "ZZREF7ZZ" in page
    paragraph = re.search(r"内部占位符.*?</p>", page, re.S).group(0)
    assert paragraph.count("<a ") == 1 and "n-2/" in paragraph  # only the real reference links


@pytest.mark.browser
def test_clicking_the_hostile_links_runs_nothing(built, browser):
    from generators.webserver import serve

    with serve(built / "site") as url, local_page(browser, url) as page:
        dialogs: list[str] = []
        clicked = 0
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("notices/n-1/", "notices/n-3/"):
            page.goto(url + path)
            for name in ("实体冒号", "实体 colon", "十六进制", "大小写与制表符", "首字母实体", "引用式", "点我"):
                link = page.get_by_text(name, exact=True)
                for index in range(link.count()):
                    link.nth(index).click(timeout=5000)
                    clicked += 1
                    page.wait_for_timeout(200)
                    if not page.url.startswith(url + path):
                        page.goto(url + path)
        assert clicked >= 7 and dialogs == []


def test_public_reports_count_what_the_site_counts(tmp_path):
    """The overall report and the comprehensive review the public gets are computed from the public
    view: the classified hazard of the fixture is not counted (the restricted print would count it)."""
    from generators.documents import ast, content
    from generators.documents.catalog import documents
    from generators.present import public_view
    from tests.documents_helpers import load, make_archive

    archive = load(make_archive(tmp_path))
    public, withheld = public_view(archive)
    assert "T-HZ-SECRET" in withheld
    campaign_hazards = [r for r in archive if r.type == "hazard" and r.campaign == "T-CAMP"]
    shown = len([r for r in campaign_hazards if r.id in public.records])
    assert shown == len(campaign_hazards) - 1
    specs = {spec.stem: spec for spec in documents(archive)}
    for stem in ("T-OR", "T-CR"):
        tables = "".join(ast.text_of(block) for block in specs[stem].build().blocks if block.get("t") == "Table")
        if stem == "T-OR":
            assert f"问题隐患总数{shown}已整改" in tables, tables
        assert f"问题隐患总数{len(campaign_hazards)}已整改" not in tables
    restricted = content.report(archive, archive.get("T-OR"), "T-OR")  # what an office may print
    everything = "".join(ast.text_of(block) for block in restricted.blocks if block.get("t") == "Table")
    assert f"问题隐患总数{len(campaign_hazards)}已整改" in everything
