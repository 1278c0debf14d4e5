"""Round trip: the same reference is a link with the target's title on the site (zh and en), and
the right words in print (document number, 《title》, 附件N) — the site's own reference links
(Ctx.refs through Python-Markdown, as a page renders prose), and the print's words as text."""

from __future__ import annotations

import pytest

from generators.records import load_archive
from generators.refs.render import print_replacer, replace_refs
from generators.site import html as h
from generators.site.build import make_site
from generators.site.context import Ctx
from tests.refs_helpers import refs_archive


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return refs_archive(tmp_path_factory.mktemp("refs") / "data")


@pytest.fixture(scope="module")
def archive(data):
    loaded, _ = load_archive(data)
    return loaded


@pytest.fixture(scope="module")
def site(archive, data, tmp_path_factory):
    return make_site(archive, data, tmp_path_factory.mktemp("refs-build"))


def site_html(site, text: str, lang: str) -> str:
    """Prose as a notice's page shows it (notices/x/: links relative to that page)."""
    ctx = Ctx(site, lang, "notices/x/")
    return h.with_refs(text, ctx.refs, h.prose_html)


def print_text(archive, text: str, notice: str | None = None) -> str:
    return replace_refs(text, archive, print_replacer(archive, notice)).strip()


@pytest.mark.parametrize(("lang", "title"), [("zh", "储罐区防火堤破损"), ("en", "Damaged fire dike at the tank farm")])
def test_site_link_shows_title_in_page_language(site, lang, title):
    assert site_html(site, "见[[HZ-A-1]]。", lang) == f'<p>见<a href="../../hazards/HZ-A-1/">{title}</a>。</p>'


@pytest.mark.parametrize("written", ["[[海安委办〔2022〕17号]]", "［［海安委办【2022】17号］］", "[[ spec-notice ]]"])
def test_site_link_by_document_number(site, written):
    html = site_html(site, written, "zh")
    assert html == '<p><a href="../spec-notice/">关于印发《海门区安全生产专项整治评估规范》的通知</a></p>'


def test_site_label_and_a_town(site):
    assert site_html(site, "[[HZ-A-1|该隐患]]", "zh") == '<p><a href="../../hazards/HZ-A-1/">该隐患</a></p>'
    assert site_html(site, "[[sanxing]]", "en") == '<p><a href="../../towns/sanxing/">Sanxing Town</a></p>'


@pytest.mark.parametrize(("lang", "words"), [("zh", "[已定密文件]"), ("en", "[classified]")])
def test_site_never_leaks_a_classified_title(site, lang, words):
    html = site_html(site, "见[[HZ-A-4|涉密隐患]]", lang)
    assert words in html and "<a" not in html
    assert "涉密" not in html and "classified site" not in html


def test_site_link_words_are_not_read_as_markdown(site):
    """The link is put in after Markdown ran: a label's Markdown characters stay characters."""
    html = site_html(site, "[[HZ-A-1|*星* [号](x) <b>]]", "zh")
    assert html == '<p><a href="../../hazards/HZ-A-1/">*星* [号](x) &lt;b&gt;</a></p>'


def test_print_document_number_title_and_names(archive):
    text = print_text(archive, "依据[[spec-notice]]和[[spec-2022]]，对照[[HZ-A-1]]，由[[sanxing]]在[[camp-a]]中整改。")
    assert text == ("依据海安委办〔2022〕17号和《海门区安全生产专项整治评估规范》，对照《储罐区防火堤破损》，"
                    "由三星镇在安全生产专项整治三年行动中整改。")


def test_print_attachment_of_the_notice_printed(archive):
    body = archive.get("notice-x").body.zh
    text = print_text(archive, body, "notice-x")
    assert "现将评估工作方案（附件1）和自评表（附件2）印发给你们。" in text
    assert "评估依据海安委办〔2022〕17号和《规范》评估规范执行。" in text
    assert "notice-x" not in text and "[[" not in text
    # printed with another notice, the same attachment is named by its title
    assert print_text(archive, "[[notice-x-form]]", "spec-notice") == "《自评表》"


def test_print_single_attachment_has_no_number(archive):
    # GB/T 9704-2012: a notice with one attachment calls it "附件", without a number
    assert print_text(archive, "见[[spec-2022]]", "spec-notice") == "见附件"
