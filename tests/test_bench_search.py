"""The search benchmark's machine conditions (not its timings: speed is measured by the benchmark,
never asserted): BUSY=N starts N CPU-bound jobs for the timed queries and stops them after, and
the report says what ran beside the queries and the load average."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.bench.bench_search import machine, main

ROOT = Path(__file__).resolve().parents[1]


def _state(pid: int) -> str:
    """The process's state letter from /proc (R running, S sleeping, Z zombie), or '' when gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return ""


def test_busy_starts_one_cpu_bound_job_for_the_block_and_stops_it():
    with machine(1, every=0.1) as load:
        assert len(load.pids) == 1
        pid = load.pids[0]
        time.sleep(0.5)
        assert _state(pid) == "R"  # a busy loop: running, never sleeping
        cpu = float(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11])  # utime, ticks
        assert cpu > 0
    assert _state(pid) in ("", "Z")
    assert load.loads, "the load average is sampled while the block runs"
    text = load.describe()
    assert "BUSY=1" in text and "load average" in text and f"{os.cpu_count()} cores" in text


def test_default_starts_no_job():
    with machine(0, every=0.1) as load:
        assert load.pids == []
    assert "BUSY=0" in load.describe()


def test_make_and_the_command_line_take_the_option(capsys):
    dry = subprocess.run(["make", "-n", "bench-search", "N=10", "BUSY=1", "ENGINES=ours"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "--busy 1" in dry and "--engines ours" in dry
    idle = subprocess.run(["make", "-n", "bench-search", "N=10"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout
    assert "--busy 0" in idle
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert "--busy N" in capsys.readouterr().out
