"""Import time of a ledger of N new hazards (default 1,000) into a copy of DATA, and of importing it again.

    .venv/bin/python tests/bench/bench_ledgers.py [--data data] [--rows 1000]      (make bench-ledgers)

Prints the load average with the figures: on a shared machine the wall-clock times move with it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from openpyxl import Workbook

from generators.ledgers.importer import plan_import, write_plan
from generators.records.load import load_archive

HEADER = ["序号", "隐患名称", "所在区镇", "行业领域", "责任单位", "统一社会信用代码", "单位地址", "隐患等级",
          "发现日期", "整改期限", "发现来源", "检查人", "隐患描述", "隐患类别", "编号"]
TOWNS = ["常乐", "三星镇", "悦来镇", "海门街道"]
DOMAINS = ["危险化学品", "消防", "道路运输", "城市建设"]


def ledger(path: Path, rows: int) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["隐患排查整治台账（基准测试）"])
    sheet.append(HEADER)
    for n in range(rows):
        sheet.append([n + 1, f"南通基准{n:04d}有限公司：消防通道堵塞", TOWNS[n % 4], DOMAINS[n % 4],
                      f"南通基准{n:04d}有限公司 ", f"91320684MA{n:07d}X", f"测试路{n}号", "一般隐患",
                      44562 + n % 365, f"2023/{1 + n % 12}/15", "部门检查", "执法人员张某",
                      "消防通道被货物占用。", "物的不安全状态", None])
    book.save(path)


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"  {label:<34} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory(prefix="bench-ledgers-") as work:
        root = Path(work)
        shutil.copytree(args.data, root / "data")
        content = args.data.resolve().parent / "content"
        if content.is_dir():
            shutil.copytree(content, root / "content")
        book = root / "ledger.xlsx"
        ledger(book, args.rows)
        print(f"ledger of {args.rows} new hazards ({book.stat().st_size // 1024} KB):")
        archive, _ = timed("load the archive", lambda: load_archive(root / "data"))
        plan = timed("read + plan the import", lambda: plan_import(archive, book, "zz2020"))
        if plan.failed:
            print("\n".join(d.format() for d in plan.diagnostics if d.is_error)[:2000])
            return 1
        written = timed("write the files", lambda: write_plan(plan))
        print(f"  {len(written)} files written")
        archive, _ = timed("load the archive again", lambda: load_archive(root / "data"))
        again = timed("import the same ledger again", lambda: plan_import(archive, book, "zz2020"))
        print(f"  second import: {len(again.changed_files())} files to change")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
