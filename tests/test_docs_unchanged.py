"""`make docs` with nothing changed since its last run does nothing (not even load the archive),
and runs again when a data file, or the output folder, was changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import write_archive

ROOT = Path(__file__).resolve().parents[1]


def _docs(data: Path, out: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "generators", "docs", "--data", str(data), "--out", str(out),
                             "--no-progress"], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL="C.UTF-8"), check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_second_run_with_nothing_changed_does_nothing(tmp_path: Path) -> None:
    data, out = write_archive(tmp_path / "data", {}), tmp_path / "build" / "documents"
    assert "rendered" in _docs(data, out)
    assert "unchanged" in _docs(data, out)

    with (data / "domains.yml").open("a", encoding="utf-8") as stream:
        stream.write("# edited\n")
    assert "rendered" in _docs(data, out), "a data file changed: the documents must be made again"
    assert "unchanged" in _docs(data, out)

    (out / "manifest.json").unlink()  # an output removed by hand
    assert "rendered" in _docs(data, out)
    assert (out / "manifest.json").is_file()
