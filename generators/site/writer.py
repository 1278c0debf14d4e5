"""Write pages as Markdown into BUILD, derive one MkDocs config per language from the hand-written
``mkdocs.yml``, and run the two MkDocs builds in parallel.

Generated Markdown goes only to ``$(BUILD)/site-src/<lang>/docs`` (never into content/ or data/).
Chinese is built at the site's root, English under ``en/``; both trees have the same page paths,
which is what lets the language switch (``theme/site/overrides/partials/alternate.html``) keep the
page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from tqdm import tqdm

from generators.filesync import Sync, sync_files
from generators.records import reads
from generators.site.i18n import t
from generators.site.incremental import Made, Plan
from generators.site.pages import Later, Page
from generators.words import search_words, words

ROOT = Path(__file__).resolve().parents[2]
BASE_CONFIG = ROOT / "mkdocs.yml"
HOOKS = ROOT / "theme" / "site" / "hooks.py"
NAV = ("home", "campaigns", "towns", "domains", "hazards", "notices", "reports", "statistics", "review", "coverage",
       "about")
NAV_PATHS = {"home": "index.md", "campaigns": "campaigns/index.md", "towns": "towns/index.md",
             "domains": "domains/index.md", "hazards": "hazards/index.md", "notices": "notices/index.md",
             "reports": "reports/index.md", "statistics": "statistics/index.md", "review": "review/index.md",
             "coverage": "coverage/index.md", "about": "about/index.md"}


def page_text(page: Page) -> str:
    # The title is HTML-escaped: Material prints page.meta.title into <title> and the header unescaped.
    from html import escape

    # Listings have no sections worth a table of contents: give their tables the width instead.
    hide = "hide:\n  - toc\n" if page.record_id is None else ""
    return f"---\ntitle: {json.dumps(escape(page.title), ensure_ascii=False)}\n{hide}---\n{page.body.strip()}\n"


def write_pages(pages: Iterable[Page | Later], docs: Path, lang: str, plan: Plan | None = None,
                total: int | None = None) -> tuple[Sync, dict[str, Made]]:
    """Make ``docs`` hold exactly the pages' Markdown: only new or changed files are written, so
    MkDocs's dirty build renders only them; files of pages that are gone are deleted. A page to
    make later (:class:`Later`) is made only when ``plan`` cannot keep its previous Markdown.
    Returns what was written and, for every such page, what it was made from."""
    shown = tqdm(pages, total=total, desc=f"pages {lang}", unit="page", disable=not sys.stderr.isatty(), leave=False)
    made: dict[str, Made] = {}
    previous = plan.pages.get(lang, {}) if plan else {}
    present = plan.sources.get(lang) if plan else None  # what the previous build left in docs
    return sync_files(_texts(shown, docs, plan, previous, made), docs, present=present), made


def _texts(pages: Iterable[Page | Later], docs: Path, plan: Plan | None, previous: dict[str, Made],
           made: dict[str, Made]) -> Iterator[tuple[str, bytes | None]]:
    """(source, Markdown) of each page; None for a page kept as it is."""
    for page in pages:
        if isinstance(page, Later):
            key = reads.digest(page.args)
            before = previous.get(page.source)
            if before is not None and plan.keeps(before, key) and (docs / page.source).is_file():
                made[page.source] = before
                yield page.source, None
                continue
            with reads.collect() as found:
                page = page.make(*page.args)
            made[page.source] = Made(key, frozenset(found.records), frozenset(found.tokens), found.unknown,
                                     found.fields())
        yield page.source, page_text(page).encode("utf-8")


def config_for(lang: str, docs: Path, out: Path, written: set[str]) -> dict:
    """The language's MkDocs config, derived from the hand-written base config."""
    base = yaml.safe_load(BASE_CONFIG.read_text(encoding="utf-8"))
    config = dict(base)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(out)
    theme = dict(base.get("theme", {}))
    theme["custom_dir"] = str((BASE_CONFIG.parent / theme.get("custom_dir", "theme/site/overrides")).resolve())
    theme["language"] = lang
    config["theme"] = theme
    extra = dict(base.get("extra", {}))
    names = extra.pop("site_names", {})
    config["site_name"] = names.get(lang, base.get("site_name"))
    # No extra.alternate: Material's script intercepts links under an alternate's URL and, without
    # site_url in the sitemap, sends readers to the other language's home. Our header's switch
    # (partials/alternate.html) links to the same page path instead.
    extra.pop("alternate", None)
    extra["zz_lang"] = lang
    # The search page carries the search runtime inline at the top of <head> (main.html), so its
    # query starts fetching before the page's styles and scripts have loaded: theme/site/hooks.py
    # adds it (MkDocs's pure-Python YAML reader took a second over it in this file), and keeps the
    # compiled templates between runs.
    config["hooks"] = [str(HOOKS)]
    # The templates' words and the search page's (for search.js), from the one catalogue.
    extra["zz_words"] = words("", lang)
    extra["zz_search_words"] = search_words(lang)
    config["extra"] = extra
    copyrights = base.get("copyright_i18n", {})
    config.pop("copyright_i18n", None)
    if copyrights:
        config["copyright"] = copyrights.get(lang, "")
    # The heading links' title in the page's language ("Permanent link" on the Chinese site otherwise).
    config["markdown_extensions"] = [
        {"toc": dict(entry["toc"], permalink_title=t("permalink", lang))} if isinstance(entry, dict) and "toc" in entry
        else entry for entry in base.get("markdown_extensions", [])]
    config["nav"] = [{t(key, lang): NAV_PATHS[key]} for key in NAV if NAV_PATHS[key] in written]
    return config


def prepare_mkdocs(epoch: int) -> subprocess.Popen:
    """A process for one language's MkDocs build, started ahead: it imports MkDocs while the pages
    are made, and builds once :func:`start_mkdocs` tells it what (see ``mkdocs_run``)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")
    return subprocess.Popen([sys.executable, "-m", "generators.site.mkdocs_run"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)


def start_mkdocs(process: subprocess.Popen, config: Path, dirty: bool = False) -> subprocess.Popen:
    """Start the build of ``config`` in a prepared process; ``dirty`` renders only the pages whose
    Markdown is newer than their HTML (the others are kept as they are in site_dir)."""
    process.stdin.write(json.dumps(["--dirty" if dirty else "--clean", "-q", "-f", str(config)]) + "\n")
    process.stdin.flush()  # closed by finish()
    return process


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """(exit status, output) once the process has ended."""
    output = process.communicate()[0]
    return process.returncode, output


def write_config(config: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=True), encoding="utf-8")
