"""Build every printed document: check glyphs, render what changed in parallel, swap into place.

Renderings are cached by content in ``cache_dir`` (the key hashes the pandoc input, the theme,
the fonts and the tool versions), so a second run with nothing changed renders nothing, and a
changed hazard re-renders only the documents that print it. The output folder is replaced only
when every document rendered: a failed build leaves the previous outputs as they were.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from generators import present
from generators.diagnostics import Diagnostic
from generators.documents import render
from generators.documents.catalog import DocumentSpec, documents
from generators.documents.content import Printable
from generators.documents.fonts import FontSet, check_glyphs, font_set, style_fallbacks
from generators.machine import usable_cores
from generators.outputs import mark, swap_in
from generators.records import Archive

FORMATS = ("pdf", "docx")
# What each document was rendered from, for the site (which never imports this package): its
# title, the records it really prints, and a fingerprint of every record it depends on.
MANIFEST = "manifest.json"

@dataclass
class BuildResult:
    diagnostics: list[Diagnostic]
    documents: int = 0
    rendered: int = 0
    cached: int = 0


def _render_one(doc: Printable, fonts: FontSet, key: str, cache_dir: str) -> tuple[str, str | None]:
    """Worker: render both formats into the cache (atomically). Returns (key, error or None)."""
    try:
        outputs = {"pdf": render.render_pdf(doc, fonts), "docx": render.render_docx(doc, fonts)}
    except render.RenderError as error:
        return key, str(error)
    for suffix, data in outputs.items():
        target = Path(cache_dir) / f"{key}.{suffix}"
        with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False, suffix=".part") as handle:
            handle.write(data)
        os.replace(handle.name, target)
    return key, None


def build(archive: Archive, out_dir: Path, cache_dir: Path, *, jobs: int | None = None,
          progress: bool = True, specs: list[DocumentSpec] | None = None) -> BuildResult:
    specs = documents(archive) if specs is None else specs
    fonts = font_set()
    printables = [spec.build() for spec in specs]
    diagnostics = style_fallbacks(fonts) + [d for doc in printables for d in check_glyphs(archive, doc, fonts)]
    result = BuildResult(diagnostics, len(printables))
    if any(d.is_error for d in diagnostics):
        return result

    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = {doc.stem: render.cache_key(doc, fonts) for doc in printables}
    todo = [doc for doc in printables
            if not all((cache_dir / f"{keys[doc.stem]}.{suffix}").exists() for suffix in FORMATS)]
    result.cached = len(printables) - len(todo)
    errors = _render_all(todo, keys, fonts, cache_dir, jobs, progress)
    for stem, error in errors:
        spec = next(s for s in specs if s.stem == stem)
        result.diagnostics.append(Diagnostic.error("E690", archive.locate(spec.record_ids[0]), stem=stem, error=error))
    if errors:
        return result
    result.rendered = len(todo)
    _publish(printables, keys, cache_dir, out_dir, manifest(archive, specs))
    return result


def manifest(archive: Archive, specs: list[DocumentSpec]) -> dict:
    entries = {}
    for spec in specs:
        # A sub-report prints its siblings' grades (so depends on them) but does not contain them.
        contains = [rid for rid in spec.record_ids
                    if rid == spec.stem or not (spec.kind == "sub-report" and archive.kind_of(rid) == "sub-report")]
        entries[spec.stem] = {
            "kind": spec.kind, "title": spec.title, "contains": contains,
            "records": {rid: present.fingerprint(archive, rid) for rid in spec.record_ids},
        }
    return {"documents": entries}


def _render_all(todo: list[Printable], keys: dict[str, str], fonts: FontSet, cache_dir: Path,
                jobs: int | None, progress: bool) -> list[tuple[str, str]]:
    if not todo:
        return []
    errors: list[tuple[str, str]] = []
    by_key = {keys[doc.stem]: doc.stem for doc in todo}
    workers = max(1, min(jobs or usable_cores(), len(todo)))
    # In a log (not a terminal) a line every half minute, not ten a second.
    interval = 0.1 if sys.stderr.isatty() else 30
    bar = tqdm(total=len(todo), desc="docs", unit="doc", file=sys.stderr, disable=not progress, leave=True,
               mininterval=interval)
    # "spawn", not fork: forking a process that already runs threads (Typst's, or a test's browser
    # driver) can leave a child waiting forever on a lock copied in its locked state.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        futures = [pool.submit(_render_one, doc, fonts, keys[doc.stem], str(cache_dir)) for doc in todo]
        for future in as_completed(futures):
            key, error = future.result()
            if error:
                errors.append((by_key[key], error))
            bar.update(1)
    except BaseException:
        # Ctrl-C (or a failure): stop now. Leaving the pool's block would first wait for every
        # queued document; the workers are stopped instead, and nothing is published.
        _stop(pool)
        raise
    finally:
        bar.close()
    pool.shutdown()
    return sorted(errors)


def _stop(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def _publish(printables: list[Printable], keys: dict[str, str], cache_dir: Path, out_dir: Path,
             described: dict) -> None:
    """Fill a fresh folder next to ``out_dir`` and swap it in."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for doc in printables:
            for suffix in FORMATS:
                shutil.copyfile(cache_dir / f"{keys[doc.stem]}.{suffix}", staging / f"{doc.stem}.{suffix}")
        text = json.dumps(described, ensure_ascii=False, sort_keys=True, indent=1)
        (staging / MANIFEST).write_text(text + "\n", encoding="utf-8")
        mark(staging)
    except BaseException:  # an interrupt or a full disk: nothing new is published, nothing left behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, out_dir)
