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
- a run of Latin letters/digits gives one lowercased word, English words (a-z only) by their
  Snowball (Porter2) stem, so "lifejacket" finds "lifejackets" (search.js has a port of the
  same algorithm, tested against ``snowballstemmer`` on the index's vocabulary);
- besides the stream, the first and last character of each Han run (n >= 2) are
  "edge unigrams" at the first/last bigram's position, so a query like ``17号`` matches
  ``17号文件`` (the query's run 号 is only one character long).
Text is NFKC-folded and lowercased first (full-width letters and digits become ASCII).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

import snowballstemmer

from generators.docnumbers import unify_brackets

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
LATIN = "0-9a-z\u00c0-\u024f"
_RUN = re.compile(f"([{HAN}]+)|([{LATIN}]+)")

_SPACE = re.compile(r"\s+")

EXACT_PREFIX = "="
TITLE_PREFIX = "^"  # a title's single Han characters: one character alone searches titles only
_NOT_KEY = re.compile(f"[^{HAN}{LATIN}\\[\\]]+")
_ENGLISH = re.compile("[a-z]+")
_STEMMER = snowballstemmer.stemmer("english")

# A document number as people write it, once folded, brackets unified and spaces removed:
# issuer (Han), year in brackets or before 年, number, 号, maybe 文/文件 — 海安委办〔2023〕41号,
# 海安委办2023年41号, 〔2023〕41号, 2023年41号, 海安委办41号文, 41号文.
_CITATION = re.compile(f"([{HAN}]*?)(?:\\[(\\d{{4}})\\]|(\\d{{4}})年)?0*(\\d{{1,6}})号(文件|文)?")
_YEAR = re.compile("(\\d{4})年?")


def fold(text: str) -> str:
    """NFKC + lowercase: the same letters however they were typed (full-width, upper case)."""
    return unicodedata.normalize("NFKC", text).lower()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """An English word's Snowball stem; anything else (digits, accents, IDs) as it is."""
    return _STEMMER.stemWord(word) if _ENGLISH.fullmatch(word) else word


def exact_key(value: str) -> str:
    """Key of an exact ID, document number or name: folded, one kind of bracket, nothing but
    letters, digits, Han and brackets (HZ 2021 0042, ｈｚ－２０２１－００４２ and HZ-2021-0042 are one)."""
    return EXACT_PREFIX + _NOT_KEY.sub("", unify_brackets(fold(value)))


@dataclass(frozen=True)
class Citation:
    issuer: str
    year: str
    number: str

    @property
    def key(self) -> str:
        return EXACT_PREFIX + self.issuer + (f"[{self.year}]" if self.year else "") + self.number + "号"

    @property
    def terms(self) -> list[str]:
        """What pages citing it say: the whole number in a row when the year is known, else
        the issuer (if given) and N号 (no page writes 41号文 or 海安委办41号)."""
        if self.year:
            return [f"{self.issuer}〔{self.year}〕{self.number}号"]
        return [self.issuer, f"{self.number}号"] if self.issuer else [f"{self.number}号"]


def citation(query: str) -> Citation | None:
    """The document number a query names, in any usual spelling, or None.

    A number alone must say 号文 (41号文, the spoken form); with an issuer or a year 号 is
    enough. A year may stand apart (2023 41号文)."""
    parts = _SPACE.split(unify_brackets(fold(query)).strip())
    year = ""
    if len(parts) > 1:
        years = [p for p in parts if _YEAR.fullmatch(p)]
        if len(years) == 1:
            year = _YEAR.fullmatch(years[0]).group(1)
            parts.remove(years[0])
    found = _CITATION.fullmatch(_NOT_KEY.sub("", "".join(parts)))
    if not found:
        return None
    issuer, year_b, year_n, number, wen = found.groups()
    if (year_b or year_n) and year:
        return None
    year = year_b or year_n or year
    # 41号 alone and 经二路82号 (an address) are not document numbers; 41号文 and 海安委办41号文 are.
    if not (year or wen):
        return None
    return Citation(issuer, year, number)


def citation_keys(doc_number: str) -> list[str]:
    """Keys under which a document number's own record is found: in full, without the
    issuer, without the year, and the number alone (41号文)."""
    found = citation(doc_number)
    if not found or not found.issuer or not found.year:
        return [exact_key(doc_number)]
    variants = {found, Citation("", found.year, found.number), Citation(found.issuer, "", found.number),
                Citation("", "", found.number)}
    return sorted(c.key for c in variants)


class Run(NamedTuple):  # made for every run of every page: a tuple is made many times faster
    text: str
    han: bool
    start: int = 0  # where it begins in the folded text


def runs(text: str) -> list[Run]:
    return [Run(m.group(0), m.group(1) is not None, m.start()) for m in _RUN.finditer(fold(text))]


def _pair(a: str, b: str, same_run: bool) -> str:
    # Two bigrams of one Han run overlap by a character: their pair is the trigram.
    return a + b[1] if same_run else a + " " + b


def _run_tokens(run: Run) -> tuple[list[str], str | None, str | None]:
    """The run's stream tokens and its edge unigrams (None where the stream has them)."""
    if not run.han:
        return [stem(run.text)], None, None
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


def occurrences(text: str, after: int = 0) -> tuple[Counter, dict[str, int]]:
    """How often each key of ``keys(text)`` occurs, and where it first occurs in the runs that
    begin at or after ``after`` (counted from ``after``; a key only before it is not there)."""
    found: list[str] = []  # every occurrence of every key, and where (lists: counted in C)
    at: list[int] = []
    begin = None  # where the occurrences from ``after`` on begin in the lists
    prev_last: list[str] = []
    for run in runs(text):
        if begin is None and run.start >= after:
            begin = len(found)
        tokens, first_uni, last_uni = _run_tokens(run)
        n = len(tokens)
        found += tokens
        at += range(run.start, run.start + n)
        if n > 1:
            found += [_pair(a, b, run.han) for a, b in itertools.pairwise(tokens)]
            at += range(run.start, run.start + n - 1)
        starts = [tokens[0]]
        if first_uni:
            found += (first_uni, last_uni)
            at += (run.start, run.start + len(run.text) - 1)
            starts.append(first_uni)
        for a in prev_last:
            found += [a + " " + b for b in starts]
            at += [run.start] * len(starts)
        prev_last = [tokens[-1]] + ([last_uni] if last_uni else [])
    begin = len(found) if begin is None else begin
    # Read backwards, each key's earliest occurrence is the last one written.
    first = dict(zip(reversed(found[begin:]), (p - after for p in reversed(at[begin:])), strict=True))
    return Counter(found), first


def query_keys(term: str) -> list[str]:
    """Keys a document must hold to contain the query term (a whitespace-free string).

    One token: the token itself. Several: each adjacent pair, where a Han run of one
    character in the query is an edge unigram in the document.
    """
    if single_han(term):
        return [TITLE_PREFIX + runs(term)[0].text]
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


def title_keys(title: str) -> set[str]:
    """A title's Han characters one by one: a query of one Han character searches titles."""
    return {TITLE_PREFIX + c for run in runs(title) if run.han for c in run.text}


_QUOTED = re.compile(r'["“”「」『』]([^"“”「」『』]*)["“”「」『』]')
_HAN_GAP = re.compile(f"(?<=[{HAN}])\\s+(?=[{HAN}])")


def query_terms(query: str) -> list[str]:
    """The query's terms that can be searched; each must match. Words are split at whitespace;
    a quoted phrase ("fire watch", “消防 通道”) is one term, its words in a row."""
    # Chinese is written without spaces: inside a phrase, Han words typed apart are one run.
    phrases = [_HAN_GAP.sub("", p.strip()) for p in _QUOTED.findall(query)]
    rest = _QUOTED.sub(" ", query)
    return [t for t in phrases + _SPACE.split(rest.strip()) if t and searchable(t)]


def single_han(term: str) -> bool:
    """A term of one Han character alone: it searches titles only (unigram postings for every
    character of every page would double the index)."""
    found = runs(term)
    return len(found) == 1 and found[0].han and len(found[0].text) == 1


def searchable(term: str) -> bool:
    return bool(runs(term))
