"""One git runner, one static server, one swap of an output folder (generators/git.py,
generators/webserver.py, outputs.swap_in), used by every stage that needs one."""

from __future__ import annotations

import re
import subprocess
import urllib.request
from pathlib import Path

from generators import git
from generators.outputs import swap_in
from generators.webserver import serve

ROOT = Path(__file__).resolve().parents[1]


def _sources() -> dict[str, str]:
    paths = sorted((ROOT / "generators").rglob("*.py"))
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in paths}


def test_only_the_runner_starts_git():
    starts = re.compile(r"""(subprocess\.\w+|Popen)\(\s*\[\s*["']git["']""")
    assert [name for name, text in _sources().items() if starts.search(text)] == ["generators/git.py"]


def test_only_the_server_serves():
    assert [name for name, text in _sources().items() if "HTTPServer(" in text] == ["generators/webserver.py"]


def test_only_the_swap_renames_output_folders():
    renames = re.compile(r"\w+\.rename\(")
    assert [name for name, text in _sources().items() if renames.search(text)] == ["generators/outputs.py"]


def test_git_ignores_a_git_dir_set_by_a_caller(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    other = tmp_path / "other"
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))  # as in a hook of another repository
    top = git.output(repo, "rev-parse", "--show-toplevel")
    assert top is not None and Path(top.strip()).resolve() == repo.resolve()


def test_git_outside_a_repository_is_none(tmp_path):
    assert git.output(tmp_path, "rev-parse", "--show-toplevel") is None
    assert git.run(tmp_path, "rev-parse", "--show-toplevel").returncode != 0


def test_swap_in_replaces_whole_and_leaves_nothing_behind(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("old")
    staging = tmp_path / ".out-new"
    staging.mkdir()
    (staging / "new.txt").write_text("new")
    swap_in(staging, out)
    assert sorted(p.name for p in out.iterdir()) == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_swap_in_a_first_output_makes_its_parent(tmp_path):
    staging = tmp_path / ".new"
    staging.mkdir()
    swap_in(staging, tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir() and not staging.exists()


def test_the_server_serves_the_folder_swapped_in(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("one")
    with serve(site) as url:
        assert urllib.request.urlopen(url).read() == b"one"
        staging = tmp_path / ".site-new"
        staging.mkdir()
        (staging / "index.html").write_text("two")
        swap_in(staging, site)
        assert urllib.request.urlopen(url).read() == b"two"
