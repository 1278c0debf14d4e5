"""Documents per second for an archive, cold (empty cache) and warm (nothing changed).

    .venv/bin/python tests/bench/bench_docs.py --data data      (make bench-docs)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generators.documents.build import build
from generators.records.load import load_archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    archive, _ = load_archive(args.data)
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as work:
        out, cache = Path(work) / "documents", Path(work) / "cache"
        for label in ("cold", "warm"):
            start = time.perf_counter()
            result = build(archive, out, cache, jobs=args.jobs, progress=label == "cold")
            seconds = time.perf_counter() - start
            if any(d.is_error for d in result.diagnostics):
                print("\n".join(d.format() for d in result.diagnostics), file=sys.stderr)
                return 1
            print(f"{label}: {result.documents} documents ({result.rendered} rendered) in {seconds:.1f} s "
                  f"= {result.documents / seconds:.1f} documents/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
