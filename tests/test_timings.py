"""``ARCHIVE_TIMINGS=1`` makes a command print where its time went, and nothing else changes."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT, write_archive


def _check(data, timings: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ARCHIVE_TIMINGS": timings}
    return subprocess.run([sys.executable, "-m", "generators", "check", "--data", str(data)], cwd=ROOT,
                          capture_output=True, text=True, env=env, check=False)


def test_timings_are_printed_only_when_asked(tmp_path):
    data = write_archive(tmp_path / "data", {})
    quiet, timed = _check(data, "0"), _check(data, "1")
    assert quiet.returncode == timed.returncode == 0
    assert "timings:" not in quiet.stderr
    report = timed.stderr[timed.stderr.index("timings:"):].splitlines()
    assert report[1].endswith(" s  load and check")
    assert "in all since start (load average" in report[-1]
    # Only the report is added: what the check says is the same.
    assert timed.stdout == quiet.stdout
    assert timed.stderr[:timed.stderr.index("timings:")] == quiet.stderr
