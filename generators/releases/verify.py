"""Verify a release package: every file present, unchanged, and nothing added.

bagit's own validation stops at the first summary problem (a changed Payload-Oxum hides which
file is missing), so the manifests are compared file by file here and every altered, missing
or extra file is named; bagit's validation then runs as well, for the rules of the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import bagit

from generators.releases.release import file_digest
from generators.words import word


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    kind: str  # altered | missing | extra | bag
    detail: str = ""


@dataclass(frozen=True)
class Verification:
    bag: Path
    checked: int  # files whose digests were compared
    algorithms: tuple[str, ...]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


_LINE = re.compile(r"^([0-9a-fA-F]+)\s+(.+)$")
# Files of the bag's top level that no manifest lists: the tag manifests list everything else.
_UNLISTED = re.compile(r"^tagmanifest-[a-z0-9]+\.txt$")


def verify_bag(path: Path) -> Verification:
    """Every file of the bag listed in a manifest and unchanged, nothing else in it, and the tag
    manifests present for every payload algorithm: packages of ours always carry them, and without
    them bag-info.txt could be rewritten unnoticed."""
    path = Path(path)
    if not (path / "bagit.txt").is_file():
        return Verification(path, 0, (), [Problem(str(path), "bag", "no bagit.txt: not a BagIt bag")])
    manifests = {m.name: m for m in sorted(path.glob("manifest-*.txt"))}
    tag_manifests = {m.name: m for m in sorted(path.glob("tagmanifest-*.txt"))}
    if not manifests:
        return Verification(path, 0, (), [Problem(str(path), "bag", "no payload manifest")])
    expected: dict[str, dict[str, str]] = {}  # path → algorithm → digest
    problems: list[Problem] = []
    payload_algorithms = {_algorithm(n) for n in manifests}
    for name in sorted(payload_algorithms - {_algorithm(n) for n in tag_manifests}):
        problems.append(Problem(f"tagmanifest-{name}.txt", "missing"))
    for group in (manifests, tag_manifests):
        for name, manifest in group.items():
            problems += _read_manifest(path, name, manifest, expected, payload=group is manifests)
    algorithms = tuple(sorted({a for digests in expected.values() for a in digests}))
    for name, digests in sorted(expected.items()):
        file = path / name
        if not file.is_file() or file.is_symlink():
            problems.append(Problem(name, "missing"))
            continue
        changed = [a for a, d in sorted(digests.items()) if file_digest(file, a) != d]
        if changed:
            problems.append(Problem(name, "altered", ", ".join(changed)))
    problems += _unlisted(path, expected, payload_algorithms, {_algorithm(n) for n in tag_manifests})
    if not problems:
        problems += _bagit_problems(path)
    return Verification(path, len(expected), algorithms, sorted(set(problems)))


def _algorithm(manifest_name: str) -> str:
    return manifest_name.split("-", 1)[1].removesuffix(".txt")


def _read_manifest(bag: Path, name: str, manifest: Path, expected: dict[str, dict[str, str]], *,
                   payload: bool) -> list[Problem]:
    problems = []
    algorithm = _algorithm(name)
    for number, line in enumerate(manifest.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        match = _LINE.match(line.strip())
        if not match:
            problems.append(Problem(name, "bag", f"line {number} is not 'digest path'"))
            continue
        listed = _decode(match.group(2))
        parts = PurePosixPath(listed).parts
        if listed.startswith("/") or ".." in parts or not parts:
            problems.append(Problem(name, "bag", f"line {number} names a path outside the bag: {listed}"))
            continue
        if (parts[0] == "data") != payload:  # payload manifests list data/, tag manifests the rest
            problems.append(Problem(name, "bag", f"line {number}: {listed} does not belong in {name}"))
            continue
        expected.setdefault(listed, {})[algorithm] = match.group(1).lower()
    return problems


def _unlisted(bag: Path, expected: dict[str, dict[str, str]], payload_algorithms: set[str],
              tag_algorithms: set[str]) -> list[Problem]:
    """Anything in the bag no manifest lists (a file, a link, an empty folder, at any depth), and
    files some manifest of their kind leaves out."""
    problems = []
    required = ("bagit.txt", "bag-info.txt", *(f"manifest-{a}.txt" for a in sorted(payload_algorithms)))
    folders_in_use = {p for name in expected for p in PurePosixPath(name).parents}
    for item in sorted(bag.rglob("*")):
        name = item.relative_to(bag).as_posix()
        if item.is_symlink() or not (item.is_file() or item.is_dir()):
            if name not in expected:
                problems.append(Problem(name, "extra", "not a regular file"))
            continue
        if item.is_dir():
            if PurePosixPath(name) not in folders_in_use and not any(item.iterdir()):
                problems.append(Problem(name + "/", "extra", "empty folder"))
            continue
        if name not in expected:
            if name in required or _UNLISTED.match(name):
                continue  # the tag manifests themselves; the required tag files are judged below
            problems.append(Problem(name, "extra"))
            continue
        wanted = payload_algorithms if name.startswith("data/") else tag_algorithms
        if set(expected[name]) != wanted:
            problems.append(Problem(name, "bag", "not listed in every " +
                                    ("payload manifest" if name.startswith("data/") else "tag manifest")))
    for name in required:
        if name in expected:
            continue  # checked (present and unchanged, or missing) with the other listed files
        if (bag / name).is_file():
            if tag_algorithms:  # with no tag manifest at all, that is the problem already named
                problems.append(Problem(name, "bag", "not listed in the tag manifests"))
        elif name == "bag-info.txt":
            problems.append(Problem(name, "missing"))
    return problems


def _bagit_problems(path: Path) -> list[Problem]:
    """The format's own rules (bag-info, Payload-Oxum, BagIt version) as bagit checks them."""
    try:
        bagit.Bag(str(path)).validate(processes=1)
    except bagit.BagValidationError as error:
        return [Problem(str(getattr(d, "path", path)), "bag", str(d)) for d in error.details] or \
               [Problem(str(path), "bag", error.message)]
    except bagit.BagError as error:
        return [Problem(str(path), "bag", str(error))]
    return []


def _decode(name: str) -> str:
    # RFC 8493 §2.1.3: CR, LF and % are percent-encoded in manifest paths.
    return name.replace("%0D", "\r").replace("%0A", "\n").replace("%0d", "\r").replace("%0a", "\n") \
        .replace("%25", "%")


def report_lines(result: Verification, lang: str) -> list[str]:
    lines = [f"{word('bag.' + p.kind, lang)}\t{p.path}" + (f"\t({p.detail})" if p.detail else "")
             for p in result.problems]
    algorithms = ", ".join(result.algorithms)
    if result.ok:
        lines.append(word("cli.bag_intact", lang, checked=result.checked, algorithms=algorithms, bag=result.bag))
    else:
        count = len(result.problems)
        lines.append(word("cli.bag_failed", lang, count=count, bag=result.bag))
    return lines
