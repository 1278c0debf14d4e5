"""The search indexer's diagnostics (E7xx)."""

from __future__ import annotations

from pathlib import Path

from generators.diagnostics import Diagnostic, Location
from generators.messages import register

register({
    "E701": {
        "message_zh": "找不到已构建的网站目录 {site}",
        "message_en": "built site folder {site} not found",
        "hint_zh": "先运行 make site，或用 --site 指定网站目录。",
        "hint_en": "run make site first, or name the site folder with --site.",
    },
    "E702": {
        "message_zh": "页面带有涉密标记（data-classified），未编入搜索索引",
        "message_en": "page carries a classified marker (data-classified) and was not indexed",
        "hint_zh": "涉密记录不得生成网页；请检查网站生成器为何输出了该页面。",
        "hint_en": "classified records must have no page; find out why the site generator wrote this one.",
    },
    "E703": {
        "message_zh": "网站目录中没有 {lang} 语言的页面",
        "message_en": "the site folder has no pages in language {lang}",
        "hint_zh": "检查网站是否已按该语言构建（英文在 en/ 下）。",
        "hint_en": "check that the site was built for that language (English under en/).",
    },
})


def missing_site(site: Path) -> Diagnostic:
    return Diagnostic.error("E701", Location(str(site)), site=site)


def classified_page(path: Path) -> Diagnostic:
    return Diagnostic.error("E702", Location(str(path)))


def no_pages(site: Path, lang: str) -> Diagnostic:
    return Diagnostic.error("E703", Location(str(site)), lang=lang)
