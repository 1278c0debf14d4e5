"""Fixture archives and git repositories for the archive tests (tests/test_archive_*.py).

The repositories are real: ``git init``, commits with fixed authors and dates, tags. Git is run
with the user's configuration switched off so that the tests do not depend on the machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from generators.records import Archive, load_archive

BASE = Path(__file__).parent / "fixtures" / "archive" / "base"

REVISED = """\
type: notice
id: n-2022-20-v2
kind: circular
document_number: 海安委办〔2022〕20号
issuer: office
date: 2022-05-20
title: {zh: 关于第一季度评估进展的通报（修订）, en: Circular on first-quarter evaluation progress (revised)}
addressees: {zh: 各区镇, en: All towns}
body: {zh: 第一季度进展情况（更正三兴镇数据）。, en: First-quarter progress (Sanxing figures corrected).}
classification: 公开
version: 2
supersedes: n-2022-20
change_note: {zh: 更正三兴镇的隐患整改数据。, en: Corrected the Sanxing hazard figures.}
archival: {year: 2022, retention: D30, item_number: 22}
"""

WITHDRAWAL = """\
withdrawn:
  date: 2022-06-15
  reason: {zh: 与省厅通知重复，予以撤回。, en: Duplicates the provincial notice; withdrawn.}
"""


def git_env(when: str = "2022-05-10T09:00:00+08:00", who: str = "王档案") -> dict[str, str]:
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": who, "GIT_AUTHOR_EMAIL": "archive@example.org", "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": who, "GIT_COMMITTER_EMAIL": "archive@example.org", "GIT_COMMITTER_DATE": when,
    }


def git(repo: Path, *args: str, when: str = "2022-05-10T09:00:00+08:00", who: str = "王档案") -> str:
    result = subprocess.run(["git", *args], cwd=repo, env=git_env(when, who), capture_output=True, text=True)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def commit(repo: Path, message: str, when: str, who: str = "王档案") -> str:
    git(repo, "add", "-A", when=when, who=who)
    git(repo, "commit", "-q", "-m", message, when=when, who=who)
    return git(repo, "rev-parse", "HEAD").strip()


def copy_base(target: Path) -> Path:
    shutil.copytree(BASE, target)
    return target


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def example_repo(target: Path) -> Path:
    """A repository with three publications:

    1. ``publish/2022-05-10``: circular n-2022-20 and notice n-2022-21;
    2. ``publish/2022-05-20``: the circular revised (n-2022-20-v2 supersedes it);
    3. ``publish/2022-06-15``: notice n-2022-21 withdrawn; one typo fixed (no new version).
    """
    repo = copy_base(target)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "收录第一季度通报和自评通知", "2022-05-10T09:00:00+08:00")
    git(repo, "tag", "-a", "publish/2022-05-10", "-m", "首次发布", when="2022-05-10T18:00:00+08:00")
    (repo / "data" / "notices" / "n-2022-20-v2.yml").write_text(REVISED, encoding="utf-8")
    commit(repo, "修订第一季度通报：更正三兴镇数据", "2022-05-20T10:30:00+08:00", who="李编辑")
    git(repo, "tag", "-a", "publish/2022-05-20", "-m", "发布修订版通报", when="2022-05-20T17:00:00+08:00")
    append(repo / "data" / "notices" / "n-2022-21.yml", WITHDRAWAL)
    commit(repo, "撤回自评通知", "2022-06-15T11:00:00+08:00")
    notes = repo / "content" / "notices" / "n-2022-20.zh.md"
    notes.write_text("第一季度评估进展情况。\n", encoding="utf-8")  # a typo fix: same version, new commit
    commit(repo, "错别字：第一季度通报正文", "2022-06-15T11:05:00+08:00")
    git(repo, "tag", "-a", "publish/2022-06-15", "-m", "撤回自评通知", when="2022-06-15T18:00:00+08:00")
    return repo


def load(data: Path) -> Archive:
    archive, diagnostics = load_archive(data)
    errors = [d.format("en") for d in diagnostics if d.is_error]
    assert not errors, errors
    return archive
