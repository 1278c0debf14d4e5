"""``make proof``: the first pages of one document of every kind, side by side, as PNG contact
sheets in BUILD/proof/, so a person can look over every kind of printed document at once.

One sheet per kind (``<kind>.png``: the first pages of its first document) and one overview
(``all.png``: the first page of every kind), rendered from the PDFs ``make docs`` wrote.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generators.documents.catalog import documents
from generators.documents.fonts import font_set
from generators.records.load import load_archive

PAGES = 4  # first pages per kind
DPI = 40
LABEL = 28  # px of label above each page


def first_of_each_kind(data: Path) -> dict[str, str]:
    archive, _ = load_archive(data)
    chosen: dict[str, str] = {}
    for spec in documents(archive):
        if spec.kind not in chosen and not spec.classified(archive):
            chosen[spec.kind] = spec.stem
    return dict(sorted(chosen.items()))


def pages(pdf: Path, count: int, work: Path) -> list[Image.Image]:
    prefix = work / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", str(count), str(pdf), str(prefix)],
                   check=True, timeout=300)
    return [Image.open(path).convert("RGB") for path in sorted(work.glob(f"{pdf.stem}-*.png"))]


def sheet(tiles: list[tuple[str, Image.Image]], font: ImageFont.FreeTypeFont, columns: int) -> Image.Image:
    width = max(image.width for _, image in tiles) + 12
    height = max(image.height for _, image in tiles) + LABEL + 12
    rows = -(-len(tiles) // columns)
    out = Image.new("RGB", (width * min(columns, len(tiles)), height * rows), (200, 200, 200))
    draw = ImageDraw.Draw(out)
    for index, (label, image) in enumerate(tiles):
        x, y = (index % columns) * width + 6, (index // columns) * height + 6
        draw.text((x, y), label, fill=(0, 0, 0), font=font)
        out.paste(image, (x, y + LABEL))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--docs", type=Path, default=Path("build/documents"))
    parser.add_argument("--out", type=Path, default=Path("build/proof"))
    args = parser.parse_args(argv)
    hei = font_set().chosen.get("hei")
    font = ImageFont.truetype(hei.file, 18, index=hei.index) if hei else ImageFont.load_default()
    args.out.mkdir(parents=True, exist_ok=True)
    overview = []
    with tempfile.TemporaryDirectory(prefix="gw-proof-") as work:
        for kind, stem in first_of_each_kind(args.data).items():
            pdf = args.docs / f"{stem}.pdf"
            if not pdf.exists():
                print(f"proof: {pdf} is missing (run make docs)", file=sys.stderr)
                return 1
            folder = Path(work) / kind
            folder.mkdir()
            images = pages(pdf, PAGES, folder)
            tiles = [(f"{kind}  {stem}  p.{n}", image) for n, image in enumerate(images, 1)]
            sheet(tiles, font, PAGES).save(args.out / f"{kind}.png", optimize=True)
            overview.append((f"{kind}  {stem}", images[0]))
    sheet(overview, font, 5).save(args.out / "all.png", optimize=True)
    print(f"proof: {len(overview)} kinds → {args.out}/all.png and one sheet per kind")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
