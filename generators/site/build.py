"""Build the archive site: load and check DATA, make pages from the published view, write them,
run MkDocs for both languages, add the printed documents, and swap the result into place.

A failed build leaves the previous site untouched: everything is built next to it and moved in
at the end. Classified records are never given to the page builders; how many were withheld is
reported.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from generators.clock import build_timestamp
from generators.filesync import Sync
from generators.present import LANGUAGES, public_view
from generators.records import Archive, reads
from generators.search.index import build_index
from generators.site import helper as helpers
from generators.site.assembly import Assembly
from generators.site.context import Ctx, Site
from generators.site.incremental import (
    THEME,
    Depends,
    Made,
    Plan,
    changed_records,
    field_digests,
    file_digests,
    fingerprint,
    forget_build,
    forget_depends,
    forget_state,
    load_depends,
    prepare_clean,
    prepare_dirty,
    previous_stamp,
    record_build,
    save_depends,
    save_state,
    shape,
    stamp,
    unchanged_fields,
    unchanged_since_last_build,
)
from generators.site.links import check_links, relativise_error_page
from generators.site.printed import described, linked_files, printed_documents
from generators.site.views import all_pages
from generators.site.writer import config_for, finish, prepare_mkdocs, start_mkdocs, write_config, write_pages
from generators.timings import stage
from generators.words import word


@dataclass
class BuildResult:
    ok: bool
    withheld: int = 0
    pages: int = 0
    seconds: float = 0.0
    message: str = ""
    files: int | None = None  # the site's files and bytes, when the build knows them
    size: int | None = None


def make_site(archive: Archive, data: Path, build: Path) -> Site:
    public, withheld = public_view(archive)
    moment, _source = build_timestamp(data)
    # Looking up a nested part or a record's origin is a read of that record (see records.reads).
    noting = Archive(public.root, public.records, reads.Noting(public.origins, lambda rid, _: rid),
                     reads.Noting(public.nested, lambda _, part: part.parent), public.vocabularies)
    noting.knows_marked_values(public.known_marked_values())  # read as a record's: Archive.marked_values
    public = noting
    # A record's printed documents are read through it too.
    documents = reads.Noting(printed_documents(archive, public, build), lambda rid, _: rid)
    return Site(public, archive, withheld, moment.date(), documents)


def build_site(archive: Archive, data: Path, out: Path, build: Path) -> BuildResult:
    """Pages → Markdown → MkDocs → search index for each language, then the whole site swapped in.

    Incremental: only changed Markdown is written and MkDocs renders only those pages (see
    :mod:`generators.site.incremental`); the result is the same, byte for byte, as a clean build.
    The languages overlap: Chinese renders in its own process while the English pages are made,
    and the Chinese index is written while English renders.
    """
    started = time.monotonic()
    build = build.resolve()  # MkDocs resolves docs_dir against the config file's folder
    with stage("public view"):
        site = make_site(archive, data, build)
    with stage("fingerprint of the inputs"):
        epoch = int(build_timestamp(data)[0].timestamp())
        src = build / "site-src"
        files = file_digests(data)
        dates = [str(site.build_date), str(epoch // 86400)]
        inputs = fingerprint(data, described(site.documents), dates, files=files)
        last = unchanged_since_last_build(src, out.resolve(), inputs, LANGUAGES)
    if last is not None:  # the site in place is what this build would make
        return BuildResult(True, len(site.withheld), last["pages"], time.monotonic() - started,
                           files=last.get("files"), size=last.get("size"))
    forget_build(src)
    # The documents are compared record by record (an edited record's documents are out of date).
    with stage("what changed since the last build"):
        depends = Depends(fingerprint(data, {}, dates, files={}), shape(site.archive, site.full, site.withheld),
                          files, {}, documents=described(site.documents))
        plan = _plan(site, data, load_depends(src), depends)
    forget_depends(src)
    helper = _helper(site, plan)
    running: dict[str, tuple[subprocess.Popen, str, Sync]] = {}
    prepared: dict[str, subprocess.Popen] = {}
    try:
        for lang in LANGUAGES:  # MkDocs imported while the pages are made
            prepared[lang] = prepare_mkdocs(epoch)
        # English pages are made in the helper while Chinese ones are made here, then rendered.
        later = helper.submit(_write_language, "en", src / "en") if helper else None
        with stage("zh pages"):
            zh_sync, depends.pages["zh"] = _write_language("zh", src / "zh", site, plan)
            running["zh"] = _start_language(src / "zh", zh_sync, prepared["zh"])
        with stage("en pages (waited for)"):
            en_sync, depends.pages["en"] = later.result() if later else _write_language("en", src / "en", site, plan)
            running["en"] = _start_language(src / "en", en_sync, prepared["en"])
        count = sum(len(sync.sources) for _, _, sync in running.values())
        failed, refused, indexing = {}, [], {}
        for lang, (process, _, _) in running.items():
            with stage(f"MkDocs {lang} (waited for)"):
                status, output = finish(process)
            if status != 0:
                failed[lang] = output
                continue
            # Chinese is indexed in the helper while English still renders; English here.
            arguments = (src / lang / "out", lang)
            options = {"root": src / lang / "out", "cache": src / lang / "search-cache.pickle"}
            with stage(f"search index {lang}" + (" (started)" if helper and lang == "zh" else "")):
                indexing[lang] = (helper.submit(build_index, *arguments, **options) if helper and lang == "zh"
                                  else build_index(*arguments, **options))
        for lang, stats in indexing.items():
            with stage(f"search index {lang} (waited for)"):
                refused += (stats.result() if isinstance(stats, helpers.Pending) else stats).refused
            save_state(src / lang, running[lang][1])
    finally:  # also when interrupted: nothing goes on writing into the working trees
        if helper:
            helper.close()
        for process in prepared.values():
            if process.poll() is None:
                process.kill()
                process.wait()
    if failed:
        return BuildResult(False, message="\n".join(f"[{lang}] {text}" for lang, text in failed.items()))
    if refused:  # a page marked classified must never be published, let alone indexed
        for lang in LANGUAGES:
            forget_state(src / lang)
        return BuildResult(False, message="classified page in the site: " + ", ".join(map(str, refused)))
    missing = [f"[{lang}] {name}" for lang in LANGUAGES
               for name in unwritten_pages(running[lang][2].sources, src / lang / "out")]
    if missing:  # never swap in a site with pages missing (another process emptied a folder, a full disk …)
        for lang in LANGUAGES:
            forget_state(src / lang)
        return BuildResult(False, message=f"{len(missing)} pages planned but not written: " + ", ".join(missing[:10]))
    with stage("assembly"):
        assembly = Assembly(src, out)
        staging = _assemble(assembly, src, site, build)
        pages = (staging / "404.html", staging / "en" / "404.html")
        for page in pages:
            relativise_error_page(page)
        assembly.rewritten(*pages)
        files = assembly.files()
    with stage("link check"):
        broken = check_links(staging, files, cache=src / "links.pickle")  # only pages changed since are read
    if broken:  # located like any other error: page:line:col and the link as written
        assembly.keep()
        for lang in LANGUAGES:
            forget_state(src / lang)
        return BuildResult(False, message="\n".join(d.format() for d in broken))
    with stage("swap in"):
        assembly.swap(src / "trash")
    size = sum(key[1] for key in files.values())
    with stage("state for the next build"):
        record_build(src, out.resolve(), inputs, count, files=len(files), size=size)
        _save_depends(src, site, depends, plan, {lang: sync.sources for lang, (_, _, sync) in running.items()})
    return BuildResult(True, len(site.withheld), count, time.monotonic() - started, files=len(files), size=size)


def _archives(site: Site) -> dict[str, Archive]:
    """The archives the pages read, by the role their indexes' tokens name them by."""
    return {"public": site.archive, "full": site.full}


def _plan(site: Site, data: Path, before: Depends | None, now: Depends) -> Plan | None:
    """What this build may keep of the previous one's pages; None: every page is made."""
    if before is None or before.inputs != now.inputs or before.shape != now.shape:
        return None
    records = changed_records(site.full, data, before.files, now.files)
    if records is None:
        return None
    records |= {rid for rid in before.documents.keys() | now.documents.keys()
                if before.documents.get(rid) != now.documents.get(rid)}
    from generators.site.views import hazards, sections  # noqa: F401 (they register the indexes their pages use)

    archives = _archives(site)
    changed = set()
    for token, value in before.tokens.items():
        if token[0] not in reads.VALUED:  # an index the code no longer has: its readers are made again
            changed.add(token)
            continue
        now.tokens[token] = reads.token_digest(token, archives)
        if now.tokens[token] != value:
            changed.add(token)
    # Which attributes of the changed records changed: a page that read only others is kept.
    unchanged = {}
    for rid in records:
        record = site.full.get(rid)
        if record is not None:
            now.fields[rid] = field_digests(record)
            unchanged[rid] = unchanged_fields(before.fields.get(rid), now.fields[rid])
    now.fields = {**before.fields, **now.fields}
    site.untranslated.update((rid, paths) for rid, paths in before.untranslated.items() if rid not in records)
    return Plan(before.pages, records, changed, unchanged, before.sources)


def _save_depends(src: Path, site: Site, depends: Depends, plan: Plan | None, sources: dict[str, list[str]]) -> None:
    """What the pages were made from, for the next build (the tokens' digests computed once, the
    attributes' of records that did not change kept from the previous build)."""
    archives = _archives(site)
    used = {token for pages in depends.pages.values() for made in pages.values() for token in made.tokens}
    depends.tokens = {token: depends.tokens.get(token) or reads.token_digest(token, archives) for token in used}
    if plan is None:
        depends.fields = {record.id: field_digests(record) for record in site.full}
    depends.untranslated = site.untranslated
    depends.sources = sources
    save_depends(src, depends)


_SITE: Site | None = None  # the site a forked helper works on (inherited, never pickled)
_PLAN: Plan | None = None  # and the pages it may keep


def _helper(site: Site, plan: Plan | None) -> helpers.Helper | None:
    """The helper process, which inherits ``site`` and ``plan`` (see :mod:`generators.site.helper`)."""
    global _SITE, _PLAN
    _SITE, _PLAN = site, plan
    return helpers.start()


def _write_language(lang: str, work: Path, site: Site | None = None,
                    plan: Plan | None = None) -> tuple[Sync, dict[str, Made]]:
    """Make one language's pages and write the changed ones (in the helper: the inherited site
    and plan); returns what was written and what each page was made from."""
    if site is None:
        site, plan = _SITE, _PLAN
    with reads.observe(_archives(site)):
        sync, made = write_pages(all_pages(Ctx(site, lang), later=True), work / "docs", lang, plan)
    write_config(config_for(lang, work / "docs", work / "out", set(sync.sources)), work / "mkdocs.yml")
    return sync, made


def _start_language(work: Path, sync: Sync, process: subprocess.Popen) -> tuple[subprocess.Popen, str, Sync]:
    """Start MkDocs on one language: dirty when only pages changed since the last finished build,
    clean when anything else did (config, nav, theme, tools) or that build did not finish.
    Returns the process, the stamp to save once the language is done, and the pages written."""
    value = stamp(work / "mkdocs.yml", THEME)
    dirty = previous_stamp(work) == value and (work / "out").is_dir()
    forget_state(work)
    if dirty:
        prepare_dirty(work / "out", sync)
    else:
        prepare_clean(work / "out")
    return start_mkdocs(process, work / "mkdocs.yml", dirty), value, sync


def _assemble(assembly: Assembly, src: Path, site: Site, build: Path) -> Path:
    """The complete new site in a folder beside SITE, made of hard links to the built languages
    and documents (nothing is copied, and nothing built is ever rewritten in place)."""
    documents = build / "documents" if site.documents else None
    # Each document file once, however many records link it.
    return assembly.make({"": src / "zh" / "out", "en": src / "en" / "out"}, documents, linked_files(site.documents))


def unwritten_pages(sources: list[str], out: Path) -> list[str]:
    """The Markdown sources whose HTML page MkDocs did not write into ``out`` (directory URLs:
    ``a/index.md`` → ``a/index.html``, ``a/b.md`` → ``a/b/index.html``)."""
    missing = []
    for source in sources:
        stem = source.removesuffix(".md")
        # MkDocs's directory URLs, with its exception: 404.md becomes 404.html (the server's error page).
        flat = stem in {"index", "404"} or stem.endswith("/index")
        page = f"{stem}.html" if flat else f"{stem}/index.html"
        if not (out / page).is_file():
            missing.append(source)
    return missing


def site_size(out: Path) -> tuple[int, int]:
    """Files and bytes of a site (walked: when the build did not count them)."""
    files = [p for p in out.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def report(result: BuildResult, out: Path, lang: str) -> str:
    files, size = (result.files, result.size) if result.files is not None else site_size(out)
    mb = size / 1_000_000
    return word("cli.site_built", lang, out=out, pages=result.pages, files=files, mb=f"{mb:.1f}",
                seconds=f"{result.seconds:.1f}", withheld=result.withheld)
