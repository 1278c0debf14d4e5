"""What people type into ledger cells, read forgivingly into the archive's values.

Dates: Excel serial numbers, date cells, 2022-07-23, 2022/7/23, 2022.7.23, 2022年7月23日, 20220723;
full-width digits and punctuation are folded (NFKC) wherever a value is not free text;
leading and trailing spaces (also the full-width space) are dropped; 是/否 answers yes/no
questions; organisations and domains are found by their Chinese name, short name, ID, or the
name without its 镇/街道 ending (常乐 → 常乐镇). Each reader returns (value, None) or
(None, (code, params)) so the caller places the problem at its cell.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from typing import Any

Problem = tuple[str, dict[str, object]]

EXCEL_EPOCH = dt.date(1899, 12, 30)   # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug before March 1900)
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
YES = {"是", "y", "yes", "true", "√", "✓", "1", "有"}
NO = {"否", "n", "no", "false", "×", "✗", "0", "无"}


def text(value: Any) -> str:
    """A cell as text: trimmed, line breaks as \\n, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    result = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return result.strip(" \t\n\u3000\u00a0")


def folded(value: Any) -> str:
    """A cell as a code: full-width forms folded, no spaces at all."""
    return "".join(unicodedata.normalize("NFKC", text(value)).split())


@functools.lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    """``folded`` for the archive's own names, which every row compares with again."""
    return folded(name)


def date(value: Any) -> tuple[dt.date | None, Problem | None]:
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:   # Excel's range, 1900-01-01 … 9999-12-31
            return EXCEL_EPOCH + dt.timedelta(days=int(value)), None
        return None, ("E920", {"value": text(value)})
    typed = folded(value)
    match = _DATE.match(unicodedata.normalize("NFKC", text(value))) or _COMPACT.match(typed)
    if not match:
        return None, ("E920", {"value": text(value)})
    try:
        return dt.date(*(int(part) for part in match.groups())), None
    except ValueError:
        return None, ("E921", {"value": text(value)})


def yes_no(value: Any) -> bool | None:
    word = folded(value).lower()
    return True if word in YES else False if word in NO else None


def term(value: Any, terms: dict[str, str], choices: list[str]) -> tuple[str | None, Problem | None]:
    """A vocabulary key from its key or Chinese label (``terms`` maps both, folded, to the key)."""
    typed = folded(value)
    if typed in terms:
        return terms[typed], None
    return None, ("E922", {"value": text(value), "suggestion": suggest(typed, choices), "choices": "、".join(choices)})


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.4)
    return close[0] if close else ""


def find_name(value: Any, names: dict[str, list[str]], what: str) -> tuple[str | None, Problem | None]:
    """The ID whose names (``names``: ID → [Chinese name, short name, ID]) match ``value``:
    exactly, else the one whose name starts with it (常乐 → 常乐镇). None or several: a problem."""
    typed = folded(value)
    exact = [rid for rid, options in names.items() if typed in {_fold(o) for o in options}]
    if len(exact) == 1:
        return exact[0], None
    partial = exact or [rid for rid, options in names.items() if any(_fold(o).startswith(typed) for o in options[:2])]
    display = {rid: options[0] for rid, options in names.items()}
    if len(partial) == 1 and len(typed) >= 2:
        return partial[0], None
    if len(partial) > 1:
        return None, ("E924", {"value": text(value), "what": what,
                               "matches": "、".join(sorted(display[rid] for rid in partial))})
    return None, ("E923", {"value": text(value), "what": what,
                           "suggestion": suggest(typed, list(display.values())),
                           "choices": "、".join(display.values())})
