"""One table of the whole build on a synthetic archive of N dossiers, beside MkDocs alone.

    make bench N=10000          (.venv/bin/python tests/bench/bench_build.py --hazards 10000)
    make bench EXAMPLE=1        (the same on a copy of the example archive, data/ and content/)

Writes the archive once into ``build/bench-<N>/data`` (``make example-data``; reused when it is
there), then times, each as its own process the way the Makefile runs it: ``check`` cold (no
record cache) and warm; ``docs`` cold (empty rendering cache) and warm; ``site`` cold (empty build
folder), with nothing changed, and after one hazard's title was edited; ``make`` with nothing
changed; and MkDocs alone building the same generated Markdown (``build/site-src/<lang>/mkdocs.yml``,
both languages at once as the site build runs them) into a folder of its own. Each row gives the
wall time, its ratio to MkDocs alone, the peak memory (the largest process, from wait4, and the
sum over the process tree, sampled), and the load average when it started: the machine may be
shared, and the ratios are what survives that. The one-edit build and a second one (the title
edited back) run with ``ARCHIVE_TIMINGS=1`` and their stages are printed under the table: where
an edit's seconds go. Without the documents
(``--no-docs``) the ``make`` row runs ``make check site``. A benchmark that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
PAGE = os.sysconf("SC_PAGE_SIZE")
EDIT_MARK = "（基准修订）"


@dataclass
class Row:
    step: str
    seconds: float
    largest_mb: float
    tree_mb: float
    load: float
    note: str = ""
    output: str = ""


def _tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and all its descendants now."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    parent = int(stat.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
    return total


def run(step: str, command: list[str], note: str = "", env: dict | None = None) -> Row:
    load = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            peak[0] = max(peak[0], _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stderr.write(output.decode("utf-8", "replace")[-4000:])
        raise SystemExit(f"bench: {step} failed ({' '.join(command)})")
    row = Row(step, seconds, usage.ru_maxrss / 1024, max(peak[0], usage.ru_maxrss * 1024) / 2**20, load, note,
              output.decode("utf-8", "replace"))
    print(f"  {step}: {seconds:.1f} s, {row.largest_mb:.0f} MB, load {load:.2f}", file=sys.stderr, flush=True)
    return row


def edit_one_hazard(data: Path) -> str:
    """Change one hazard's Chinese title (toggling a mark, so reruns keep the data small)."""
    path = sorted(data.glob("campaigns/*/hazards/*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    if EDIT_MARK in text:
        text = text.replace(EDIT_MARK, "", 1)
    else:
        text = re.sub(r"(title: \{zh: )", r"\g<1>" + EDIT_MARK, text, count=1)
    path.write_text(text, encoding="utf-8")
    return path.stem


def mkdocs_alone(build: Path, work: Path) -> list[str]:
    """A command running MkDocs alone on the generated Markdown of both languages at once, each
    into a folder of its own (the site's working trees are left alone)."""
    import yaml

    configs = []
    for lang in ("zh", "en"):
        config = yaml.safe_load((build / "site-src" / lang / "mkdocs.yml").read_text(encoding="utf-8"))
        config["site_dir"] = str(work / lang)
        path = work / f"{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs.append(path)
    both = " & ".join(f"{PYTHON} -m mkdocs build --clean -q -f {c}" for c in configs)
    return ["bash", "-c", f"{both} & wait"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hazards", type=int, default=10000, help="dossiers in the synthetic campaign")
    parser.add_argument("--no-docs", action="store_true", help="leave out the printed documents (slow cold)")
    parser.add_argument("--example", action="store_true", help="a copy of the example archive instead")
    args = parser.parse_args()
    base = ROOT / "build" / ("bench-example" if args.example else f"bench-{args.hazards}")
    data, build, site = base / "data", base / "build", base / "site"
    if args.example:  # a fresh copy each run: the edit below must not touch the example itself
        shutil.rmtree(base, ignore_errors=True)
        shutil.copytree(ROOT / "data", data)
        shutil.copytree(ROOT / "content", base / "content")
    elif not (data / "jurisdiction.yml").is_file():
        subprocess.run(["make", "example-data", f"N={args.hazards}", f"DATA={data.relative_to(ROOT)}"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(build, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    gen = [PYTHON, "-m", "generators"]
    cached_check = "--build" in subprocess.run([*gen, "check", "--help"], cwd=ROOT, capture_output=True,
                                               text=True).stdout
    check = [*gen, "check", "--data", str(data), *(["--build", str(build)] if cached_check else [])]
    docs = [*gen, "docs", "--data", str(data), "--out", str(build / "documents"), "--no-progress"]
    site_command = [*gen, "site", "--data", str(data), "--out", str(site), "--build", str(build)]
    rows = [run("check, cold", check), run("check, nothing changed", check)]
    if not args.no_docs:
        rows += [run("docs, cold", docs), run("docs, nothing changed", docs)]
    rows += [run("site, cold", site_command), run("site, nothing changed", site_command)]
    edited = edit_one_hazard(data)
    timed = dict(os.environ, ARCHIVE_TIMINGS="1")
    edit = run("site, one hazard's title edited", site_command, note=edited, env=timed)
    rows.append(edit)
    # The first build after a cold one also takes over the tree the swap set aside (see
    # site/assembly.py); an editor's next save costs what this second edit does.
    edit_one_hazard(data)
    again = run("site, the title edited back", site_command, note=edited, env=timed)
    rows.append(again)
    make = ["make", f"DATA={data}", f"BUILD={build}", f"SITE={site}"]
    if args.no_docs:
        rows.append(run("make check site, nothing changed", [*make, "check", "site"]))
    else:
        rows.append(run("make, nothing changed", make))
    alone = base / "mkdocs-alone"
    shutil.rmtree(alone, ignore_errors=True)
    alone.mkdir(parents=True)
    mkdocs = run("MkDocs alone (both languages)", mkdocs_alone(build, alone))
    shutil.rmtree(alone, ignore_errors=True)
    rows.append(mkdocs)
    pages = sum(1 for _ in (build / "site-src" / "zh" / "docs").rglob("*.md"))
    what = "The example archive" if args.example else f"Synthetic archive: {args.hazards} dossiers"
    print(table(rows, mkdocs, what, pages))
    for row in (edit, again):
        print(f"\nWhere the {row.step!r} build's {row.seconds:.1f} s went (its stages, ARCHIVE_TIMINGS=1):")
        print(row.output[row.output.find("timings:") + len("timings:\n"):].rstrip() if "timings:" in row.output
              else "  (no timings printed)")
    return 0


def table(rows: list[Row], mkdocs: Row, what: str, pages: int) -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [f"{what}, {pages} pages per language; {cores} cores; "
             f"load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
             "",
             "| step | wall s | × MkDocs alone | peak MB (largest process) | peak MB (all processes) | load at start |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row.step} | {row.seconds:.1f} | {row.seconds / mkdocs.seconds:.2f} | {row.largest_mb:.0f} "
                     f"| {row.tree_mb:.0f} | {row.load:.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
