"""Release packages: a published tag as a BagIt bag (RFC 8493) for the archives.

``make release TAG=publish/2022-05-20`` writes ``$(BUILD)/releases/<tag>/``::

    bagit.txt  bag-info.txt  manifest-sha256.txt  manifest-sha512.txt  tagmanifest-*.txt
    data/site/                 the archive site, built from the tag (both languages)
    data/documents/*.pdf       every official document, PDF/A, built from the tag
    data/records/data/ …       the records (YAML) exactly as committed at the tag
    data/records/content/ …    their Markdown texts
    data/metadata/archival.csv (+ .json)   DA/T 22-2015 item catalogue: 档号, 全宗号, 年度, 保管期限, 件号 …

Classified records (秘密/机密/绝密) are official records, but a release package is handed to
an archive and may be copied: by default they are left OUT of the package (records, PDFs and
catalogue), and bag-info.txt says how many were left out. ``--restricted`` writes a separate
package ``<tag>-restricted`` that holds everything, to be kept under the classified-records rules.

The bag is reproducible: the bagging date is the tag's date, the build clock is the tagged
commit's time, manifests are sorted, and every file's mtime is the tag's time.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import bagit
import yaml

from generators.diagnostics import Diagnostic
from generators.documents.catalog import documents
from generators.outputs import swap_in
from generators.present import is_classified, mask_personal, title
from generators.records import Archive
from generators.records.document import author_of, date_of
from generators.records.history import record_files
from generators.records.model import DocumentRecord, Notice
from generators.records.versions import check_release, is_withdrawn, successor
from generators.releases.snapshot import Snapshot, SnapshotError, checkout, git, repo_root

ALGORITHMS = ("sha256", "sha512")
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
CATEGORY = "WS"  # 文书 (DA/T 22-2015): the document category these records belong to
CATALOGUE_COLUMNS = (
    ("reference_code", "档号"), ("fonds", "全宗号"), ("year", "年度"), ("retention", "保管期限"),
    ("item_number", "件号"), ("title", "题名"), ("document_number", "文号"), ("author", "责任者"),
    ("date", "日期"), ("classification", "密级"), ("version", "版本"), ("status", "状态"),
    ("superseded_by", "被替代"), ("record_id", "记录编号"), ("type", "记录类型"), ("pdf", "文件"),
)


class ReleaseError(Exception):
    """A problem a user can cause; printed as a message, never a traceback."""


@dataclass(frozen=True)
class Tag:
    name: str
    sha: str  # the tagged commit
    date: dt.datetime  # the tag's own date (tagger date; commit date for a lightweight tag)
    message: str


def read_tag(repo: Path, name: str) -> Tag:
    if not name:
        raise ReleaseError("name the published tag: make release TAG=publish/YYYY-MM-DD")
    line = git(repo, "for-each-ref", "--format=%(objecttype)%00%(creatordate:iso-strict)%00%(contents:subject)",
               f"refs/tags/{name}").strip()
    if not line:
        raise ReleaseError(f"no tag {name!r}: a release is made from a published tag (make publish)")
    kind, date, message = line.split("\0", 2)
    sha = git(repo, "rev-parse", "--verify", f"refs/tags/{name}^{{commit}}").strip()
    return Tag(name, sha, dt.datetime.fromisoformat(date), message if kind == "tag" else "")


def reference_code(fonds: str, record: DocumentRecord) -> str:
    """档号 (DA/T 22-2015 §6): 全宗号-门类代码·年度-保管期限-件号, e.g. J053-WS·2022-Y-0017."""
    if record.archival is None:
        return ""
    a = record.archival
    return f"{fonds}-{CATEGORY}·{a.year}-{a.retention}-{a.item_number:04d}"


STATUS = {"current": "现行", "superseded": "已被替代", "withdrawn": "已撤回"}


def catalogue(archive: Archive, pdfs: dict[str, str], *, restricted: bool) -> list[dict[str, str]]:
    """One row per document record in the package, by year and item number (those without last)."""
    fonds = archive.jurisdiction.fonds_number
    rows = []
    for record in archive.of_type(DocumentRecord):
        if is_classified(archive, record) and not restricted:
            continue
        a = record.archival
        rows.append({
            "reference_code": reference_code(fonds, record),
            "fonds": fonds,
            "year": str(a.year) if a else "",
            "retention": a.retention if a else "",
            "item_number": f"{a.item_number:04d}" if a else "",
            "title": record.title.zh,
            "document_number": record.document_number if isinstance(record, Notice) else "",
            "author": _author(archive, record),
            "date": _date(record),
            "classification": record.classification or archive.jurisdiction.default_classification,
            "version": str(record.version),
            "status": _status(archive, record),
            "superseded_by": successor(archive, record.id) or "",
            "record_id": record.id,
            "type": record.type,
            "pdf": pdfs.get(record.id, ""),
        })
    return sorted(rows, key=lambda row: (row["year"] == "", row["year"], row["item_number"], row["record_id"]))


def _status(archive: Archive, record: DocumentRecord) -> str:
    key = "withdrawn" if is_withdrawn(record) else "superseded" if successor(archive, record.id) else "current"
    return f"{STATUS[key]} {key}"


def _date(record: DocumentRecord) -> str:
    value = date_of(record)  # the date the printed document bears
    return value.isoformat() if value else ""


def _author(archive: Archive, record: DocumentRecord) -> str:
    return title(archive, author_of(archive, record), "zh")  # who signs the printed document


def catalogue_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends, as spreadsheet programs expect
    writer.writerow([f"{zh} {key}" for key, zh in CATALOGUE_COLUMNS])
    for row in rows:
        writer.writerow([row[key] for key, _ in CATALOGUE_COLUMNS])
    return "\ufeff" + out.getvalue()  # a BOM so that Excel opens the Chinese text as UTF-8


# ---------------------------------------------------------------------------------------------
# Building the package


@dataclass(frozen=True)
class Release:
    path: Path
    tag: Tag
    left_out: tuple[str, ...]  # classified record IDs not in the package
    warnings: tuple[Diagnostic, ...]


def build_release(data: Path, tag_name: str, build: Path, *, restricted: bool = False, log=print) -> Release:
    """Build the package of ``tag_name`` of the repository holding DATA (DATA's path in it counts)."""
    from generators.checks import load_and_check

    repo = repo_root(data)
    build = Path(build).absolute()  # the build commands run in processes of their own
    tag = read_tag(repo, tag_name)
    try:
        data_rel = Path(data).absolute().resolve().relative_to(repo)
    except ValueError as error:
        raise ReleaseError(f"{data} is not inside the repository {repo}") from error
    snapshot = checkout(repo, tag.name, build / "at" / tag.name)
    snap_data = snapshot.root / data_rel
    archive, diagnostics = load_and_check(snap_data)
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        count = f"{len(errors)} error{'' if len(errors) == 1 else 's'}"
        raise ReleaseError("\n".join([d.format() for d in errors]
                                     + [f"{count} in the data of {tag.name}: no package made"]))
    left_out = tuple(r.id for r in archive.of_type(DocumentRecord)
                     if is_classified(archive, r) and not restricted)
    name = tag.name + ("-restricted" if restricted else "")
    target = build / "releases" / name
    staging = target.parent / f".{target.name}.partial"
    _remove(staging)
    payload = staging
    payload.mkdir(parents=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(snapshot.epoch), "TZ": "Asia/Shanghai"}
    work = build / "releases" / f".{target.name}.work"
    _remove(work)
    log(f"site ← {tag.name} ({snapshot.sha[:10]})")
    _generate("site", snap_data, payload / "site", env, "--build", str(work / "site-build"), root=snapshot.root)
    log(f"documents ← {tag.name}")
    _generate("docs", snap_data, work / "documents", env, "--cache", str(work / "cache"), "--no-progress",
              root=snapshot.root)
    pdfs = _copy_pdfs(archive, work / "documents", payload / "documents", restricted=restricted)
    log("records, catalogue")
    _copy_records(archive, snapshot, repo, data_rel, payload / "records", left_out, masked=not restricted)
    rows = catalogue(archive, pdfs, restricted=restricted)
    if not restricted:  # the public package's catalogue shows titles as the site does: numbers masked
        rows = [{key: mask_personal(value) for key, value in row.items()} for row in rows]
    (payload / "metadata").mkdir()
    (payload / "metadata" / "archival.csv").write_text(catalogue_csv(rows), encoding="utf-8")
    (payload / "metadata" / "archival.json").write_text(
        json.dumps({"fonds": archive.jurisdiction.fonds_number, "tag": tag.name, "commit": snapshot.sha,
                    "classified_left_out": len(left_out), "items": rows},
                   ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    _bag(staging, archive, tag, snapshot, left_out, restricted)
    _fix_times(staging, int(tag.date.timestamp()))
    _remove(work)
    swap_in(staging, target)
    return Release(target, tag, left_out, tuple(check_release(archive)))


def _generate(command: str, data: Path, out: Path, env: dict[str, str], *extra: str, root: Path) -> None:
    """Run a build command of the current code on the snapshot's data, in a process of its own
    (by its command-line name, so that this stage does not import the command layer above it)."""
    # Run from the snapshot's root, so that every path a page shows (reviewer pages, diagnostics) is
    # relative to the archive, the same from whatever BUILD folder the package is made in.
    result = subprocess.run([sys.executable, "-m", "generators", command, "--data", str(data), "--out", str(out),
                             *extra], env=env, capture_output=True, text=True, cwd=root)
    if result.returncode != 0:
        raise ReleaseError(f"'{command}' failed for the package:\n{result.stderr.strip()}\n{result.stdout.strip()}")


def _copy_pdfs(archive: Archive, built: Path, dest: Path, *, restricted: bool) -> dict[str, str]:
    """Copy the PDFs (PDF/A) of the documents; those printing a classified record only into a
    restricted package (the print catalogue's own rule: a document is classified when any record
    it prints is).

    Returns record ID → its own PDF inside the bag (``<record id>.pdf``), for the catalogue. A PDF
    whose records cannot be told is left out rather than risk leaking a classified document.
    """
    owners = _pdf_owners(archive)
    dest.mkdir(parents=True)
    found: dict[str, str] = {}
    for pdf in sorted(built.rglob("*.pdf")):
        ids = owners.get(pdf.stem) or ((pdf.stem,) if archive.kind_of(pdf.stem) else ())
        if not ids or (not restricted and any(is_classified(archive, i) for i in ids)):
            continue
        shutil.copyfile(pdf, dest / pdf.name)
        if archive.get(pdf.stem) is not None:
            found[pdf.stem] = f"data/documents/{pdf.name}"
    return found


def _pdf_owners(archive: Archive) -> dict[str, tuple[str, ...]]:
    owners: dict[str, tuple[str, ...]] = {}
    for doc in documents(archive):
        stem = getattr(doc, "stem", None)
        ids = tuple(getattr(doc, "record_ids", ()) or ())
        if stem and ids:
            owners[stem] = ids
    return owners


def _copy_records(archive: Archive, snapshot: Snapshot, repo: Path, data_rel: Path, dest: Path,
                  left_out: tuple[str, ...], *, masked: bool = False) -> None:
    """DATA and content/ as committed at the tag, without the left-out records: a file that holds
    only left-out records is left out, one that also holds others is written with the others only
    (:func:`without_records`), and the prose files of left-out records are left out. In a
    ``masked`` (public) package personal numbers in the texts are masked as on the site; the
    restricted package holds the files exactly as committed."""
    dropped = _dropped_items(archive, left_out)
    withheld = {p.resolve() for record_id in left_out for p in record_files(archive, record_id)
                if p.resolve() not in dropped}
    tracked = git(snapshot.root, "ls-files", "-z", "--", data_rel.as_posix(), "content").split("\0")
    for name in sorted(filter(None, tracked)):
        source = snapshot.root / name
        if source.resolve() in withheld or not source.is_file():
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.resolve() in dropped or (masked and source.suffix.lower() in {".yml", ".yaml", ".md"}):
            text = source.read_bytes().decode("utf-8", errors="replace")
            if source.resolve() in dropped:
                text = without_records(text, dropped[source.resolve()])
            target.write_bytes((mask_personal(text) if masked else text).encode("utf-8"))
        else:
            shutil.copyfile(source, target)


def _dropped_items(archive: Archive, left_out: tuple[str, ...]) -> dict[Path, set[int]]:
    """Files holding left-out records beside records that stay → the list indexes to leave out."""
    by_file: dict[Path, list[tuple[str, tuple]]] = {}
    for record_id, origin in archive.origins.items():
        by_file.setdefault(origin.file.resolve(), []).append((record_id, origin.base))
    dropped: dict[Path, set[int]] = {}
    hidden = set(left_out)
    for file, records in by_file.items():
        out = {base[0] for record_id, base in records if record_id in hidden and base}
        if out and len(out) < len(records):
            dropped[file] = out
    return dropped


def without_records(text: str, indexes: set[int]) -> str:
    """A YAML file that is a block list of records, with the items at ``indexes`` cut out: the
    other records' text stays as written (comments, quoting, order), so the result is the same
    for the same file. Lines from an item's ``-`` to the next item's belong to the item."""
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(root, yaml.SequenceNode) or root.flow_style:
        raise ReleaseError("a file holding classified and public records must be a block list of records")
    lines = text.splitlines(keepends=True)
    starts = [item.start_mark.line for item in root.value] + [len(lines)]
    kept = lines[:starts[0]]
    for index in range(len(root.value)):
        if index not in indexes:
            kept += lines[starts[index]:starts[index + 1]]
    return "".join(kept)


def _bag(folder: Path, archive: Archive, tag: Tag, snapshot: Snapshot, left_out: tuple[str, ...],
         restricted: bool) -> None:
    issuer = title(archive, archive.jurisdiction.issuer, "zh")
    info = {
        "Source-Organization": issuer,
        "External-Identifier": tag.name,
        "External-Description": tag.message or tag.name,
        "Bagging-Date": tag.date.date().isoformat(),
        "Internal-Sender-Identifier": snapshot.sha,
        "Internal-Sender-Description": (
            f"全宗号 {archive.jurisdiction.fonds_number}; site, documents (PDF/A), records and DA/T 22-2015 "
            f"catalogue of {tag.name}; "
            + ("RESTRICTED: includes classified records" if restricted
               else f"{len(left_out)} classified records left out")),
        "Bag-Group-Identifier": archive.jurisdiction.fonds_number,
    }
    bag_folder(folder, info)


def bag_folder(folder: Path, info: dict[str, str]) -> None:
    """Make ``folder`` a bag of ours: BagIt 1.0, payload and tag manifests in every algorithm, sorted."""
    cwd = Path.cwd()
    try:
        bagit.make_bag(str(folder), bag_info=info, processes=1, checksums=list(ALGORITHMS))
    finally:
        os.chdir(cwd)  # make_bag changes the working folder
    (folder / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")  # RFC 8493 is BagIt 1.0
    write_tag_manifests(folder)


def write_tag_manifests(folder: Path) -> None:
    """Tag manifests in sorted order (bagit lists them in the disk's order, which varies)."""
    tag_files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                       if p.is_file() and p.relative_to(folder).parts[0] != "data"
                       and not p.name.startswith("tagmanifest-"))
    for algorithm in ALGORITHMS:
        lines = [f"{file_digest(folder / name, algorithm)} {name}\n" for name in tag_files]
        (folder / f"tagmanifest-{algorithm}.txt").write_text("".join(lines), encoding="utf-8")


def file_digest(path: Path, algorithm: str) -> str:
    """Hex digest of a file, read in blocks (release PDFs and sites can be large)."""
    digest = hashlib.new(algorithm)
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fix_times(folder: Path, epoch: int) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        os.utime(path, (epoch, epoch), follow_symlinks=False)
    os.utime(folder, (epoch, epoch))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


__all__ = ["ReleaseError", "SnapshotError", "build_release", "catalogue", "read_tag", "reference_code"]
