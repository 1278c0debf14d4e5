"""``make verify-release`` against every tampering of a package of ours an archivist could think of:
each one names the file and fails (non-zero exit). The bags are made by the release code's own
bagging step (``bag_folder``) over a small payload, so that each case is quick."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generators.releases.release import bag_folder, write_tag_manifests
from generators.releases.verify import verify_bag

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    bag = tmp_path_factory.mktemp("verify") / "bag"
    (bag / "site" / "en").mkdir(parents=True)
    (bag / "site" / "index.html").write_text("<p>首页</p>\n", encoding="utf-8")
    (bag / "site" / "en" / "index.html").write_text("<p>Home</p>\n", encoding="utf-8")
    (bag / "metadata").mkdir()
    (bag / "metadata" / "archival.csv").write_text("\ufeff档号 reference_code\r\nJ053-WS·2022-D30-0022\r\n",
                                                   encoding="utf-8")
    bag_folder(bag, {"Source-Organization": "区安委办", "External-Identifier": "publish/2022-07-01",
                     "Bagging-Date": "2022-07-01"})
    assert verify_bag(bag).ok, verify_bag(bag).problems
    return bag


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _drop_line(path: Path, needle: str) -> None:
    path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if needle not in line), encoding="utf-8")


def _rewrite_info_without_tag_manifests(bag: Path) -> None:
    for manifest in bag.glob("tagmanifest-*.txt"):
        manifest.unlink()
    _append(bag / "bag-info.txt", "Contact-Name: someone else\n")


def _rename(bag: Path) -> None:
    (bag / "data" / "site" / "index.html").rename(bag / "data" / "site" / "home.html")


def _symlink(bag: Path) -> None:
    target = bag / "data" / "site" / "en" / "index.html"
    target.unlink()
    target.symlink_to(bag / "data" / "site" / "index.html")


def _consistent_forgery(bag: Path) -> None:
    """A file added and the payload manifests rewritten to list it, the tag manifests left alone."""
    (bag / "data" / "forged.txt").write_text("forged\n", encoding="utf-8")
    import hashlib
    for algorithm in ("sha256", "sha512"):
        digest = hashlib.new(algorithm, b"forged\n").hexdigest()
        _append(bag / f"manifest-{algorithm}.txt", f"{digest}  data/forged.txt\n")


def _forgery_with_new_tag_manifests(bag: Path) -> None:
    """The manifests are rewritten throughout, but the payload-oxum in bag-info.txt is left as it was."""
    _consistent_forgery(bag)
    write_tag_manifests(bag)


# (what is done, the file that must be named, the kind of problem)
TAMPERINGS: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("extra file at the bag root", lambda b: (b / "notes.txt").write_text("x\n"), "notes.txt", "extra"),
    ("extra folder next to data/", lambda b: ((b / "extra").mkdir(), (b / "extra" / "a.txt").write_text("x")),
     "extra/a.txt", "extra"),
    ("empty folder next to data/", lambda b: (b / "extra").mkdir(), "extra/", "extra"),
    ("empty folder inside data/", lambda b: (b / "data" / "new").mkdir(), "data/new/", "extra"),
    ("hidden file inside data/", lambda b: (b / "data" / ".DS_Store").write_bytes(b"\0"), "data/.DS_Store", "extra"),
    ("fetch.txt added", lambda b: (b / "fetch.txt").write_text("http://x 1 data/y\n"), "fetch.txt", "extra"),
    ("both tag manifests deleted", lambda b: [m.unlink() for m in b.glob("tagmanifest-*.txt")],
     "tagmanifest-sha256.txt", "missing"),
    ("one tag manifest deleted", lambda b: (b / "tagmanifest-sha512.txt").unlink(), "tagmanifest-sha512.txt",
     "missing"),
    ("tag manifests deleted and bag-info.txt rewritten", _rewrite_info_without_tag_manifests,
     "tagmanifest-sha512.txt", "missing"),
    ("bag-info.txt struck from the tag manifests", lambda b: [_drop_line(m, "bag-info.txt")
                                                               for m in b.glob("tagmanifest-*.txt")],
     "bag-info.txt", "bag"),
    ("bag-info.txt changed", lambda b: _append(b / "bag-info.txt", "Contact-Name: x\n"), "bag-info.txt", "altered"),
    ("bag-info.txt deleted", lambda b: (b / "bag-info.txt").unlink(), "bag-info.txt", "missing"),
    ("bagit.txt changed", lambda b: (b / "bagit.txt").write_text("BagIt-Version: 0.97\n"
                                                                 "Tag-File-Character-Encoding: UTF-8\n"),
     "bagit.txt", "altered"),
    ("a payload manifest deleted", lambda b: (b / "manifest-sha512.txt").unlink(), "manifest-sha512.txt", "missing"),
    ("a payload file struck from one manifest", lambda b: _drop_line(b / "manifest-sha256.txt", "archival.csv"),
     "manifest-sha256.txt", "altered"),
    ("a payload file changed", lambda b: _append(b / "data" / "site" / "index.html", " "), "data/site/index.html",
     "altered"),
    ("a payload file deleted", lambda b: (b / "data" / "metadata" / "archival.csv").unlink(),
     "data/metadata/archival.csv", "missing"),
    ("a payload file renamed", _rename, "data/site/home.html", "extra"),
    ("a payload file replaced by a link", _symlink, "data/site/en/index.html", "missing"),
    ("a forged file listed in the payload manifests", _consistent_forgery, "manifest-sha256.txt", "altered"),
    ("a forged file with rewritten tag manifests", _forgery_with_new_tag_manifests, "", "bag"),
    ("a manifest line pointing out of the bag",
     lambda b: _append(b / "manifest-sha256.txt", "00  ../outside.txt\n"), "manifest-sha256.txt", "bag"),
]


@pytest.mark.parametrize(("what", "tamper", "named", "kind"), TAMPERINGS, ids=[t[0] for t in TAMPERINGS])
def test_every_tampering_is_named(pristine: Path, tmp_path: Path, what, tamper, named, kind) -> None:
    bag = tmp_path / "bag"
    shutil.copytree(pristine, bag, symlinks=True)
    tamper(bag)
    result = verify_bag(bag)
    assert not result.ok, what
    if named:
        assert (named, kind) in [(p.path, p.kind) for p in result.problems], result.problems
    else:
        assert kind in [p.kind for p in result.problems], result.problems


def test_the_command_exits_non_zero_and_names_the_file(pristine: Path, tmp_path: Path) -> None:
    bag = tmp_path / "bag"
    shutil.copytree(pristine, bag)
    _rewrite_info_without_tag_manifests(bag)
    (bag / "extra").mkdir()
    (bag / "extra" / "a.txt").write_text("x")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", "LC_ALL": ""}
    done = subprocess.run([sys.executable, "-m", "generators", "verify-release", "--bag", str(bag)], env=env,
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1
    assert "missing\ttagmanifest-sha256.txt" in done.stdout and "extra\textra/a.txt" in done.stdout
    assert "package FAILED verification: 3 problems" in done.stdout
    assert "package intact" not in done.stdout


def test_the_pristine_bag_is_intact_through_the_command(pristine: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", "LC_ALL": ""}
    done = subprocess.run([sys.executable, "-m", "generators", "verify-release", "--bag", str(pristine)], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "package intact" in done.stdout

