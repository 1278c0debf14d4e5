"""jieba's segmentation without its HMM (``jieba.cut(text, HMM=False)``) for the few lines an
index update meets for the first time, answered from a copy of jieba's word frequencies kept
beside the index cache.

Why not jieba itself: importing it takes 0.2 s and loading its 500,000-word dictionary another
0.6–0.9 s — ten times what the rest of an update costs for one edited title. The copy
(:func:`save`) is written once, after a build that used jieba, as shards by first character
loaded only when a line needs them; :func:`cut` runs jieba's own algorithm (its DAG of
dictionary words, the route of greatest probability, its blocks of Han and other characters)
over it, so the words are jieba's (tested against it).
"""

from __future__ import annotations

import importlib.util
import logging
import pickle
import re
from math import log
from pathlib import Path

from generators.filesync import write_if_changed

SHARDS = 512
# jieba's own patterns (jieba/__init__.py: re_han_default, re_skip_default, re_eng).
_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]")


def _dictionary_key() -> tuple:
    """jieba's dictionary as installed (path, size, time): a copy of another one is not used."""
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "dict.txt"
    status = path.stat()
    return str(path), status.st_size, status.st_mtime_ns


class Dictionary:
    """jieba's word frequencies (prefixes of words at 0, as in its FREQ), read shard by shard."""

    def __init__(self, total: int, shards: list[bytes]) -> None:
        self.total = total
        self.log_total = log(total)
        self._shards = shards
        self._loaded: dict[int, dict[str, int]] = {}

    def get(self, fragment: str) -> int | None:
        shard = ord(fragment[0]) % SHARDS
        words = self._loaded.get(shard)
        if words is None:
            words = self._loaded[shard] = pickle.loads(self._shards[shard])
        return words.get(fragment)

    @classmethod
    def load(cls, path: Path) -> Dictionary | None:
        """The copy at ``path``, or None when there is none of the installed dictionary."""
        try:
            key, total, shards = pickle.loads(path.read_bytes())
            if key != _dictionary_key():
                return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None
        return cls(total, shards)


def save(path: Path) -> None:
    """Copy the dictionary of jieba's default tokenizer (initialised) to ``path``."""
    import jieba

    shards: list[dict[str, int]] = [{} for _ in range(SHARDS)]
    for word, count in jieba.dt.FREQ.items():
        shards[ord(word[0]) % SHARDS][word] = count
    blobs = [pickle.dumps(shard, pickle.HIGHEST_PROTOCOL) for shard in shards]
    write_if_changed(path, pickle.dumps((_dictionary_key(), jieba.dt.total, blobs), pickle.HIGHEST_PROTOCOL))


class Segmenter:
    """Cuts text as ``jieba.cut(text, HMM=False)`` does: with the dictionary's copy at ``copy``
    when there is one (loaded at the first text), else with jieba; :meth:`keep` then writes the
    copy for the next builds."""

    def __init__(self, copy: Path | None) -> None:
        self.copy = copy
        self.words: Dictionary | None = None
        self.used_jieba = False

    def __call__(self, text: str) -> list[str]:
        if self.words is None and not self.used_jieba and self.copy is not None:
            self.words = Dictionary.load(self.copy)
        if self.words is not None:
            return cut(text, self.words)
        self.used_jieba = True
        return jieba_cut(text)

    def keep(self) -> None:
        if self.used_jieba and self.copy is not None:
            save(self.copy)


def jieba_cut(text: str) -> list[str]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return list(jieba.cut(text, HMM=False))


def cut(text: str, words: Dictionary) -> list[str]:
    """``list(jieba.cut(text, HMM=False))`` with ``words`` as its dictionary."""
    out: list[str] = []
    for block in _HAN.split(text):
        if not block:
            continue
        if _HAN.match(block):
            out += _cut_block(block, words)
            continue
        for part in _SKIP.split(block):
            if _SKIP.match(part):
                out.append(part)
            else:
                out += part
    return out


def _dag(sentence: str, words: Dictionary) -> dict[int, list[int]]:
    """For each position, where the dictionary's words starting there end (jieba: get_DAG)."""
    dag, n = {}, len(sentence)
    for k in range(n):
        ends, i, fragment = [], k, sentence[k]
        while i < n:
            count = words.get(fragment)
            if count is None:
                break
            if count:
                ends.append(i)
            i += 1
            fragment = sentence[k:i + 1]
        dag[k] = ends or [k]
    return dag


def _cut_block(sentence: str, words: Dictionary) -> list[str]:
    """jieba: calc and __cut_DAG_NO_HMM (single Latin letters and digits run together)."""
    dag, n = _dag(sentence, words), len(sentence)
    route: dict[int, tuple[float, int]] = {n: (0, 0)}
    for at in range(n - 1, -1, -1):
        route[at] = max((log(words.get(sentence[at:x + 1]) or 1) - words.log_total + route[x + 1][0], x)
                        for x in dag[at])
    out, x, latin = [], 0, ""
    while x < n:
        y = route[x][1] + 1
        word = sentence[x:y]
        if _ENG.match(word) and len(word) == 1:
            latin += word
        else:
            if latin:
                out.append(latin)
                latin = ""
            out.append(word)
        x = y
    if latin:
        out.append(latin)
    return out
