"""Verify a release package: every file present, unchanged, and nothing added.

bagit's own validation stops at the first summary problem (a changed Payload-Oxum hides which
file is missing), so the manifests are compared file by file here and every altered, missing
or extra file is named; bagit's validation then runs as well, for the rules of the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import bagit

from generators.archive.release import file_digest


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


def verify_bag(path: Path) -> Verification:
    path = Path(path)
    if not (path / "bagit.txt").is_file():
        return Verification(path, 0, (), [Problem(str(path), "bag", "no bagit.txt: not a BagIt bag")])
    manifests = {m.name: m for m in sorted(path.glob("manifest-*.txt"))}
    tag_manifests = {m.name: m for m in sorted(path.glob("tagmanifest-*.txt"))}
    if not manifests:
        return Verification(path, 0, (), [Problem(str(path), "bag", "no payload manifest")])
    expected: dict[str, dict[str, str]] = {}  # path → algorithm → digest
    problems: list[Problem] = []
    for group in (manifests, tag_manifests):
        for name, manifest in group.items():
            algorithm = name.split("-", 1)[1].removesuffix(".txt")
            for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
                match = _LINE.match(line.strip())
                if not match:
                    problems.append(Problem(name, "bag", f"line {number} is not 'digest path'"))
                    continue
                expected.setdefault(_decode(match.group(2)), {})[algorithm] = match.group(1).lower()
    algorithms = tuple(sorted({a for digests in expected.values() for a in digests}))
    for name, digests in sorted(expected.items()):
        file = path / name
        if not file.is_file():
            problems.append(Problem(name, "missing"))
            continue
        changed = [a for a, d in sorted(digests.items()) if file_digest(file, a) != d]
        if changed:
            problems.append(Problem(name, "altered", ", ".join(changed)))
    payload_algorithms = {n.split("-", 1)[1].removesuffix(".txt") for n in manifests}
    for file in sorted((path / "data").rglob("*")):
        name = file.relative_to(path).as_posix()
        if file.is_file() and name not in expected:
            problems.append(Problem(name, "extra"))
        elif file.is_file() and set(expected[name]) != payload_algorithms:
            problems.append(Problem(name, "bag", "not listed in every payload manifest"))
    if not problems:
        problems += _bagit_problems(path)
    return Verification(path, len(expected), algorithms, sorted(problems))


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
    labels = {
        "zh": {"altered": "已改动", "missing": "缺失", "extra": "多出", "bag": "格式"},
        "en": {"altered": "altered", "missing": "missing", "extra": "extra", "bag": "bag"},
    }[lang]
    lines = [f"{labels[p.kind]}\t{p.path}" + (f"\t({p.detail})" if p.detail else "") for p in result.problems]
    algorithms = ", ".join(result.algorithms)
    if result.ok:
        lines.append(f"归档包完好：{result.checked} 个文件的 {algorithms} 校验值全部一致（{result.bag}）"
                     if lang == "zh"
                     else f"package intact: {result.checked} files match their {algorithms} digests ({result.bag})")
    else:
        lines.append(f"归档包校验失败：{len(result.problems)} 个问题（{result.bag}）" if lang == "zh"
                     else f"package FAILED verification: {len(result.problems)} problems ({result.bag})")
    return lines
