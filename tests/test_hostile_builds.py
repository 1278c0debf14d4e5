"""Builds against careless use: an output folder that is not the build's, two builds at once,
Ctrl-C in the middle. Nothing is lost (data, texts, the previous site), nothing incomplete is
published, no traceback; real ``python -m generators`` processes, interrupted like a terminal does
(SIGINT to the whole process group)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generators.outputs import MARKER
from generators.site.build import unwritten_pages
from tests.hostile_support import archive_with, notice

ROOT = Path(__file__).resolve().parents[1]


def _archive(tmp: Path, notices: int = 2) -> Path:
    return archive_with(tmp, {f"notices/n-{i}.yml": notice(f"n-{i}", number=20 + i) for i in range(notices)})


def _start(*args: str) -> subprocess.Popen:
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    # As from a terminal: Ctrl-C at its default, even when the suite itself runs as a background job
    # (a shell without job control starts those with SIGINT ignored, and children inherit that).
    return subprocess.Popen([sys.executable, "-m", "generators", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=_interruptible)


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    process = _start(*args)
    out, err = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("target", ["content", "data", "data/notices", ".", "foreign"])
def test_site_refuses_a_folder_that_is_not_its_own(tmp_path, target):
    data = _archive(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "text.md").write_text("手写正文", encoding="utf-8")
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "notes.txt").write_text("someone's files", encoding="utf-8")
    before = _digest(tmp_path)
    shown = _run("site", "--data", str(data), "--out", str(tmp_path / target), "--build", str(tmp_path / "build"))
    assert shown.returncode == 2, shown.stderr
    assert "refusing to write the site" in shown.stderr and "Traceback" not in shown.stderr
    assert _digest(tmp_path) == before  # nothing written, nothing deleted


def test_docs_refuse_to_write_into_the_content(tmp_path):
    data = _archive(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "text.md").write_text("手写正文", encoding="utf-8")
    shown = _run("docs", "--data", str(data), "--out", str(tmp_path / "content"), "--no-progress")
    assert shown.returncode == 2 and "refusing to write documents" in shown.stderr
    assert (tmp_path / "content" / "text.md").read_text(encoding="utf-8") == "手写正文"


def test_two_site_builds_at_once_then_an_interrupted_one(tmp_path):
    data = _archive(tmp_path, notices=120)
    site, build = tmp_path / "site", tmp_path / "build"
    args = ("site", "--data", str(data), "--out", str(site), "--build", str(build))
    first, second = _start(*args), _start(*args)
    results = [(p.returncode, *p.communicate(timeout=600)) for p in (first, second)]
    for process in (first, second):
        assert process.returncode == 0, results
    assert not any("Traceback" in err for _, _, err in results)
    assert any("waiting" in err for _, _, err in results), "the second build waited for the first"
    assert (site / MARKER).is_file() and (site / "notices" / "n-1" / "index.html").is_file()
    assert (site / "en" / "notices" / "n-1" / "index.html").is_file()
    before = _digest(site)

    # Ctrl-C while MkDocs runs: exit non-zero, previous site untouched, no staging folder left.
    for path in (build / "site-src").glob("*/mkdocs.yml"):
        path.unlink()  # to see when this build writes them again, that is when MkDocs starts
    for path in (build / "site-src").glob("*/state.json"):
        path.unlink()  # every page rendered again (a dirty build of one page ends too soon to be interrupted)
    (data / "notices" / "n-1.yml").write_text(notice("n-1", number=21, title="修改后的通知"), encoding="utf-8")
    process = _start(*args)  # a changed record: this build has pages to render
    deadline = time.monotonic() + 120
    while len(list((build / "site-src").glob("*/mkdocs.yml"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # MkDocs renders some 280 pages per language: 2.5 s on an idle machine
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0 and "Traceback" not in err, err
    assert _digest(site) == before
    assert not list(tmp_path.glob(".site-new-*")) and not list(tmp_path.glob(".site-old-*"))


def test_ctrl_c_stops_the_documents_promptly_and_publishes_nothing(tmp_path):
    data = _archive(tmp_path, notices=8)
    out, cache = tmp_path / "build" / "documents", tmp_path / "build" / "cache"
    process = _start("docs", "--data", str(data), "--out", str(out), "--cache", str(cache), "--jobs", "1",
                     "--no-progress")
    deadline = time.monotonic() + 300
    while not list(cache.glob("*.pdf")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    interrupted = time.monotonic()
    _, err = process.communicate(timeout=60)
    assert time.monotonic() - interrupted < 10, "workers kept rendering after Ctrl-C"
    assert process.returncode != 0 and "Traceback" not in err, err
    assert not out.exists() and not list(out.parent.glob(".documents-*"))
    assert len(list(cache.glob("*.pdf"))) < 8 + 2  # it did not render the whole queue first


def test_pages_planned_but_not_written_are_named(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x")
    (tmp_path / "index.html").write_text("x")
    (tmp_path / "404.html").write_text("x")
    assert unwritten_pages(["index.md", "404.md", "a/index.md", "b/index.md", "c.md"], tmp_path) == [
        "b/index.md", "c.md"]
