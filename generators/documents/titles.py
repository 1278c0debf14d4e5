"""Titles broken by sense (GB/T 9704-2012 7.3.3: 回行时要做到词意完整，排列对称，长短适宜，间距恰当).

A long title is cut only between words (jieba's segmentation), never inside a number or a year
range such as （2020—2022年）, a name in 《》 or 〔〕, or a place name with its 区/镇/街道; closing
punctuation stays at the end of its line and opening punctuation at the start of the next. Of the
cuts that give the fewest lines, the one with the most even lines wins (the standard's trapezoid or
diamond); on a tie, the upper lines are the longer ones.
"""

from __future__ import annotations

import logging
import math
import re
from functools import lru_cache

CLOSING = "，。、；：？！）》」』”’〕】"
OPENING = "（《「『“‘〔【"
# Runs that are one unit whatever the segmenter says: a bracketed name or number, digits with
# their dashes and 年/月/日/号, and a place name with its administrative suffix.
UNITS = re.compile(
    r"《[^》]{0,30}》|〔[^〕]{0,10}〕|（[^（）]{0,14}）|[0-9０-９]+(?:[—–\-~～至][0-9０-９]+)*[年月日号届期批]?"
)
PLACE_SUFFIX = ("省", "市", "区", "县", "镇", "乡", "街道", "村", "社区", "园区", "新区", "开发区")


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" chatter in make docs
    return jieba


def words(title: str) -> list[str]:
    """The title's segmentation (jieba, no HMM: the same words on every run and machine)."""
    return list(_jieba().cut(title, HMM=False))


def boundaries(title: str) -> set[int]:
    """Offsets where a line may end: between words, outside every unit."""
    cuts, offset = set(), 0
    for word in words(title):
        offset += len(word)
        cuts.add(offset)
    tokens = words(title)
    offset = 0
    for index, word in enumerate(tokens[:-1]):
        offset += len(word)
        following = tokens[index + 1]
        if following in PLACE_SUFFIX or any(following.startswith(s) for s in ("街道",)):
            cuts.discard(offset)  # 海门 | 区
    for match in UNITS.finditer(title):
        cuts -= set(range(match.start() + 1, match.end()))
    for position in list(cuts):
        if position < len(title) and title[position] in CLOSING:
            cuts.discard(position)  # a closing mark never starts a line
        if position > 0 and title[position - 1] in OPENING:
            cuts.discard(position)  # an opening mark never ends a line
    cuts.discard(len(title))
    return {c for c in cuts if 0 < c < len(title)}


def title_lines(title: str, per_line: int) -> list[str]:
    """The title in as few lines of at most ``per_line`` characters as its words allow, as even
    as possible (upper lines the longer on a tie)."""
    if len(title) <= per_line:
        return [title]
    cuts = sorted(boundaries(title))
    for count in range(math.ceil(len(title) / per_line), len(title) + 1):
        best = _best(title, cuts, count, per_line)
        if best is not None:
            return [title[a:b] for a, b in zip([0, *best], [*best, len(title)], strict=True)]
    return [title]


def _best(title: str, cuts: list[int], count: int, per_line: int) -> list[int] | None:
    """The cut positions (count - 1 of them) with the most even lines, or None."""
    mean = len(title) / count
    best: tuple[tuple[float, tuple[int, ...]], list[int]] | None = None

    def walk(start: int, chosen: list[int]) -> None:
        nonlocal best
        if len(chosen) == count - 1:
            lengths = [b - a for a, b in zip([0, *chosen], [*chosen, len(title)], strict=True)]
            if max(lengths) > per_line:
                return
            score = (sum((n - mean) ** 2 for n in lengths), tuple(-n for n in lengths))
            if best is None or score < best[0]:
                best = (score, list(chosen))
            return
        for cut in cuts:
            if cut > start and cut - start <= per_line:
                walk(cut, [*chosen, cut])

    walk(0, [])
    return best[1] if best else None
