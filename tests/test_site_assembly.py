"""The site is put together from the built trees by bringing the site the last swap replaced up to
date (generators.site.assembly): the result must be, entry for entry and inode for inode, the tree
a fresh assembly makes, whatever changed in between — files rewritten, folders gone, a file turned
into a folder, something foreign left in the old site — and the site in place is never touched
before the swap."""

from __future__ import annotations

import os
import time
from pathlib import Path

from generators.releases.compare import tree_digest
from generators.site import assembly
from generators.site.assembly import SPARE, UNKNOWN, Assembly, files_of, scan
from generators.site.incremental import link_tree


def _entries(root: Path) -> dict[str, object]:
    """Every path under ``root``: a folder, or the inode of a file (the marker by its text)."""
    found: dict[str, object] = {}
    for folder, folders, files in os.walk(root):
        rel = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel == "." else f"{rel}/"
        for name in folders:
            found[prefix + name] = "folder"
        for name in files:
            path = Path(folder) / name
            found[prefix + name] = path.read_bytes() if name == ".archive-build" else path.stat().st_ino
    return found


def _fresh(tmp_path: Path, zh: Path, en: Path, documents: Path, linked: list[str]) -> dict[str, object]:
    """What the assembly before the spare made: a tree of hard links, built anew."""
    fresh = tmp_path / "fresh"
    link_tree(zh, fresh)
    link_tree(en, fresh / "en")
    (fresh / "documents").mkdir()
    for name in linked:
        os.link(documents / name, fresh / "documents" / name)
    (fresh / ".archive-build").write_text(
        "Made by the archive's build (make site / make docs); replaced whole by the next build.\n", encoding="utf-8")
    found = _entries(fresh)
    for folder, folders, files in os.walk(fresh, topdown=False):
        for name in files:
            os.unlink(os.path.join(folder, name))
        for name in folders:
            os.rmdir(os.path.join(folder, name))
    fresh.rmdir()
    return found


def _write(path: Path, text: str) -> None:
    """A new file (a new inode), as every writer of the built trees makes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8")


def _assemble(src: Path, out: Path, zh: Path, en: Path, documents: Path, linked: list[str]) -> None:
    served = tree_digest(out) if out.exists() else None
    assembly = Assembly(src, out)
    staging = assembly.make({"": zh, "en": en}, documents, linked)
    assert set(assembly.files()) == {name for name, kind in _entries(staging).items() if kind != "folder"}
    if served is not None:
        assert tree_digest(out) == served  # the site in place is untouched until the swap
    assembly.swap(src / "trash")


def test_the_spare_is_brought_to_exactly_the_fresh_tree(tmp_path: Path):
    src, out = tmp_path / "site-src", tmp_path / "site"
    zh, en, documents = src / "zh" / "out", src / "en" / "out", tmp_path / "documents"
    for name in ("index.html", "a/index.html", "a/b/index.html", "gone/x/index.html", "turns/index.html",
                 "assets/main.css"):
        _write(zh / name, name)
    for number in range(40):  # folders no build touches: updating the spare is the cheaper way
        _write(zh / f"same-{number}" / "index.html", "same")
    _write(en / "index.html", "en")
    _write(en / "a" / "index.html", "en a")
    _write(documents / "D-1.pdf", "pdf")
    _write(documents / "D-2.pdf", "pdf 2")
    versions = []
    for step in range(4):
        if step == 1:
            _write(zh / "a" / "index.html", "edited")  # rewritten: a new file
        if step == 2:
            for name in ("gone/x/index.html", "turns/index.html"):
                (zh / name).unlink()
            (zh / "gone" / "x").rmdir()
            (zh / "gone").rmdir()
            _write(zh / "turns" / "index.html" / "inner.html", "a file became a folder")
            _write(en / "new" / "index.html", "added")
            (out / "foreign.txt").write_text("left in the served site", encoding="utf-8")  # spare next time
        if step == 3:
            _write(zh / "a" / "b" / "index.html", "edited again")
        linked = ["D-1.pdf"] if step < 3 else ["D-1.pdf", "D-2.pdf"]
        spare = (src / SPARE).stat().st_ino if (src / SPARE).exists() else None
        _assemble(src, out, zh, en, documents, linked)
        assert (out.stat().st_ino == spare) == (step >= 2)  # made from the spare once its content is known
        assert _entries(out) == _fresh(tmp_path, zh, en, documents, linked), step
        versions.append(tree_digest(out))
        assert (src / SPARE).is_dir() == (step > 0)  # the site the swap replaced, kept
    assert len(set(versions)) == 4
    assert not list(tmp_path.glob(".site-new-*"))


def test_a_folder_is_read_again_only_when_it_changed(tmp_path: Path, monkeypatch):
    root = tmp_path / "tree"
    _write(root / "a" / "index.html", "a")
    _write(root / "b" / "index.html", "b")
    first = scan(root)
    assert set(files_of(first)) == {"a/index.html", "b/index.html"}
    # Folders changed within the last seconds carry no key: they are read again, always.
    assert all(folder[0] == UNKNOWN for folder in first.values())
    monkeypatch.setattr(assembly, "RACY_NS", 0)
    first = scan(root)
    assert all(folder[0] != UNKNOWN for folder in first.values())
    # An unchanged folder is taken from the snapshot (a planted entry shows it was not read) ...
    stale = {**first, "a": (first["a"][0], {"index.html": (1, 2, 3)}, ())}
    assert files_of(scan(root, stale))["a/index.html"] == (1, 2, 3)
    # ... and a folder whose entries changed is read again.
    time.sleep(0.05)  # past the file system clock's tick
    _write(root / "a" / "index.html", "rewritten")
    assert files_of(scan(root, stale))["a/index.html"][0] == (root / "a" / "index.html").stat().st_ino
