"""How long the git history of every record page takes at archive scale; prints figures.

Makes a repository of N record files (default 10,000) with C commits (default 300: one adding
everything, then commits changing 40 files each, every tenth also renaming one), then times
:meth:`RepoHistory.load` (one ``git log``) and one :meth:`RepoHistory.for_files` per file —
what a site build does — against one ``git log -- FILE`` per file (the naive way) on a sample.

Usage: ``python -m tests.bench.bench_history [--files N] [--commits C] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from generators.records.history import RepoHistory


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org",
           "GIT_AUTHOR_DATE": "2022-05-10T09:00:00+08:00", "GIT_COMMITTER_DATE": "2022-05-10T09:00:00+08:00"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def make_repo(repo: Path, files: int, commits: int) -> list[str]:
    rng = random.Random(17)
    names = [f"data/hazards/{i // 1000:02d}/HZ-{i:05d}.yml" for i in range(files)]
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    for name in names:
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"type: hazard\nid: {Path(name).stem}\nrevision: 0\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "import")
    for number in range(1, commits):
        for name in rng.sample(names, 40):
            with (repo / name).open("a", encoding="utf-8") as stream:
                stream.write(f"# change {number}\n")
        if number % 10 == 0:
            index = rng.randrange(len(names))
            old, new = names[index], names[index].replace(".yml", f"-r{number}.yml")
            _git(repo, "mv", old, new)
            names[index] = new
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", f"change {number}")
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="make the repository here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="history-bench-"))
    repo = folder / "repo"
    try:
        started = time.perf_counter()
        names = make_repo(repo, args.files, args.commits)
        print(f"repository: {args.files} files, {args.commits} commits, made in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        history = RepoHistory.load(repo)
        loaded = time.perf_counter() - started
        print(f"RepoHistory.load (one git log): {loaded:.2f} s, {len(history.commits)} commits indexed")
        started = time.perf_counter()
        total = sum(len(history.for_files([name]).commits) for name in names)
        queried = time.perf_counter() - started
        print(f"for_files for every file: {queried:.2f} s ({queried / len(names) * 1e6:.0f} µs per page), "
              f"{total} commit entries")
        sample = names[:: max(len(names) // 50, 1)][:50]
        started = time.perf_counter()
        for name in sample:
            subprocess.run(["git", "log", "--follow", "--format=%H", "--", name], cwd=repo,
                           check=True, capture_output=True)
        naive = (time.perf_counter() - started) / len(sample)
        print(f"naive git log --follow per file: {naive * 1000:.0f} ms per page → "
              f"{naive * len(names):.0f} s for all {len(names)} pages")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of this process: {peak:.0f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
