"""Turning text into index keys — the one definition shared by the indexer and (mirrored
line by line) by ``theme/search/search.js``.

Why not words: Chinese has no spaces, and any word segmenter (jieba, Intl.Segmenter) cuts
the same text differently at index and at query time, so sub-words inside compounds are
lost (通道 in 消防通道). Overlapping character bigrams find every sub-word of two or more
characters. To avoid the classic bigram false match (all bigrams present but apart), the
index also holds every *adjacent pair* of tokens (for Han text: character trigrams); a
query term of several tokens must match all its adjacent pairs.

The token stream of a text, with positions:
- a run of Han characters of length n >= 2 gives n-1 bigrams at consecutive positions;
  a run of length 1 gives that single character;
- a run of Latin letters/digits gives one lowercased word;
- besides the stream, the first and last character of each Han run (n >= 2) are
  "edge unigrams" at the first/last bigram's position, so a query like ``17号`` matches
  ``17号文件`` (the query's run 号 is only one character long).
Text is NFKC-folded and lowercased first (full-width letters and digits become ASCII).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
LATIN = "0-9a-z\u00c0-\u024f"
_RUN = re.compile(f"([{HAN}]+)|([{LATIN}]+)")

# Brackets people type in document numbers: 〔2022〕, [2022], 【2022】, （2022）, (2022).
_OPEN = "〔【[(（［"
_CLOSE = "〕】])）］"
_BRACKETS = str.maketrans({**{c: "[" for c in _OPEN}, **{c: "]" for c in _CLOSE}})
_SPACE = re.compile(r"\s+")

EXACT_PREFIX = "="


def fold(text: str) -> str:
    """NFKC + lowercase: the same letters however they were typed (full-width, upper case)."""
    return unicodedata.normalize("NFKC", text).lower()


def exact_key(value: str) -> str:
    """Key of an exact ID or document number: folded, no spaces, one kind of bracket."""
    return EXACT_PREFIX + _SPACE.sub("", fold(value).translate(_BRACKETS))


@dataclass(frozen=True)
class Run:
    text: str
    han: bool


def runs(text: str) -> list[Run]:
    return [Run(m.group(0), m.group(1) is not None) for m in _RUN.finditer(fold(text))]


def _pair(a: str, b: str, same_run: bool) -> str:
    # Two bigrams of one Han run overlap by a character: their pair is the trigram.
    return a + b[1] if same_run else a + " " + b


def _run_tokens(run: Run) -> tuple[list[str], str | None, str | None]:
    """The run's stream tokens and its edge unigrams (None where the stream has them)."""
    if not run.han:
        return [run.text], None, None
    if len(run.text) == 1:
        return [run.text], None, None
    grams = [run.text[i : i + 2] for i in range(len(run.text) - 1)]
    return grams, run.text[0], run.text[-1]


def keys(text: str) -> set[str]:
    """Every index key of a text: stream tokens, edge unigrams, adjacent pairs."""
    out: set[str] = set()
    prev_last: list[str] = []  # tokens that may stand just before the next run
    for run in runs(text):
        tokens, first_uni, last_uni = _run_tokens(run)
        out.update(tokens)
        for i in range(len(tokens) - 1):
            out.add(_pair(tokens[i], tokens[i + 1], run.han))
        starts = [tokens[0]] + ([first_uni] if first_uni else [])
        if first_uni:
            out.add(first_uni)
        if last_uni:
            out.add(last_uni)
        for a in prev_last:
            for b in starts:
                out.add(a + " " + b)
        prev_last = [tokens[-1]] + ([last_uni] if last_uni else [])
    return out


def query_keys(term: str) -> list[str]:
    """Keys a document must hold to contain the query term (a whitespace-free string).

    One token: the token itself. Several: each adjacent pair, where a Han run of one
    character in the query is an edge unigram in the document.
    """
    stream: list[tuple[str, int, bool]] = []  # token, run number, is a Han bigram
    for number, run in enumerate(runs(term)):
        tokens, _, _ = _run_tokens(run)
        bigram = run.han and len(run.text) > 1
        stream.extend((t, number, bigram) for t in tokens)
    if len(stream) <= 1:
        return [t for t, _, _ in stream]
    out = []
    for (a, run_a, _), (b, run_b, _) in itertools.pairwise(stream):
        out.append(_pair(a, b, run_a == run_b))
    return sorted(set(out))


def query_terms(query: str) -> list[str]:
    """The query's terms (split at whitespace) that can be searched; each must match."""
    return [t for t in _SPACE.split(query.strip()) if t and searchable(t)]


def searchable(term: str) -> bool:
    """A term of one Han character alone is not searchable (it would need unigram postings
    for every character of every page); anything with a Latin/digit token or two Han
    characters is."""
    found = runs(term)
    return bool(found) and not (len(found) == 1 and found[0].han and len(found[0].text) == 1)
