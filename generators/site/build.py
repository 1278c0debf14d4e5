"""Build the archive site: load and check DATA, make pages from the published view, write them,
run MkDocs for both languages, add the printed documents, and swap the result into place.

A failed build leaves the previous site untouched: everything is built next to it and moved in
at the end. Classified records are never given to the page builders; how many were withheld is
reported.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generators.archive.clock import build_timestamp
from generators.present import LANGUAGES, is_classified, public_view
from generators.outputs import mark
from generators.records import Archive
from generators.search.index import build_index
from generators.site.context import Ctx, Site
from generators.site.views import all_pages
from generators.site.writer import config_for, run_mkdocs, write_config, write_pages


@dataclass
class BuildResult:
    ok: bool
    withheld: int = 0
    pages: int = 0
    seconds: float = 0.0
    message: str = ""


def printed_documents(archive: Archive, public: Archive, build: Path) -> dict[str, list[str]]:
    """record ID → file names of its printed versions already in BUILD/documents, its own document
    first (the order of ``catalog.stems_for_record``). Empty when the documents are not built."""
    try:
        from generators.documents.catalog import published_documents
    except ImportError:
        return {}
    folder = build / "documents"
    if not folder.is_dir():
        return {}
    stems: dict[str, set[str]] = {}
    # One pass over the catalogue (stems_for_record would rebuild it for every record).
    for spec in published_documents(archive):
        for record_id in spec.record_ids:
            if record_id in public.records and not is_classified(archive, record_id):
                stems.setdefault(record_id, set()).add(spec.stem)
    found: dict[str, list[str]] = {}
    for record_id, names in sorted(stems.items()):
        ordered = sorted(names, key=lambda stem: (stem != record_id, stem))
        files = [f"{stem}{suffix}" for stem in ordered for suffix in (".pdf", ".docx")
                 if (folder / f"{stem}{suffix}").is_file()]
        if files:
            found[record_id] = files
    return found


def make_site(archive: Archive, data: Path, build: Path) -> Site:
    public, withheld = public_view(archive)
    moment, _source = build_timestamp(data)
    return Site(public, archive, withheld, moment.date(), printed_documents(archive, public, build))


def build_site(archive: Archive, data: Path, out: Path, build: Path) -> BuildResult:
    started = time.monotonic()
    build = build.resolve()  # MkDocs resolves docs_dir against the config file's folder
    site = make_site(archive, data, build)
    epoch = int(build_timestamp(data)[0].timestamp())
    src = build / "site-src"
    configs: dict[str, Path] = {}
    planned: dict[str, list[str]] = {}
    count = 0
    for lang in LANGUAGES:
        docs = src / lang / "docs"
        written = write_pages(all_pages(Ctx(site, lang)), docs, lang)
        planned[lang] = written
        count += len(written)
        config = config_for(lang, docs, src / lang / "out", set(written))
        configs[lang] = src / lang / "mkdocs.yml"
        write_config(config, configs[lang])
    results = run_mkdocs(configs, epoch)
    failed = {lang: output for lang, (status, output) in results.items() if status != 0}
    if failed:
        return BuildResult(False, message="\n".join(f"[{lang}] {text}" for lang, text in failed.items()))
    missing = [f"[{lang}] {name}" for lang in LANGUAGES for name in unwritten_pages(planned[lang], src / lang / "out")]
    if missing:  # never swap in a site with pages missing (another process emptied a folder, a full disk …)
        return BuildResult(False, message=f"{len(missing)} pages planned but not written: " + ", ".join(missing[:10]))
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        shutil.rmtree(staging)
        shutil.move(str(src / "zh" / "out"), staging)
        shutil.move(str(src / "en" / "out"), staging / "en")
        if site.documents:
            target = staging / "documents"
            target.mkdir()
            for names in site.documents.values():
                for name in names:
                    shutil.copy2(build / "documents" / name, target / name)
        refused = [path for lang in LANGUAGES for path in build_index(staging, lang).refused]
        if refused:  # a page marked classified must never be published, let alone indexed
            shutil.rmtree(staging, ignore_errors=True)
            return BuildResult(False, message="classified page in the site: " + ", ".join(map(str, refused)))
        mark(staging)
        _swap(staging, out)
    except BaseException:  # interrupted (Ctrl-C) or failed: the previous site stays, no .site-new-* is left
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(True, len(site.withheld), count, time.monotonic() - started)


def unwritten_pages(sources: list[str], out: Path) -> list[str]:
    """The Markdown sources whose HTML page MkDocs did not write into ``out`` (directory URLs:
    ``a/index.md`` → ``a/index.html``, ``a/b.md`` → ``a/b/index.html``)."""
    missing = []
    for source in sources:
        stem = source.removesuffix(".md")
        page = f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"
        if not (out / page).is_file():
            missing.append(source)
    return missing


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with two renames, so readers never see half a site."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        shutil.rmtree(old)
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def site_size(out: Path) -> tuple[int, int]:
    files = [p for p in out.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def report(result: BuildResult, out: Path, lang: str) -> str:
    files, size = site_size(out)
    mb = size / 1_000_000
    if lang == "zh":
        return (f"网站已生成：{out}（{result.pages} 个页面，{files} 个文件，{mb:.1f} MB，"
                f"用时 {result.seconds:.1f} 秒）；已隐去涉密记录 {result.withheld} 条")
    return (f"site built in {out} ({result.pages} pages, {files} files, {mb:.1f} MB, {result.seconds:.1f} s); "
            f"withheld {result.withheld} classified records")


def main_error(text: str) -> None:
    print(text, file=sys.stderr)
