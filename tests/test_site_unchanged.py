"""`make site` with nothing changed since the run that made the site in place does nothing (not
even load the archive) and says what that run said; it builds again when a data file, the printed
documents or the site folder changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import write_archive

ROOT = Path(__file__).resolve().parents[1]


def _site(data: Path, out: Path, build: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "generators", "site", "--data", str(data), "--out", str(out),
                             "--build", str(build)], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL="C.UTF-8", ARCHIVE_LANG="en"), check=False)
    assert result.returncode == 0, result.stderr
    return result


def test_second_run_with_nothing_changed_does_nothing(tmp_path: Path) -> None:
    # A notice with a change note but no earlier version: the check warns (W402), and the skipped
    # run must say so too.
    data = write_archive(tmp_path / "data", {"notices/n-1.yml": """
        type: notice
        id: n-1
        kind: circular
        document_number: 海安委办〔2022〕20号
        issuer: office
        date: 2022-05-28
        title: {zh: 关于第一季度评估进展的通报, en: Circular on the first quarter}
        addressees: {zh: 各区镇, en: The towns}
        body: {zh: 正文。, en: Text.}
        change_note: {zh: 补充附件。, en: Added an attachment.}
        archival: {year: 2022, retention: D30, item_number: 23}
    """})
    out, build = tmp_path / "site", tmp_path / "build"
    first = _site(data, out, build)
    assert "site built" in first.stdout
    assert "warning[W402]" in first.stderr
    again = _site(data, out, build)
    assert "site unchanged" in again.stdout
    assert again.stderr == first.stderr, "the skipped run says what the check said"

    with (data / "domains.yml").open("a", encoding="utf-8") as stream:
        stream.write("# edited\n")
    assert "site built" in _site(data, out, build).stdout, "a data file changed: the site must be made again"
    assert "site unchanged" in _site(data, out, build).stdout

    documents = build / "documents"
    documents.mkdir(exist_ok=True)
    (documents / "manifest.json").write_text('{"documents": {}}', encoding="utf-8")
    assert "site built" in _site(data, out, build).stdout, "the printed documents changed"

    shutil.rmtree(out)  # the output removed by hand
    assert "site built" in _site(data, out, build).stdout
    assert (out / "index.html").is_file()
