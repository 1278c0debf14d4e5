"""“Did you mean”: the words of the index's own pages, for a query that found nothing.

``files(texts)`` gives the index's ``s/<n>.json`` (FNV-1a of the entry key modulo FILES):
``{entry key: [word, …]}``, words by falling frequency. The browser (search.js, suggest) reads
two entries per query term:

- Chinese: a suggestion has the term's length and differs in one character, so it shares the
  first character or (when that is the one that differs) the second: entries ``0<n><first>``
  and ``1<n><second>``. Words come from jieba's segmentation of the pages (deduplicated lines)
  and every pair of adjacent words (防火 + 分隔: compounds people type whole), 2–8 characters.
- English: a suggestion is within edit distance 2 (1 for short words) and shares the first or
  the second letter: entries ``a<first>`` and ``b<second>``. Words of three or more letters.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from collections import Counter

from generators.search import tokens

FILES = 512  # search.js has the same number
MAX_WORDS = 60000
_HAN_WORD = re.compile(f"[{tokens.HAN}]{{2,8}}")
_ENGLISH = re.compile("[a-z]{3,}")


def _lines(texts: list[str]) -> list[str]:
    """Each distinct line once: dossiers repeat their labels and boilerplate."""
    return sorted({line for text in texts for line in text.split("\n") if line.strip()})


def chinese_words(texts: list[str], memo: dict[str, list[str]] | None = None) -> Counter:
    """The words of every line; ``memo`` (line → its words) keeps the segmentation of the lines
    seen before, so a rebuild segments only new lines (and is left holding only these lines)."""
    before = memo.copy() if memo is not None else {}
    if memo is not None:
        memo.clear()
    counts: Counter = Counter()
    for line in _lines(texts):
        found = before.get(line)
        if found is None:
            found = _line_words(line)
        if memo is not None:
            memo[line] = found
        counts.update(found)
    return counts


def _line_words(line: str) -> list[str]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    found: list[str] = []
    for run in tokens.runs(line):
        if not run.han or len(run.text) < 2:
            continue
        words = list(jieba.cut(run.text, HMM=False))
        found += [w for w in words if _HAN_WORD.fullmatch(w)]
        found += [a + b for a, b in itertools.pairwise(words) if _HAN_WORD.fullmatch(a + b)]
    return found


def english_words(texts: list[str]) -> Counter:
    counts: Counter = Counter()
    for line in _lines(texts):
        counts.update(run.text for run in tokens.runs(line) if not run.han and _ENGLISH.fullmatch(run.text))
    return counts


def entries(counts: Counter, han: bool) -> dict[str, list[str]]:
    words = sorted(counts, key=lambda w: (-counts[w], w))[:MAX_WORDS]
    out: dict[str, list[str]] = {}
    for word in words:
        keys = (f"0{len(word)}{word[0]}", f"1{len(word)}{word[1]}") if han else (f"a{word[0]}", f"b{word[1]}")
        for key in keys:
            out.setdefault(key, []).append(word)
    return out


def files(texts: list[str], memo: dict[str, list[str]] | None = None) -> list[tuple[str, bytes]]:
    """The suggestion files (name under the index folder, bytes) for these page texts
    (``memo``: see :func:`chinese_words`)."""
    from generators.search.index import fnv1a  # index.py calls this module

    groups = {**entries(chinese_words(texts, memo), True), **entries(english_words(texts), False)}
    shards: list[dict[str, list[str]]] = [{} for _ in range(FILES)]
    for key in sorted(groups):
        shards[fnv1a(key) % FILES][key] = groups[key]
    return [(f"s/{n}.json", json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            for n, content in enumerate(shards) if content]
