"""The built site's internal links, checked: every ``href``/``src`` of every page must reach a file
of the built tree (both languages and the printed documents), or the build fails.

MkDocs only warns about links it recognises in Markdown, and our pages are mostly HTML blocks, so
the check runs on the finished HTML instead: it sees exactly what a reader's browser will follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from generators.diagnostics import Diagnostic, Location

# Scripts and styles hold code, not links (the search runtime builds result links in JavaScript).
_CODE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_ATTR = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _blank(match: re.Match) -> str:
    # Keep line breaks so that the positions of later links stay right.
    return re.sub(r"[^\n]", " ", match.group(0))


def page_links(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, link) of every href/src attribute outside scripts and styles."""
    text = _CODE.sub(_blank, text)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    line = 0
    for match in _ATTR.finditer(text):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        position = match.start(1) if match.group(1) is not None else match.start(2)
        while line + 1 < len(starts) and starts[line + 1] <= position:
            line += 1
        yield line + 1, position - starts[line] + 1, value


def target_of(page: str, link: str) -> str | None:
    """The site-relative file ``link`` on ``page`` (a site-relative path) asks for; None when the
    link leaves the site (another scheme or host) or stays on the page (a bare fragment)."""
    import html
    import posixpath

    link = html.unescape(link).strip()
    if not link or link.startswith("#") or link.startswith("//") or _SCHEME.match(link):
        return None
    path = unquote(link.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    base = posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else path.lstrip("/")
    if joined == "." or path.endswith("/"):
        joined = posixpath.join("" if joined == "." else joined, "index.html")
    return joined


def check_links(root: Path) -> list[Diagnostic]:
    """Every broken internal link of every HTML page under ``root``, located in the page."""
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    problems: list[Diagnostic] = []
    for page in sorted(name for name in files if name.endswith(".html")):
        text = (root / page).read_text(encoding="utf-8", errors="replace")
        for line, col, link in page_links(text):
            target = target_of(page, link)
            if target is None or target in files:
                continue
            if not target.startswith("..") and f"{target}/index.html" in files:
                continue  # a folder named without its final slash: servers redirect to it
            problems.append(Diagnostic.error("E801", Location(page, line, col), link=link, target=target))
    return problems


_ROOTED = re.compile(r"""(\s(?:href|src)=")/(?!/)""")


def relativise_error_page(page: Path) -> None:
    """MkDocs writes the error page's links from the server's root ("/assets/…"), which breaks when
    the site is served under a sub-path; make them relative to the page (a new file, since the
    built one may be a hard link into the build folder)."""
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    fixed = _ROOTED.sub(r"\1./", text).replace('href="./."', 'href="./"')
    if fixed != text:
        page.unlink()
        page.write_text(fixed, encoding="utf-8")
