"""The one date a build may depend on: the commit's, never the wall clock.

Builds of the same commit must be byte-identical, so "today" (for stage states such as
"due" or "overdue", and for footers) is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds
convention), else the date of the last commit of the repository holding DATA, else — outside
git — the current date, which is then said to be so.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from generators import git

CHINA = dt.timezone(dt.timedelta(hours=8))


def build_timestamp(data_dir: Path) -> tuple[dt.datetime, str]:
    """(moment in China Standard Time, where it came from)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), CHINA), "SOURCE_DATE_EPOCH"
    out = (git.output(data_dir, "log", "-1", "--format=%ct", "--", ".", timeout=30) or "").strip()
    if out:
        return dt.datetime.fromtimestamp(int(out), CHINA), "git"
    return dt.datetime.now(CHINA), "clock"


def build_date(data_dir: Path) -> dt.date:
    return build_timestamp(data_dir)[0].date()
