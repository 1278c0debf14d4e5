"""Compare two build trees byte for byte: the evidence that builds are reproducible.

``python -m generators compare-builds A B`` prints every difference (or that there is none)
and exits non-zero when the trees differ; :func:`compare_trees` is what the test uses.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def compare_trees(a: Path, b: Path) -> list[str]:
    """Every difference between the trees ``a`` and ``b``, one line each, in path order.

    Compares the set of paths, the kind of each entry (file, folder, link), link targets and
    file contents. File modes and times are not compared: they are not part of the output.
    """
    a, b = Path(a), Path(b)
    left, right = _entries(a), _entries(b)
    differences: list[str] = []
    for name in sorted(left.keys() | right.keys()):
        if name not in right:
            differences.append(f"only in {a}: {name}")
        elif name not in left:
            differences.append(f"only in {b}: {name}")
        elif left[name] != right[name]:
            differences.append(f"{_kind_change(left[name], right[name])}: {name}"
                               + _first_difference(a / name, b / name, left[name], right[name]))
    return differences


def tree_digest(root: Path) -> str:
    """One SHA-256 over every path and content: a short way to show two trees are identical."""
    digest = hashlib.sha256()
    for name, (kind, value) in sorted(_entries(Path(root)).items()):
        digest.update(f"{kind}\0{name}\0{value}\n".encode())
    return digest.hexdigest()


def _entries(root: Path) -> dict[str, tuple[str, str]]:
    """Relative path → (kind, content digest or link target)."""
    found: dict[str, tuple[str, str]] = {}
    if not root.is_dir():
        return found
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        base = Path(folder)
        for name in dirs:
            path = base / name
            rel = path.relative_to(root).as_posix()
            found[rel] = ("link", os.readlink(path)) if path.is_symlink() else ("folder", "")
        for name in sorted(files):
            path = base / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = ("link", os.readlink(path))
            else:
                found[rel] = ("file", _sha256(path))
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _kind_change(left: tuple[str, str], right: tuple[str, str]) -> str:
    if left[0] != right[0]:
        return f"{left[0]} vs {right[0]}"
    return "link target differs" if left[0] == "link" else "content differs"


def _first_difference(a: Path, b: Path, left: tuple[str, str], right: tuple[str, str]) -> str:
    if left[0] != "file" or right[0] != "file":
        return ""
    x, y = a.read_bytes(), b.read_bytes()
    offset = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    line = x[:offset].count(b"\n") + 1
    return f" (sizes {len(x)} and {len(y)}; first difference at byte {offset}, line {line}: " \
           f"{x[offset:offset + 40]!r} vs {y[offset:offset + 40]!r})"
