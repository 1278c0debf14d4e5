"""Where a command's time goes: each stage's wall time, printed at the end when ``ARCHIVE_TIMINGS``
is set (``make site TIMINGS=1``). For finding what a rebuild spends its seconds on, and for the
build benchmark; it changes no output.

Stages nest as they run; a stage run in the site build's helper process is timed by whoever
waits for it (the wait is what the build pays).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator

_STARTED = time.monotonic()
_stages: list[tuple[str, float]] = []


def enabled() -> bool:
    return os.environ.get("ARCHIVE_TIMINGS", "") not in ("", "0")


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    started = time.monotonic()
    try:
        yield
    finally:
        _stages.append((name, time.monotonic() - started))


def report() -> str:
    """One line per stage in the order they ended, and the whole run since the process started."""
    lines = [f"  {seconds:6.2f} s  {name}" for name, seconds in _stages]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    lines.append(f"  {time.monotonic() - _STARTED:6.2f} s  in all since start (load average {load})")
    return "timings:\n" + "\n".join(lines)


def print_report() -> None:
    if enabled():
        print(report(), file=sys.stderr, flush=True)
