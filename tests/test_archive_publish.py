"""Publications as tags, and the archive as it stood at a tag (the AT= snapshot)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from archive_repo import commit, example_repo, git, git_env

from generators.records import load_archive
from generators.records.history import RepoHistory
from generators.records.versions import current_version, is_withdrawn
from generators.releases.publish import PublishError, publish
from generators.releases.snapshot import SnapshotError, checkout, data_in_snapshot

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, cwd: Path, when: str = "2022-07-01T09:00:00+08:00") -> subprocess.CompletedProcess:
    env = {**git_env(when), "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8"}
    return subprocess.run([sys.executable, "-m", "generators", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    return example_repo(tmp_path / "repo")


def test_publish_tags_head_with_the_message(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in git_env("2022-07-01T09:00:00+08:00").items():
        monkeypatch.setenv(key, value)
    name = publish(repo / "data", "七月发布：撤回通知后的档案", dt.date(2022, 7, 1))
    assert name == "publish/2022-07-01"
    assert git(repo, "tag", "-l", "--format=%(contents:subject)", name).strip() == "七月发布：撤回通知后的档案"
    assert git(repo, "rev-parse", f"{name}^{{commit}}") == git(repo, "rev-parse", "HEAD")
    assert publish(repo / "data", "同日再次发布", dt.date(2022, 7, 1)) == "publish/2022-07-01-2"
    assert publish(repo / "data", "第三次", dt.date(2022, 7, 1)) == "publish/2022-07-01-3"


def test_publish_refuses_dirty_tree_empty_message_and_errors(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in git_env().items():
        monkeypatch.setenv(key, value)
    with pytest.raises(PublishError, match="needs a message"):
        publish(repo / "data", "  ")
    (repo / "data" / "notices" / "draft.yml").write_text("type: organisation\n", encoding="utf-8")
    with pytest.raises(PublishError, match=re.escape("data/notices/draft.yml")):
        publish(repo / "data", "发布")
    (repo / "data" / "notices" / "draft.yml").unlink()
    path = repo / "data" / "notices" / "n-2022-21.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: notice", "kind: letter"), encoding="utf-8")
    with pytest.raises(PublishError, match=re.escape("data/notices/n-2022-21.yml")):
        publish(repo / "data", "发布")  # modified tracked file
    commit(repo, "把文种写错", "2022-07-02T09:00:00+08:00")
    with pytest.raises(PublishError, match="letter"):
        publish(repo / "data", "发布")  # committed, but invalid: nothing is published
    assert "publish/2022-07-02" not in git(repo, "tag", "-l")


def test_publish_command(repo: Path) -> None:
    result = _run("publish", "--data", "data", "--message", "命令行发布", "--date", "2022-07-01", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "published: publish/2022-07-01" in result.stdout
    result = _run("publish", "--data", "data", cwd=repo)
    assert result.returncode == 1 and "needs a message" in result.stderr and "Traceback" not in result.stderr


def test_snapshot_shows_the_archive_as_it_stood(repo: Path, tmp_path: Path) -> None:
    first = checkout(repo, "publish/2022-05-10", tmp_path / "at" / "first")
    archive, problems = load_archive(data_in_snapshot(repo / "data", repo / "data", first))
    assert not problems
    assert "n-2022-20-v2" not in archive.records  # not yet revised
    assert not is_withdrawn(archive.get("n-2022-21"))
    assert first.epoch == int(dt.datetime(2022, 5, 10, 9, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp())
    # its history ends at the tag
    history = RepoHistory.load(first.root / "data").for_files(["data/notices/n-2022-21.yml"])
    assert [c.subject for c in history.commits] == ["收录第一季度通报和自评通知"]

    second = checkout(repo, "publish/2022-05-20", tmp_path / "at" / "second")
    archive, _ = load_archive(second.root / "data")
    assert current_version(archive, "n-2022-20") == "n-2022-20-v2"
    assert not is_withdrawn(archive.get("n-2022-21"))

    # reused when clean, renewed when someone changed a file in it
    again = checkout(repo, "publish/2022-05-20", tmp_path / "at" / "second")
    assert again.sha == second.sha
    (second.root / "data" / "notices" / "n-2022-21.yml").write_text("changed", encoding="utf-8")
    checkout(repo, "publish/2022-05-20", tmp_path / "at" / "second")
    assert "changed" not in (second.root / "data" / "notices" / "n-2022-21.yml").read_text(encoding="utf-8")

    with pytest.raises(SnapshotError, match="unknown tag or commit"):
        checkout(repo, "publish/1999-01-01", tmp_path / "at" / "none")


def test_make_check_at_a_tag(repo: Path) -> None:
    """``make check AT=<tag>`` checks the snapshot with the current code; a bad ref is an error, not a traceback."""
    env = {**git_env(), "PYTHONPATH": str(ROOT)}
    def make(*args: str) -> subprocess.CompletedProcess:
        # -o setup: the tools are this interpreter's; the fixture repository has no .venv of its own
        return subprocess.run(["make", "-s", "-o", "setup", "-f", str(ROOT / "Makefile"),
                               f"RUN={sys.executable} -m generators", *args],
                              cwd=repo, env=env, capture_output=True, text=True)

    result = make("check", "AT=publish/2022-05-10", "BUILD=build")
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout
    assert (repo / "build" / "at" / "publish" / "2022-05-10" / "data" / "notices" / "n-2022-20.yml").is_file()
    assert not (repo / "build" / "at" / "publish" / "2022-05-10" / "data" / "notices" / "n-2022-20-v2.yml").exists()
    result = make("check", "AT=no-such-tag")
    assert result.returncode != 0 and "unknown tag or commit" in result.stderr
    assert "Traceback" not in result.stderr
