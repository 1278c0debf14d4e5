"""Prose and data files stay inside the archive: a record cannot make the build read (and publish)
a file of the build machine, nor hang it on a FIFO or fill its memory from /dev/zero."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.hostile_support import CASE_SECONDS, archive_with, errors, load, notice

SECRET = "zz-outside-secret-7f3a"  # the content of a file outside the archive


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def _prose_case(tmp_path: Path, name: str) -> tuple[object, list]:
    data = archive_with(tmp_path, {"notices/n.yml": notice(body=f"{{zh_file: {name!r}}}")})
    return data, load(data)


def _assert_refused(archive_and_diagnostics, code: str) -> None:
    archive, diagnostics = archive_and_diagnostics
    found = [d for d in errors(diagnostics) if d.code == code]
    assert found, [d.format("en") for d in diagnostics]
    assert found[0].location.path.endswith("n.yml") and found[0].location.line == 9  # the body line
    for record in archive:
        assert SECRET not in repr(record)


@pytest.mark.parametrize("escape", ["../../outside/secret.md", "../../../../../../../../{abs}", "{abs}",
                                    "./../../outside/./secret.md"])
def test_paths_leading_out_are_refused(tmp_path, outside, escape):
    name = escape.format(abs=str(outside).lstrip("/") if escape.startswith("..") else outside)
    _, result = _prose_case(tmp_path, name)
    _assert_refused(result, "E031")


def test_symlink_out_of_the_archive_is_refused(tmp_path, outside):
    data = archive_with(tmp_path, {"notices/n.yml": notice(body="{zh_file: text.md}")})
    os.symlink(outside, data / "notices" / "text.md")
    _assert_refused(load(data), "E031")


def test_symlinked_record_file_out_of_the_archive_is_refused(tmp_path):
    elsewhere = tmp_path / "outside.yml"
    elsewhere.write_text(notice("n-outside"), encoding="utf-8")
    data = archive_with(tmp_path, {"notices/n.yml": notice()})
    os.symlink(elsewhere, data / "notices" / "linked.yml")
    archive, diagnostics = load(data)
    assert [d.code for d in errors(diagnostics)] == ["E031"]
    assert archive.get("n-outside") is None


@pytest.mark.parametrize(("make", "code"), [
    (lambda path: os.mkfifo(path), "E032"),               # would block the build for ever
    (lambda path: os.symlink("/dev/zero", path), "E031"),  # would fill the memory
    (lambda path: path.mkdir(), "E032"),
    (lambda path: os.symlink(path.name, path), "E030"),   # a symlink loop
])
def test_special_files_are_refused_without_hanging(tmp_path, make, code):
    data = archive_with(tmp_path, {"notices/n.yml": notice(body="{zh_file: text.md}")})
    make(data / "notices" / "text.md")
    _assert_refused(load(data), code)


# A record file that is not a regular file: listed and reported at the file, never opened.
_NOT_A_RECORD_FILE = [
    ("notices/pipe.yml", lambda path: os.mkfifo(path), "E032"),      # opening it would block for ever
    ("notices/PIPE.YAML", lambda path: os.mkfifo(path), "E032"),
    ("notices/zero.yml", lambda path: os.symlink("/dev/zero", path), "E031"),  # a device, outside too
    ("notices/gone.yml", lambda path: os.symlink("nowhere.yml", path), "E030"),  # dangling
]


@pytest.mark.parametrize(("name", "make", "code"), _NOT_A_RECORD_FILE)
def test_a_record_file_that_is_not_a_regular_file_is_a_located_error(tmp_path, name, make, code):
    data = archive_with(tmp_path, {"notices/n.yml": notice(), "notices/bad.yml": notice("n-2", number="x")})
    make(data / name)
    archive, diagnostics = load(data)  # under a time limit: a FIFO opened would hang here
    (found,) = [d for d in errors(diagnostics) if d.code == code]
    assert (Path(found.location.path).name, found.location.line, found.location.col) == (Path(name).name, 1, 1)
    assert Path(name).name in found.message("en") and Path(name).name in found.message("zh")
    # all at once: the other files are still read and their problems reported with it
    assert archive.get("n-1") is not None
    assert any(d.location.path.endswith("bad.yml") for d in errors(diagnostics))


def test_make_check_lists_a_fifo_with_the_other_problems(tmp_path):
    data = archive_with(tmp_path, {"notices/n.yml": notice(), "notices/bad.yml": notice("n-2", number="x")})
    os.mkfifo(data / "notices" / "pipe.yml")
    shown = subprocess.run([sys.executable, "-m", "generators", "check", "--data", str(data),
                            "--build", str(tmp_path / "build")],
                           cwd=ROOT, capture_output=True, text=True, timeout=CASE_SECONDS * 6)
    lines = shown.stderr.splitlines()
    assert shown.returncode == 1 and "Traceback" not in shown.stderr, shown.stderr
    assert any("pipe.yml:1:1: error[E032]" in line and line.endswith("(FIFO)") for line in lines), shown.stderr
    assert any("bad.yml:" in line and "error[" in line for line in lines), shown.stderr


def test_oversized_prose_is_refused_without_reading_it(tmp_path):
    data = archive_with(tmp_path, {"notices/n.yml": notice(body="{zh_file: text.md}")})
    with open(data / "notices" / "text.md", "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: 64 MB on paper, nothing on the disk
    _assert_refused(load(data), "E033")


def test_prose_in_content_beside_the_data_is_read(tmp_path):
    data = archive_with(tmp_path, {"notices/n.yml": notice(body="{zh_file: ../../content/n.zh.md}")})
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "n.zh.md").write_text("正文在 content 中。", encoding="utf-8")
    archive, diagnostics = load(data)
    assert not errors(diagnostics)
    assert archive.get("n-1").body.zh == "正文在 content 中。"


_SEGMENTS = st.sampled_from(["..", ".", "outside", "secret.md", "notices", "data", "", "content", "/", "//"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(_SEGMENTS, min_size=1, max_size=12))
def test_generated_paths_never_read_outside(tmp_path_factory, parts):
    """Any path made of these pieces either reads a file of the archive or is a located error."""
    folder = tmp_path_factory.mktemp("paths")
    secret = folder / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    name = "/".join(parts)
    data = archive_with(folder, {"notices/n.yml": notice(body=f"{{zh_file: {name!r}}}")})
    archive, diagnostics = load(data)
    record = archive.get("n-1")
    if record is not None and not errors(diagnostics):
        assert SECRET not in (record.body.zh or "")
    else:
        assert all(d.location.path.endswith("n.yml") for d in errors(diagnostics))
    assert all(SECRET not in repr(r) for r in archive)
