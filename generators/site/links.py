"""The built site's internal links, checked: every ``href``/``src`` of every page must reach a file
of the built tree (both languages and the printed documents), or the build fails.

MkDocs only warns about links it recognises in Markdown, and our pages are mostly HTML blocks, so
the check runs on the finished HTML instead: it sees exactly what a reader's browser will follow.
"""

from __future__ import annotations

import hashlib
import html
import os
import pickle
import posixpath
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from urllib.parse import unquote

from generators.diagnostics import Diagnostic, Location
from generators.filesync import write_if_changed

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
    path = _path_of(link)
    if path is None:
        return None
    base = posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else path.lstrip("/")
    if joined == "." or path.endswith("/"):
        joined = posixpath.join("" if joined == "." else joined, "index.html")
    return joined


def _path_of(link: str) -> str | None:
    """The path ``link`` asks for (unescaped, without its query and fragment); None when it leaves
    the site (another scheme or host) or stays on the page (a bare fragment)."""
    link = html.unescape(link).strip()
    if not link or link.startswith("#") or link.startswith("//") or _SCHEME.match(link):
        return None
    return unquote(link.split("#", 1)[0].split("?", 1)[0]) or None


def check_links(root: Path, files: Mapping[str, tuple[int, int, int]] | Iterable[str] | None = None,
                cache: Path | None = None) -> list[Diagnostic]:
    """Every broken internal link of every HTML page under ``root``, located in the page.

    ``files``: the site-relative names of the files under ``root`` when the caller knows them
    (the tree is walked otherwise), with their inode, size and mtime_ns if known; ``cache``: where
    the links found in each page are kept for the next check, which reads only the pages whose
    file changed."""
    names = set(files) if files is not None else files_under(root)
    pages = sorted(name for name in names if name.endswith(".html"))
    found = _Found.load(cache)
    linked = found.refresh(root, pages, files if isinstance(files, Mapping) else None)
    if cache is not None and found.changed:
        found.save(cache)
    broken = {target for target in linked if not _exists(target, names)}
    if not broken:
        return []
    # Only pages that link a missing file are read again, by the exact code, for the diagnostics.
    ids = {found.index[target] for target in broken}
    problems: list[Diagnostic] = []
    for page in pages:
        if not ids.isdisjoint(found.pages[page][1]):
            problems += _page_problems(root, page, names)
    return problems


def files_under(root: Path) -> set[str]:
    """The site-relative names of the files under ``root``."""
    found = set()
    for folder, _, names in os.walk(root):
        prefix = os.path.relpath(folder, root).replace(os.sep, "/") + "/"
        found.update(name if prefix == "./" else prefix + name for name in names)
    return found


def _exists(target: str, files: set[str]) -> bool:
    # A folder named without its final slash: servers redirect to it.
    return target in files or (not target.startswith("..") and f"{target}/index.html" in files)


def _page_problems(root: Path, page: str, files: set[str]) -> list[Diagnostic]:
    problems = []
    text = (root / page).read_text(encoding="utf-8", errors="replace")
    for line, col, link in page_links(text):
        target = target_of(page, link)
        if target is not None and not _exists(target, files):
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


# --- The same check, fast and incremental ---------------------------------------------------
# At 10,000 dossiers the site has 22,000 pages (470 MB of HTML, 1.7 million links): reading them
# as text with the regexes above took half a minute, on every build. The fast path reads a page's
# bytes with equivalent byte patterns and keeps only the set of files it links (where a link is
# written matters only for a broken one: those pages are read again by the exact code above), and
# a page whose file is the one read last time (the same inode, size and time: the built trees are
# never written in place) is not read at all.
_WS = rb"[\t-\r\x1c-\x20]"  # what ``\s`` matches among ASCII characters
_CODE_BYTES = re.compile(rb"<(script|style)\b[^>]*>.*?</\1" + _WS + rb"*>", re.S)  # on lowered bytes
_HREF = re.compile(rb"href(?<=" + _WS + rb"href)" + _WS + rb"*=" + _WS + rb"""*(?:"([^"]*)"|'([^']*)')""")
_SRC = re.compile(rb"src(?<=" + _WS + rb"src)" + _WS + rb"*=" + _WS + rb"""*(?:"([^"]*)"|'([^']*)')""")
# Characters on which the byte patterns and the text patterns could disagree: whitespace beyond
# ASCII (``\s`` of a text pattern) and the letters case-insensitive matching folds onto i and s.
_ODD = re.compile(b"|".join(re.escape(chr(c).encode()) for c in range(0x80, sys.maxunicode + 1)
                            if chr(c).isspace() or c in (0x130, 0x131, 0x17F)))
_ASCII = bytes(range(0x80))
_BLANK = bytes(10 if byte == 10 else 32 for byte in range(256))  # what _blank makes of a character
_CONTINUATION = bytes(range(0x80, 0xC0))  # UTF-8's continuation bytes: one blank per character
_NESTED = re.compile(_WS + rb"(?:href|src)")


def _fast_links(data: bytes) -> set[bytes] | None:
    """The links (as bytes) of a page, the same set :func:`page_links` finds; None when the page
    holds something only the text patterns read right (then they are used)."""
    lowered = data.lower()  # ASCII letters only, positions kept
    if lowered.count(b"href") != data.count(b"href") or lowered.count(b"src") != data.count(b"src"):
        return None  # HREF, Src …: rare, read exactly
    if not data.isascii() and _ODD.search(data.translate(None, _ASCII)):
        return None
    parts, last = [], 0
    for match in _CODE_BYTES.finditer(lowered):
        if lowered[match.end(1):match.end(1) + 1] >= b"\x80":
            return None  # <script后…: no word boundary in a text pattern
        code = data[match.start():match.end()]
        if not code.isascii():
            try:
                code.decode()
            except UnicodeDecodeError:
                return None
            code = code.translate(None, _CONTINUATION)
        parts += (data[last:match.start()], code.translate(_BLANK))
        last = match.end()
    text = b"".join(parts) + data[last:] if parts else data
    links = {a or b for a, b in _HREF.findall(text)}
    links.update(a or b for a, b in _SRC.findall(text))
    if _NESTED.search(b"\0".join(links)):
        return None  # an attribute inside a value: which one a browser reads depends on the order
    return links


def _parse(link: str) -> tuple[int | None, str, bool] | None:
    """What :func:`target_of` makes of ``link`` before it looks at the page: None (it leaves the
    site or the page), or (how many folders it climbs, None for a link from the root; the rest
    of the path, normalised; whether it names a folder)."""
    path = _path_of(link)
    if path is None:
        return None
    if path.startswith("/"):
        return None, path.lstrip("/"), path.endswith("/")
    ups, kept = 0, []
    for part in path.split("/"):  # posixpath.normpath, with the climbs above the path counted
        if part == "..":
            if kept:
                kept.pop()
            else:
                ups += 1
        elif part not in ("", "."):
            kept.append(part)
    return ups, "/".join(kept), path.endswith("/")


def _resolve(folders: list[str], parsed: tuple[int | None, str, bool]) -> str:
    """:func:`target_of` for a page in the folder ``folders`` (its path's parts) and a parsed link."""
    ups, rest, slash = parsed
    if ups is None:
        joined = rest
    else:
        kept = folders[:len(folders) - ups] if ups <= len(folders) else [".."] * (ups - len(folders))
        joined = "/".join([*kept, rest] if rest else kept) or "."
    if joined == "." or slash:
        joined = posixpath.join("" if joined == "." else joined, "index.html")
    return joined


def page_targets(page: str, data: bytes, parsed: dict[bytes, tuple | None] | None = None) -> set[str]:
    """The site-relative files a page (its path in the site and its bytes) links: the targets
    :func:`page_links` and :func:`target_of` give, found fast. ``parsed``: links already parsed."""
    links = _fast_links(data)
    if links is None:
        text = data.decode("utf-8", errors="replace")
        return {target for _, _, link in page_links(text) if (target := target_of(page, link)) is not None}
    parsed = {} if parsed is None else parsed
    folders = page.split("/")[:-1]
    targets = set()
    for link in links:
        try:
            found = parsed[link]
        except KeyError:
            found = parsed[link] = _parse(link.decode("utf-8", errors="replace"))
        if found is not None:
            targets.add(_resolve(folders, found))
    return targets


# The cache's validity: the code that found the links (this file).
_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


class _Found:
    """The files each page links, by the version of the page's file they were found in: a table
    of the targets and, per page, ((inode, size, mtime_ns), the targets' numbers in the table)."""

    def __init__(self, table: list[str] | None = None, pages: dict | None = None) -> None:
        self.index = {target: number for number, target in enumerate(table or [])}
        self.pages: dict[str, tuple[tuple[int, int, int], array]] = pages or {}
        self.changed = not pages  # differs from what the cache file holds

    @classmethod
    def load(cls, path: Path | None) -> _Found:
        try:
            with path.open("rb") as stream:  # type: ignore[union-attr]
                version, table, pages = pickle.load(stream)
        except (AttributeError, OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return cls()
        return cls(table, pages) if version == _VERSION else cls()

    def refresh(self, root: Path, pages: list[str], keys: Mapping[str, tuple[int, int, int]] | None) -> set[str]:
        """Read the pages whose file is not the one read last time (``keys``: the pages' inode,
        size and mtime_ns when known); forget the pages gone. Returns every target the pages link."""
        before, self.pages, parsed = self.pages, {}, {}
        for page in pages:
            if keys is None:
                status = os.stat(f"{root}/{page}")
                key = (status.st_ino, status.st_size, status.st_mtime_ns)
            else:
                key = keys[page]
            known = before.get(page)
            if known is not None and known[0] == key:
                self.pages[page] = known
                continue
            with open(f"{root}/{page}", "rb") as stream:
                targets = page_targets(page, stream.read(), parsed)
            self.pages[page] = key, array("I", sorted(self.index.setdefault(t, len(self.index)) for t in targets))
            self.changed = True
        self.changed |= len(before) != len(self.pages)  # pages gone
        used = set().union(*(ids for _, ids in self.pages.values()))
        if len(self.index) > 2 * len(used) + 10_000:  # targets no page links any more: renumber
            self._renumber(used)
            self.changed = True
            used = set(range(len(self.index)))
        table = list(self.index)
        return {table[number] for number in used}

    def _renumber(self, used: set[int]) -> None:
        table = list(self.index)
        kept = sorted(used)
        number = {old: new for new, old in enumerate(kept)}
        self.index = {table[old]: new for new, old in enumerate(kept)}
        self.pages = {page: (key, array("I", sorted(number[i] for i in ids)))
                      for page, (key, ids) in self.pages.items()}

    def save(self, path: Path) -> None:
        write_if_changed(path, pickle.dumps((_VERSION, list(self.index), self.pages), protocol=pickle.HIGHEST_PROTOCOL))
