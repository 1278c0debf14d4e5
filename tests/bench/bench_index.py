"""The search index's own build time on a built language tree: cold (no cache), nothing changed,
one page's title edited (and edited back), in one run, with CPU time and the load average.

Usage: ``python -m tests.bench.bench_index --root SITE-SRC/<lang>/out --lang <lang> [--page REL]``
(``REL``: the HTML file to edit, relative to the root; by default the first hazard page). The
page is restored at the end; the cache is kept in a temporary folder, never the build's own.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import time
from pathlib import Path

from generators.search.index import build_index

_H1 = re.compile(r"(<h1[^>]*>)(.*?)(</h1>)", re.S)


def _timed(label: str, root: Path, lang: str, cache: Path) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    stats = build_index(root, lang, root=root, cache=cache)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    load = os.getloadavg()[0]
    print(f"{lang} {label:<22} {wall:7.2f} s wall {cpu:7.2f} s CPU  load {load:4.1f}  "
          f"({stats.documents} documents, keys {stats.keys})", flush=True)


def _first_hazard(root: Path) -> Path:
    return sorted(root.glob("hazards/HZ-*/index.html"))[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--page", type=Path)
    args = parser.parse_args()
    root = args.root
    page = root / args.page if args.page else _first_hazard(root)
    original = page.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "search-cache.pickle"
        _timed("cold", root, args.lang, cache)
        _timed("nothing changed", root, args.lang, cache)
        try:
            html = original.decode("utf-8")
            edited = _H1.sub(lambda m: m.group(1) + m.group(2) + " 改正 revised" + m.group(3), html, count=1)
            page.write_bytes(edited.encode("utf-8"))
            _timed("one title edited", root, args.lang, cache)
        finally:
            page.write_bytes(original)
        _timed("edited back", root, args.lang, cache)


if __name__ == "__main__":
    main()
