"""“Did you mean”: the words of the index's own pages, for a query that found nothing.

``Vocabulary.of(texts).files()`` gives the index's ``s/<n>.json`` (FNV-1a of the entry key
modulo FILES): ``{entry key: [word, …]}``, words by falling frequency. The browser (search.js, suggest) reads
two entries per query term:

- Chinese: a suggestion has the term's length and differs in one character, so it shares the
  first character or (when that is the one that differs) the second: entries ``0<n><first>``
  and ``1<n><second>``. Words come from jieba's segmentation of the pages (deduplicated lines)
  and every pair of adjacent words (防火 + 分隔: compounds people type whole), 2–8 characters.
- English: a suggestion is within edit distance 2 (1 for short words) and shares the first or
  the second letter: entries ``a<first>`` and ``b<second>``. Words of three or more letters.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Callable

from generators.search import tokens
from generators.search.segment import Segmenter, jieba_cut

FILES = 512  # search.js has the same number
MAX_WORDS = 60000
_HAN_WORD = re.compile(f"[{tokens.HAN}]{{2,8}}")
_ENGLISH = re.compile("[a-z]{3,}")


def _lines(texts: list[str]) -> list[str]:
    """Each distinct line once: dossiers repeat their labels and boilerplate."""
    return sorted({line for text in texts for line in text.split("\n") if line.strip()})


def page_lines(text: str) -> set[str]:
    """A page's distinct lines that hold anything."""
    return {line for line in text.split("\n") if line.strip()}


def chinese_words(texts: list[str]) -> Counter:
    """The words of every distinct line."""
    return Counter(word for line in _lines(texts) for word in _line_words(line))


class Vocabulary:
    """The words of a set of pages, kept between builds so that changing a few pages counts only
    their lines again: each distinct line (by a 64-bit digest: loads many times faster than the
    text) with the number of pages that hold it and its Chinese words (jieba runs only on lines
    never seen), and the Chinese and English word counts over the distinct lines — what
    :func:`files` derives from the texts."""

    def __init__(self) -> None:
        self.refs: dict[int, int] = {}
        self.memo: dict[int, tuple[str, ...]] = {}
        self.han: Counter = Counter()
        self.english: Counter = Counter()

    @classmethod
    def of(cls, texts: list[str], before: Vocabulary | None = None, cut: Segmenter | None = None) -> Vocabulary:
        """The vocabulary of these page texts (``before``: one whose lines need no segmenting;
        ``cut``: how new lines are segmented)."""
        cut = cut or Segmenter(None)
        vocabulary, known = cls(), before.memo if before is not None else {}
        lines = Counter(line for text in texts for line in page_lines(text))
        for line, count in lines.items():
            digest = line_digest(line)
            vocabulary.refs[digest] = count
            found = known.get(digest)
            vocabulary.memo[digest] = _interned(_line_words(line, cut)) if found is None else found
        vocabulary.han = Counter(word for words in vocabulary.memo.values() for word in words)
        vocabulary.english = english_words(list(lines))
        return vocabulary

    def change(self, gone: set[str], new: set[str], cut: Segmenter) -> None:
        """One page's lines ``gone`` replaced by ``new`` (each the page's distinct lines)."""
        for line in gone - new:
            digest = line_digest(line)
            left = self.refs[digest] - 1
            if left:
                self.refs[digest] = left
                continue
            del self.refs[digest]
            _subtract(self.han, self.memo.pop(digest))
            _subtract(self.english, _english_of(line))
        for line in new - gone:
            digest = line_digest(line)
            if digest in self.refs:
                self.refs[digest] += 1
                continue
            self.refs[digest] = 1
            self.memo[digest] = found = _interned(_line_words(line, cut))
            self.han.update(found)
            self.english.update(_english_of(line))

    def files(self) -> list[tuple[str, bytes]]:
        return _shards({**entries(self.han, True), **entries(self.english, False)})


def line_digest(line: str) -> int:
    return int.from_bytes(hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest(), "little")


def _interned(words: list[str]) -> tuple[str, ...]:
    """One string object per word: the pickled memo holds each word once."""
    return tuple(sys.intern(word) for word in words)


def _subtract(counts: Counter, words: tuple[str, ...] | list[str]) -> None:
    """Take these words out of ``counts``, leaving no word counted zero times."""
    for word in words:
        left = counts[word] - 1
        if left:
            counts[word] = left
        else:
            del counts[word]


def _line_words(line: str, cut: Callable[[str], list[str]] = jieba_cut) -> list[str]:
    found: list[str] = []
    for run in tokens.runs(line):
        if not run.han or len(run.text) < 2:
            continue
        words = cut(run.text)
        found += [w for w in words if _HAN_WORD.fullmatch(w)]
        found += [a + b for a, b in itertools.pairwise(words) if _HAN_WORD.fullmatch(a + b)]
    return found


def english_words(texts: list[str]) -> Counter:
    counts: Counter = Counter()
    for line in _lines(texts):
        counts.update(_english_of(line))
    return counts


def _english_of(line: str) -> list[str]:
    return [run.text for run in tokens.runs(line) if not run.han and _ENGLISH.fullmatch(run.text)]


def entries(counts: Counter, han: bool) -> dict[str, list[str]]:
    words = sorted(counts, key=lambda w: (-counts[w], w))[:MAX_WORDS]
    out: dict[str, list[str]] = {}
    for word in words:
        keys = (f"0{len(word)}{word[0]}", f"1{len(word)}{word[1]}") if han else (f"a{word[0]}", f"b{word[1]}")
        for key in keys:
            out.setdefault(key, []).append(word)
    return out


def _shards(groups: dict[str, list[str]]) -> list[tuple[str, bytes]]:
    from generators.search.index import fnv1a  # index.py calls this module

    shards: list[dict[str, list[str]]] = [{} for _ in range(FILES)]
    for key in sorted(groups):
        shards[fnv1a(key) % FILES][key] = groups[key]
    return [(f"s/{n}.json", json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            for n, content in enumerate(shards) if content]
