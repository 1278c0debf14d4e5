"""Prose and data files stay inside the archive: a record cannot make the build read (and publish)
a file of the build machine, nor hang it on a FIFO or fill its memory from /dev/zero."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile_support import archive_with, errors, load, notice

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
