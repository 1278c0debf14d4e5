"""History from git: commits per record file, renames, shallow clones, no repository."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from archive_repo import commit, example_repo, git, git_env, load

from generators.records.history import RepoHistory, record_files


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_repo(tmp_path_factory.mktemp("history") / "repo")


def test_history_of_a_record_newest_first(repo: Path) -> None:
    archive = load(repo / "data")
    history = RepoHistory.load(repo / "data")
    circular = history.for_record(archive, "n-2022-20")
    assert circular.complete
    # its YAML file and its Markdown body: the first commit and the typo fix
    assert [c.subject for c in circular.commits] == ["错别字：第一季度通报正文", "收录第一季度通报和自评通知"]
    newest = circular.commits[0]
    assert newest.date == dt.datetime(2022, 6, 15, 11, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert newest.date.utcoffset() == dt.timedelta(hours=8)  # the commit's own offset
    assert newest.author == "王档案" and len(newest.sha) == 40 and newest.sha.startswith(newest.short)
    revised = history.for_record(archive, "n-2022-20-v2")
    assert [(c.subject, c.author) for c in revised.commits] == [("修订第一季度通报：更正三兴镇数据", "李编辑")]
    withdrawn = history.for_record(archive, "n-2022-21")
    assert [c.subject for c in withdrawn.commits] == ["撤回自评通知", "收录第一季度通报和自评通知"]


def test_record_files_include_prose(repo: Path) -> None:
    archive = load(repo / "data")
    names = [p.resolve().relative_to(repo.resolve()).as_posix() for p in record_files(archive, "n-2022-20")]
    assert names == ["content/notices/n-2022-20.zh.md", "data/notices/n-2022-20.yml"]


def test_paths_relative_to_the_repository_or_absolute(repo: Path) -> None:
    history = RepoHistory.load(repo)
    by_relative = history.for_files(["data/notices/n-2022-21.yml"])
    by_absolute = history.for_files([repo / "data" / "notices" / "n-2022-21.yml"])
    assert by_relative == by_absolute and len(by_relative.commits) == 2
    assert history.for_files([Path("/elsewhere/file.yml")]).commits == []


def test_renames_are_followed(tmp_path: Path) -> None:
    repo = example_repo(tmp_path / "repo")
    git(repo, "mv", "data/notices/n-2022-21.yml", "data/notices/self-assessment-notice.yml")
    commit(repo, "改文件名", "2022-07-01T09:00:00+08:00")
    history = RepoHistory.load(repo)
    subjects = [c.subject for c in history.for_files(["data/notices/self-assessment-notice.yml"]).commits]
    assert subjects == ["改文件名", "撤回自评通知", "收录第一季度通报和自评通知"]


def test_shallow_clone_says_incomplete(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
                   env=git_env(), check=True, capture_output=True)
    archive = load(clone / "data")
    history = RepoHistory.load(clone / "data")
    circular = history.for_record(archive, "n-2022-20")
    assert not circular.complete
    assert [c.subject for c in circular.commits] == ["错别字：第一季度通报正文"]  # all git still knows
    # a file born after the boundary has its whole history
    (clone / "data" / "notices" / "later.yml").write_text("type: organisation\n", encoding="utf-8")
    commit(clone, "后来的文件", "2022-08-01T09:00:00+08:00")
    later = RepoHistory.load(clone).for_files(["data/notices/later.yml"])
    assert later.complete and [c.subject for c in later.commits] == ["后来的文件"]
    # a full clone of the same repository is complete
    full = RepoHistory.load(repo).for_files(["data/notices/n-2022-20.yml"])
    assert full.complete


def test_outside_git_is_empty_and_incomplete(repo: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    archive = load(plain / "data")
    history = RepoHistory.load(plain / "data")
    assert history.root is None
    result = history.for_record(archive, "n-2022-20")
    assert result.commits == [] and result.complete is False
    assert RepoHistory.load(tmp_path / "missing").root is None
