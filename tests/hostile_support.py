"""Shared by the hostile-input suite (tests/test_hostile_*.py): small archives written from the
threat, a time limit per case, and the checks every output must pass (no script in a link, no
personal number unmasked, no file content from outside the archive)."""

from __future__ import annotations

import contextlib
import json
import re
import signal
import textwrap
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from generators.diagnostics import Diagnostic
from generators.records.load import load_archive
from tests.conftest import write_archive

CASE_SECONDS = 20

NOTICE = """
type: notice
id: {id}
kind: notice
document_number: 海安委办〔2022〕{number}号
issuer: office
date: 2022-05-10
title: {{zh: {title}, en: Notice}}
addressees: {{zh: 各区镇, en: All towns}}
body: {body}
classification: {classification}
archival: {{year: 2022, retention: D30, item_number: {number}}}
"""


def notice(record_id: str = "n-1", *, number: int = 20, title: str = "关于开展隐患排查的通知",
           body: str = "{zh: 请认真开展排查。, en: Please carry out the screening.}",
           classification: str = "公开") -> str:
    return textwrap.dedent(NOTICE).format(id=record_id, number=number, title=json.dumps(title, ensure_ascii=False),
                                          body=body,
                                          classification=classification)


class CaseTimeoutError(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: int = CASE_SECONDS) -> Iterator[None]:
    """Fail the case (instead of hanging the run) when it takes longer than ``seconds``."""
    def expired(_signum, _frame):
        raise CaseTimeoutError(f"case took more than {seconds} s (a hang)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def load(data: Path) -> tuple[object, list[Diagnostic]]:
    with time_limit():
        return load_archive(data)


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.is_error]


def archive_with(folder: Path, files: dict[str, str | bytes]) -> Path:
    return write_archive(folder / "data", files)


# --- what a published HTML file may not contain -----------------------------------------------

_SAFE_URL = re.compile(r"^(?:https?:|mailto:|[^:]*$|[^:/?#]*[/?#])", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value is not None:
                # Browsers drop ASCII whitespace and control characters inside a scheme.
                url = re.sub(r"[\x00-\x20\x7f]", "", value)
                if not _SAFE_URL.match(url):
                    self.problems.append(f"<{tag} {name}={value!r}>")


def unsafe_urls(html_text: str, *, allow_tags: tuple[str, ...] = ()) -> list[str]:
    """Every event attribute and every URL attribute whose scheme is not relative, http(s) or
    mailto, after the parser decoded the entities (as the browser does)."""
    scan = _Scan()
    scan.feed(html_text)
    return [p for p in scan.problems if not any(p.startswith(f"<{t} ") for t in allow_tags)]


# --- personal numbers -----------------------------------------------------------------------

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def digit_runs(text: str) -> list[str]:
    """Runs of digits as a reader sees them: full-width digits made ASCII, and separators that
    people put inside numbers (spaces, dashes, dots, emphasis marks, tags) removed."""
    text = text.translate(_FULL_WIDTH)
    text = re.sub(r"<[^>]{0,200}>", "", text)
    text = re.sub(r"(?<=\d)[\s\-–—.*_·\u00a0\u3000]+(?=\d)", "", text)
    return re.findall(r"\d+[Xx]?", text)


def unmasked(text: str, numbers: list[str]) -> list[str]:
    """The ``numbers`` (digits only) that appear in ``text`` in full."""
    runs = digit_runs(text)
    return [n for n in numbers if any(n in run for run in runs)]
