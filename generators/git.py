"""The one way the build runs git: one environment, one set of settings, one decoding.

A person's git configuration and environment must not change what the build reads: no pager, the
C locale, paths unquoted, no signatures in the log, UTF-8 messages, and no GIT_DIR/GIT_WORK_TREE/
GIT_INDEX_FILE inherited from a hook or a calling git (they would point every command at another
repository). Read-only commands take no optional locks, so a build never blocks a person's git.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

_SETTINGS = ("-c", "core.quotepath=off", "-c", "log.showSignature=false", "-c", "i18n.logOutputEncoding=UTF-8")


def run(cwd: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``git args…`` in ``cwd``; raises OSError when git cannot be started, TimeoutExpired when it hangs."""
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    result = subprocess.run(["git", *_SETTINGS, *args], cwd=cwd, env=env, capture_output=True, timeout=timeout)
    return subprocess.CompletedProcess(result.args, result.returncode, _text(result.stdout), _text(result.stderr))


def output(cwd: Path, *args: str, timeout: float = 600) -> str | None:
    """What ``git args…`` prints, or None when it fails (no git, no repository, an error)."""
    try:
        result = run(cwd, *args, timeout=timeout)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
