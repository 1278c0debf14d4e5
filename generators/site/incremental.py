"""What lets a rebuild touch only what changed: Markdown written only when its bytes differ,
MkDocs told to render only those pages (``--dirty``), and a finished tree put together from
hard links.

The working trees live in ``$(BUILD)/site-src/<lang>/``: ``docs/`` (the generated Markdown, whose
unchanged files keep their times, which is what MkDocs compares) and ``out/`` (the rendered
language, kept between builds). ``state.json`` holds the stamp of everything besides the Markdown
a rendered page depends on (the MkDocs config with its nav, the theme, the tool versions); when it
differs, or when the previous build did not finish, the language is rendered clean.

The served site shares files with ``out/`` through hard links, so nothing may ever be written
into an ``out/`` file in place: the outputs MkDocs will rewrite are unlinked first
(:func:`prepare_dirty`), and every other writer replaces files (:func:`write_if_changed`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generators import git
from generators.filesync import Sync, remove_files, write_if_changed

STATE = "state.json"
# Theme templates MkDocs renders on every build, dirty or not (Material's static_templates), and
# the gzip copy of the sitemap it writes beside it.
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")
ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "theme" / "site"
SEARCH_RUNTIME = ROOT / "theme" / "search" / "search.js"
TOOLS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")


def output_of(source: str) -> str:
    """The HTML file MkDocs writes for a page source (every source is ``<url>index.md``)."""
    return source[: -len(".md")] + ".html"


def stamp(config: Path, theme: Path) -> str:
    """Everything besides a page's own Markdown that its HTML depends on."""
    digest = hashlib.sha256(config.read_bytes())
    for path in sorted(p for p in theme.rglob("*") if p.is_file()):
        digest.update(path.relative_to(theme).as_posix().encode() + b"\0" + path.read_bytes())
    for tool in TOOLS:
        digest.update(f"{tool}={_version(tool)}\n".encode())
    digest.update(SEARCH_RUNTIME.read_bytes())  # every search page carries it inline (theme/site/hooks.py)
    return digest.hexdigest()


def previous_stamp(work: Path) -> str | None:
    try:
        return json.loads((work / STATE).read_text(encoding="utf-8")).get("stamp")
    except (OSError, ValueError):
        return None


def forget_state(work: Path) -> None:
    """Called before ``out/`` is touched: a build that does not finish leaves no stamp, so the next
    one renders clean."""
    (work / STATE).unlink(missing_ok=True)


def save_state(work: Path, value: str) -> None:
    write_if_changed(work / STATE, json.dumps({"stamp": value}).encode())


def prepare_clean(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)


def prepare_dirty(out: Path, sync: Sync) -> None:
    """Before ``mkdocs build --dirty``: unlink every output it will rewrite (MkDocs writes files in
    place, and they are hard-linked into the served site) and the outputs of deleted pages (MkDocs
    does not delete anything in a dirty build)."""
    for name in ALWAYS_WRITTEN:
        (out / name).unlink(missing_ok=True)
    for source in sync.changed:
        (out / output_of(source)).unlink(missing_ok=True)
    remove_files(out, [output_of(source) for source in sync.removed])


def link_tree(source: Path, target: Path) -> None:
    """A copy of ``source`` at ``target`` made of hard links (a plain copy across file systems)."""
    target.mkdir(parents=True, exist_ok=True)
    with os.scandir(source) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                link_tree(Path(entry.path), target / entry.name)
            else:
                link_file(Path(entry.path), target / entry.name)


def link_file(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links there
        shutil.copy2(source, target)


# --- Nothing changed: the whole build skipped ---------------------------------------------
# The pages are a function of the archive's files (data and the content/ beside it), the git log
# of the repository holding them (the history on record pages), the printed documents present,
# the build date and the code (generators/, theme/, mkdocs.yml, the tools). When none of these
# changed since the build that made the site now in place, that site is what a build would make.
CODE = (ROOT / "generators", ROOT / "theme", ROOT / "mkdocs.yml")
FINGERPRINT = "inputs.json"


def _hash_tree(digest: hashlib._Hash, root: Path) -> None:
    if root.is_file():
        digest.update(b"F" + root.read_bytes())
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = Path(folder) / name
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            with contextlib.suppress(OSError):  # vanished meanwhile: the build will say so
                digest.update(hashlib.sha256(path.read_bytes()).digest())


def _git_head(data: Path) -> str:
    return git.output(data, "rev-parse", "HEAD", "--is-shallow-repository") or "no repository"


def file_digests(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path → SHA-256 of its bytes)."""
    found = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = Path(folder) / name
            with contextlib.suppress(OSError):  # vanished meanwhile: the build will say so
                found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def fingerprint(data: Path, documents: dict[str, list[str]], dates: list[str], extra: dict | None = None,
                files: dict[str, str] | None = None) -> str:
    """Everything the site is made from, hashed. ``dates``: the build's dates (the pages and
    MkDocs use the day, never the time: two builds on one day outside git are the same);
    ``extra``: whatever else the caller's outputs depend on (the documents: tools and fonts);
    ``files``: DATA's :func:`file_digests` when known ({} leaves DATA out: what it holds is
    compared file by file, see :class:`Plan`)."""
    digest = hashlib.sha256()
    files = file_digests(data) if files is None else files
    digest.update(json.dumps(files, sort_keys=True).encode())
    for root in (data.resolve().parent / "content", *CODE):
        digest.update(b"\0root\0" + str(root.name).encode())
        if root.exists():
            _hash_tree(digest, root)
    extra = {"git": _git_head(data), "documents": documents, "dates": dates, "at": os.environ.get("ARCHIVE_AT"),
             "tools": {tool: _version(tool) for tool in TOOLS}, "extra": extra}
    digest.update(json.dumps(extra, sort_keys=True).encode())
    return digest.hexdigest()


def _version(tool: str) -> str | None:
    try:
        return metadata.version(tool)
    except metadata.PackageNotFoundError:
        return None


def _site_identity(out: Path) -> list[int] | None:
    """The served folder's inode and device: a swap puts a new folder there."""
    try:
        status = out.stat()
    except OSError:
        return None
    return [status.st_ino, status.st_dev]


def unchanged_since_last_build(src: Path, out: Path, value: str, languages: tuple[str, ...]) -> dict | None:
    """What the previous build recorded, when it made the site in ``out`` from these same inputs
    and its working trees are still there (a removed config or state means: build)."""
    if not all((src / lang / name).is_file() for lang in languages for name in ("mkdocs.yml", STATE)):
        return None
    try:
        saved = json.loads((src / FINGERPRINT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if saved.get("inputs") == value and saved.get("site") == _site_identity(out) and saved.get("out") == str(out):
        return saved
    return None


def record_build(src: Path, out: Path, value: str, pages: int, **counts: int) -> None:
    """``counts``: the site's files and size, for the report of a build that finds nothing changed."""
    write_if_changed(src / FINGERPRINT, json.dumps(
        {"inputs": value, "out": str(out), "site": _site_identity(out), "pages": pages, **counts}).encode())


def forget_build(src: Path) -> None:
    (src / FINGERPRINT).unlink(missing_ok=True)


# --- Some records changed: only the pages that read them made again ---------------------------
# Every page made later (:class:`~generators.site.pages.Later`) is made with its reads recorded
# (:mod:`generators.records.reads`): the records it read, the archive indexes it used (tokens,
# with their values' digests) and the key of its arguments. The next build keeps a page's
# Markdown when its key is the same and none of its records or tokens changed; everything else
# (the listings' totals, the home page) is made again. Anything besides record files that
# changed — code, content/, the set of record IDs, a file holding no record — makes every page.
DEPENDS = "depends.pickle"


@dataclass(frozen=True)
class Made:
    """What one page was made from."""
    key: str  # digest of the page builder's arguments
    records: frozenset[str]
    tokens: frozenset[tuple]
    unknown: bool = False
    fields: dict[str, frozenset[str]] | None = None  # record ID → the attributes read of it (reads.WHOLE: all)


@dataclass
class Plan:
    """What a rebuild may keep: the previous build's pages, and what changed since."""
    pages: dict[str, dict[str, Made]]  # language → source → what the previous build made it from
    records: set[str]  # IDs of the records in files that changed
    tokens: set[tuple]  # indexes whose value changed
    # Of each record in ``records``, the attributes whose value is the same as before (absent: none).
    unchanged: dict[str, frozenset[str]] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)  # language → the Markdown files it wrote

    def keeps(self, before: Made, key: str) -> bool:
        if before.key != key or before.unknown or not before.tokens.isdisjoint(self.tokens):
            return False
        if before.records.isdisjoint(self.records):
            return True
        # It read a changed record: kept when it read only attributes of it that did not change.
        fields = before.fields or {}
        return all(rid in fields and fields[rid] <= self.unchanged.get(rid, frozenset())
                   for rid in before.records & self.records)


@dataclass
class Depends:
    """The state one build leaves for the next (``$(BUILD)/site-src/depends.pickle``)."""
    inputs: str  # :func:`fingerprint` without DATA
    shape: str  # :func:`shape`
    files: dict[str, str]  # DATA's files
    tokens: dict[tuple, str]  # token → digest of its value
    pages: dict[str, dict[str, Made]] = field(default_factory=dict)  # language → source → Made
    documents: dict[str, list] = field(default_factory=dict)  # record ID → its printed documents, described
    fields: dict[str, dict[str, bytes]] = field(default_factory=dict)  # record ID → attribute → digest
    untranslated: dict[str, list[str]] = field(default_factory=dict)  # see context.Site.untranslated
    # language → every Markdown file in its docs/ (nothing else writes there, and a build that does
    # not finish leaves no Depends: the next one lists the folder)
    sources: dict[str, list[str]] = field(default_factory=dict)


def field_digests(record) -> dict[str, bytes]:
    """A digest of each attribute of a record as loaded: a rebuild tells which attributes of a
    changed record changed (a record's values are all it is made of: no field is left out of
    its dump)."""
    dumped = record.model_dump(mode="json")
    return {name: hashlib.blake2b(json.dumps(value, sort_keys=True, ensure_ascii=False).encode(),
                                  digest_size=12).digest() for name, value in dumped.items()}


def unchanged_fields(before: dict[str, bytes] | None, now: dict[str, bytes]) -> frozenset[str]:
    """The attributes with the same digest in both (none when the record was not known before)."""
    if before is None:
        return frozenset()
    return frozenset(name for name, value in now.items() if before.get(name) == value)


def load_depends(src: Path) -> Depends | None:
    try:
        with (src / DEPENDS).open("rb") as stream:
            found = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    return found if isinstance(found, Depends) else None


def save_depends(src: Path, state: Depends) -> None:
    write_if_changed(src / DEPENDS, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def forget_depends(src: Path) -> None:
    """Called before the Markdown is touched: a build that does not finish leaves none."""
    (src / DEPENDS).unlink(missing_ok=True)


def shape(public, full, withheld: list[str]) -> str:
    """The IDs and types of the records and nested parts, and those withheld: a rebuild from
    records whose set changed makes every page (a page names records it never reads)."""
    digest = hashlib.sha256()
    for archive in (public, full):
        digest.update(json.dumps(sorted((rid, record.type) for rid, record in archive.records.items())).encode())
        digest.update(json.dumps(sorted((rid, part.parent, part.type) for rid, part in
                                        dict(archive.nested).items())).encode())
    digest.update(json.dumps(withheld).encode())
    return digest.hexdigest()


def changed_records(full, data: Path, before: dict[str, str], now: dict[str, str]) -> set[str] | None:
    """The IDs of the records in DATA's files that changed; None when a changed file holds none
    (a vocabulary, a file that is not a record): every page is made again."""
    changed = {name for name in before.keys() | now.keys() if before.get(name) != now.get(name)}
    if not changed:
        return set()
    root = data.resolve()
    by_file: dict[str, set[str]] = {}
    folders: dict[Path, Path] = {}  # each folder resolved once (resolving 10,000 files took seconds)
    for rid, origin in full.origins.items():
        file = Path(origin.file)
        folder = folders.get(file.parent)
        if folder is None:
            folder = folders[file.parent] = file.parent.resolve()
        with contextlib.suppress(ValueError):
            by_file.setdefault((folder / file.name).relative_to(root).as_posix(), set()).add(rid)
    if not changed <= by_file.keys():
        return None
    return set().union(*(by_file[name] for name in changed))
