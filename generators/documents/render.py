"""Render one document: pandoc AST → pandoc → Typst → PDF/A-2b, and pandoc → Word.

Both renderers are pure functions of their inputs (the AST, the theme files, the fonts and the
tool versions), so their outputs are byte-identical across runs and cacheable by content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import pypandoc
import typst

from generators.documents import ast
from generators.documents.content import Printable
from generators.documents.docx_post import finish_docx
from generators.documents.fonts import FONTS_CONFIG, FontSet
from generators.documents.reference import reference_docx

THEME = Path(__file__).resolve().parents[2] / "theme" / "print"
TEMPLATE = THEME / "gbt9704.typ"
PANDOC_TEMPLATE = THEME / "template.typst"
TYPST_FILTER = THEME / "typst.lua"
DOCX_FILTER = THEME / "docx.lua"
THEME_FILES = (TEMPLATE, PANDOC_TEMPLATE, TYPST_FILTER, DOCX_FILTER, FONTS_CONFIG)
RENDERER_VERSION = "1"  # bump when this module changes what it writes


@lru_cache(maxsize=1)
def pandoc() -> str:
    return pypandoc.get_pandoc_path()


@lru_cache(maxsize=1)
def tool_versions() -> str:
    return f"pandoc {pypandoc.get_pandoc_version()}; typst-py {typst.__version__}; r{RENDERER_VERSION}"


def pandoc_input(doc: Printable, fonts: FontSet) -> dict:
    """The pandoc document with its metadata (as Str nodes: escaped by every writer)."""
    data = ast.document(doc.blocks)
    # Title, issuer and date reach Typst through sys.inputs and Word through docx_post; in
    # pandoc's metadata they would print as a title block. The JSON here only feeds the cache key.
    data["meta"] = {
        "gw-meta": {"t": "MetaString", "c": json.dumps(doc.meta(fonts.families(), fonts.weights()),
                                                        ensure_ascii=False, sort_keys=True, default=str)},
    }
    return data


def cache_key(doc: Printable, fonts: FontSet) -> str:
    """Hash of everything a rendering depends on."""
    digest = hashlib.sha256()
    digest.update(json.dumps(pandoc_input(doc, fonts), ensure_ascii=False, sort_keys=True).encode())
    for path in THEME_FILES:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for module in ("render.py", "reference.py", "docx_post.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    for name, svg in sorted(doc.images.items()):
        digest.update(name.encode() + b"\0" + svg.encode())
    digest.update(tool_versions().encode())
    digest.update(fonts.fingerprint().encode())
    digest.update(json.dumps(_epoch(doc)).encode())
    return digest.hexdigest()


def _epoch(doc: Printable) -> int:
    # The PDF's dates: the document's own date (noon, China time), never the wall clock.
    day = doc.date or dt.date(2000, 1, 1)
    moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return int(moment.timestamp())


def _run_pandoc(data: dict, args: list[str], env_epoch: int) -> bytes:
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(env_epoch), LC_ALL="C.UTF-8")
    result = subprocess.run([pandoc(), "-f", "json", *args], input=json.dumps(data, ensure_ascii=False).encode(),
                            capture_output=True, check=False, env=env, timeout=600)
    if result.returncode != 0:
        raise RenderError(f"pandoc {' '.join(args[:2])}: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


class RenderError(Exception):
    """A tool failed on input we produced: a bug of ours, reported as E690 with the tool's words."""


def typst_source(doc: Printable, fonts: FontSet) -> str:
    data = pandoc_input(doc, fonts)
    out = _run_pandoc(data, ["-t", "typst", "--template", str(PANDOC_TEMPLATE),
                             "--lua-filter", str(TYPST_FILTER), "--wrap=none"], _epoch(doc))
    return out.decode()


def render_pdf(doc: Printable, fonts: FontSet) -> bytes:
    source = typst_source(doc, fonts)
    meta = json.dumps(doc.meta(fonts.families(), fonts.weights()), ensure_ascii=False, sort_keys=True)
    with tempfile.TemporaryDirectory(prefix="gw-typst-") as work:
        folder = Path(work)
        shutil.copyfile(TEMPLATE, folder / TEMPLATE.name)
        (folder / "document.typ").write_text(source, encoding="utf-8")
        _write_images(doc, folder)
        try:
            # Only the chosen fonts' folders: scanning every system font costs more than the layout.
            pdf, warnings = typst.compile_with_warnings(
                str(folder / "document.typ"), root=str(folder), sys_inputs={"meta": meta},
                font_paths=fonts.folders(), ignore_system_fonts=True, pdf_standards="a-2b",
                timestamp=_epoch(doc))
        except Exception as error:  # typst raises its own error type with the compiler's message
            raise RenderError(f"typst: {error}") from error
    if warnings:
        # A layout that did not converge has stale page numbers: never ship it.
        raise RenderError("typst: " + "; ".join(str(w) for w in warnings))
    return pdf


def _write_images(doc: Printable, folder: Path) -> None:
    for name, svg in sorted(doc.images.items()):
        (folder / name).write_text(svg, encoding="utf-8")


def chart_png(svg_path: Path, fonts: FontSet) -> bytes:
    """A chart rasterised by Typst with the PDF's own fonts (Word cannot be relied on for SVG)."""
    page = svg_path.with_suffix(".typ")
    page.write_text(f'#set page(width: auto, height: auto, margin: 0pt, fill: white)\n'
                    f'#image("{svg_path.name}", width: 156mm)\n', encoding="utf-8")
    try:
        return typst.compile(str(page), root=str(svg_path.parent), format="png", ppi=200,
                             font_paths=fonts.folders(), ignore_system_fonts=True)
    except Exception as error:  # typst raises its own error type with the compiler's message
        raise RenderError(f"typst (chart): {error}") from error


def render_docx(doc: Printable, fonts: FontSet) -> bytes:
    data = pandoc_input(doc, fonts)
    with tempfile.TemporaryDirectory(prefix="gw-docx-") as work:
        folder = Path(work)
        _write_images(doc, folder)
        for name in sorted(doc.images):
            (folder / name).with_suffix(".png").write_bytes(chart_png(folder / name, fonts))
        out = _run_pandoc(data, ["-t", "docx", "--reference-doc", str(reference_docx(fonts, pandoc())),
                                 "--lua-filter", str(DOCX_FILTER), "--resource-path", str(folder), "-o", "-"],
                          _epoch(doc))
    return finish_docx(out, doc, fonts, _epoch(doc))
