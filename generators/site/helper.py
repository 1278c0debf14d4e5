"""A second process for the site build's other core: forked, so it has the loaded archive without
copying it, and running one call at a time.

Not a ProcessPoolExecutor: on Ctrl-C its worker prints a traceback and, while busy, outlives the
build and keeps writing into the working trees after the build's lock is released. This one
ignores Ctrl-C (the build handles it) and is killed when the build stops for any reason.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from generators.machine import usable_cores


class HelperError(RuntimeError):
    """A call failed in the helper; the message carries its traceback."""


class Helper:
    def __init__(self) -> None:
        context = mp.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child,), daemon=True)
        self._process.start()
        child.close()
        self._waiting = 0

    def submit(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Pending:
        self._conn.send((function, args, kwargs))
        return Pending(self)

    def _receive(self) -> Any:
        ok, value = self._conn.recv()
        if not ok:
            raise HelperError(value)
        return value

    def close(self) -> None:
        """Stop the helper (at once: whatever it was doing is abandoned)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._conn.close()


class Pending:
    """A call's result, received in the order the calls were submitted."""

    def __init__(self, helper: Helper) -> None:
        self._helper = helper

    def result(self) -> Any:
        return self._helper._receive()


def start() -> Helper | None:
    """A helper, or None on one core or where forking is unsafe: with other threads running (a
    server or watcher in the same process), a lock one of them holds would stay locked in the child.
    ``make serve`` builds in a process of its own, so it has a helper."""
    if usable_cores() < 2 or threading.active_count() > 1 or "fork" not in mp.get_all_start_methods():
        return None
    return Helper()


def _die_with_parent() -> None:
    """Linux: killed when the build dies without its cleanup (SIGTERM, SIGKILL), so that nothing
    goes on writing into the working trees. Elsewhere the helper ends at its next call."""
    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG


def _serve(conn: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build stops on Ctrl-C, and then kills this
    _die_with_parent()
    while True:
        try:
            function, args, kwargs = conn.recv()
        except EOFError:
            return
        try:
            conn.send((True, function(*args, **kwargs)))
        except Exception:
            conn.send((False, traceback.format_exc()))
