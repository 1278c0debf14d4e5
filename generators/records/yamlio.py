"""Read one YAML file into plain Python values plus the source position of every value.

Why not ``yaml.safe_load``: it forgets where values came from, silently lets a repeated key
win, turns ``2022-02-30`` into a crash, expands aliases (the "billion laughs" bomb), and reads
YAML 1.1 forms that change meaning (``0017`` is 15, ``1:30`` is 90, ``on`` is true). Here
libyaml (PyYAML's C parser) produces the events with their marks, and this module builds the
values itself: dates stay strings (the model parses them and reports impossible ones),
repeated keys, anchors, aliases and tags are refused with their position, and a plain
scalar that YAML readers disagree on becomes an :class:`Unclear` value that the model
rejects with the likely fix. Bytes that are not UTF-8 are reported with the likely cause
(GBK from Windows editors), control characters with their place.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.cyaml import CParser
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from generators.diagnostics import Diagnostic, Location

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64  # records nest a few levels; deeper input is an attack or a mistake
MAX_INT_DIGITS = 30  # an ID or mobile number written as a number still fits; 5,000 digits do not
MAX_DIAGNOSTICS_PER_FILE = 20
REFERENCE_OPENERS = ("[[", "［［", "【【")  # how a reference in a text begins (generators/refs/syntax.py)
PathT = tuple[str | int, ...]
_OPENER = re.compile("|".join(map(re.escape, REFERENCE_OPENERS)))  # one search per scalar, in C


@dataclass
class SourceMap:
    """Positions of values (and of mapping keys) by their path inside the file."""

    path: str
    values: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    schema_comment: str | None = None
    # Where each text that holds a reference ([[…]]) is written: its scalar's line, column and
    # source text, so that a reference found in the text is located exactly without reading the
    # file again. (While the file is parsed: the scalar's start and end offsets.)
    spans: dict[PathT, tuple] = field(default_factory=dict)

    # Kept in the record cache (:mod:`.cache`) as one packed blob, unpacked when a position is first
    # asked for: a check that finds nothing wrong asks for few, and unpickling the positions of every
    # value of 10,000 files was a third of reading the cache.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if "_packed" not in state:
            state["_packed"] = pickle.dumps((state.pop("values"), state.pop("keys")), protocol=pickle.HIGHEST_PROTOCOL)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:  # only asked for what is not set: values and keys still packed
        packed = self.__dict__.get("_packed") if name in ("values", "keys") else None
        if packed is None:
            raise AttributeError(name)
        self.values, self.keys = pickle.loads(packed)  # our own bytes, inside the signed cache pack
        del self.__dict__["_packed"]
        return self.__dict__[name]

    def locate(self, path: PathT, *, key: bool = False) -> Location:
        """The position of ``path``, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return Location(self.path, *table[probe])
            if not key and probe in self.keys:
                return Location(self.path, *self.keys[probe])
            probe = probe[:-1]
        return Location(self.path, *self.values.get((), (1, 1)))


@dataclass(frozen=True)
class Unclear:
    """A plain scalar that YAML readers do not agree on (``0017``, ``1:30``, ``0x1F``, ``1e3``).

    It is neither text nor a number, so every field refuses it; the loader's translation of the
    model's error names both readings and the fix (quote it, or write the number plainly).
    """

    text: str
    yaml11: str  # what a YAML 1.1 reader (PyYAML, many editors' tools) makes of it
    yaml12: str  # what a YAML 1.2 reader makes of it
    number: str = ""  # the plain decimal most likely meant, when there is one

    def __str__(self) -> str:
        return self.text


class _RefusedError(Exception):
    def __init__(self, code: str, mark: yaml.Mark, **params: object) -> None:
        super().__init__(code)
        self.code, self.mark, self.params = code, mark, params


# ---------------------------------------------------------------------------------------------
# Plain scalars: what a value "looks like" decides what it is, or that it is unclear.

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Booleans are YAML 1.2's true/false only: YAML 1.1 also reads on/off/yes/no, which turns the key
# `on:` (approval: {by: …, on: 2022-03-18}) and the English text "No" into booleans.
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
# A float both YAML 1.1 and 1.2 read alike: digits, a point, and a signed exponent if any.
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
# Forms only one of the two versions reads as a number, or reads differently (PyYAML's 1.1
# resolver and the 1.2 core schema, side by side).
_YAML11_NUMBER = re.compile(
    r"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
    r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?")
_YAML12_NUMBER = re.compile(
    r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def plain_scalar(text: str) -> Any:
    """The value of an unquoted scalar: null, true/false, a whole number, a float, text, or Unclear."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    first = text[0]
    if not (first.isdigit() or first in "+-."):
        return text  # the common case, decided without a regular expression
    if _INT.fullmatch(text):
        if len(text.lstrip("+-")) > MAX_INT_DIGITS:
            return Unclear(text, yaml11="", yaml12="", number="")
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text.replace(".", "", 1) if text.lstrip("+-")[1:].lower() in ("inf", "nan") else text)
    if _YAML11_NUMBER.fullmatch(text) or _YAML12_NUMBER.fullmatch(text):
        return Unclear(text, _yaml11_reading(text), _yaml12_reading(text), _likely_number(text))
    return text


def _yaml11_reading(text: str) -> str:
    if not _YAML11_NUMBER.fullmatch(text) or len(text) > MAX_INT_DIGITS:
        return repr(text)
    try:
        return str(yaml.safe_load(text))  # PyYAML is a YAML 1.1 reader: ask it
    except (yaml.YAMLError, ValueError):
        return repr(text)


def _yaml12_reading(text: str) -> str:
    if not _YAML12_NUMBER.fullmatch(text) or len(text) > MAX_INT_DIGITS:
        return repr(text)
    try:
        if "." in text or ("e" in text.lower() and not text.lower().startswith("0x")):
            return str(float(text))
        return str(int(text, 0) if text[:2].lower() in ("0o", "0x") else int(text, 10))
    except ValueError:
        return repr(text)


def _likely_number(text: str) -> str:
    """The plain decimal a person most likely meant: 0017 → 17, 0x1F → 31, 1_000 → 1000."""
    digits = text.replace("_", "")
    try:
        if re.fullmatch(r"[-+]?0[0-9]+", digits):
            return str(int(digits, 10))
        if re.fullmatch(r"[-+]?0[xob][0-9a-fA-F]+", digits, re.IGNORECASE):
            return str(int(digits, 0))
        if re.fullmatch(r"[-+]?[0-9]+", digits):
            return str(int(digits))
    except ValueError:
        pass
    return ""


# ---------------------------------------------------------------------------------------------
# Characters and bytes


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        likely = "GBK"
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            likely = "?"
        code = "E002" if likely == "GBK" else "E002B"
        return None, [Diagnostic.error(code, Location(path, line, col), byte=f"0x{raw[exc.start]:02X}")]


# What YAML allows in a stream (its "printable" set); NUL, ESC, DEL, form feed and the like are not.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _control_characters(text: str, path: str) -> list[Diagnostic]:
    found = []
    for match in _NOT_PRINTABLE.finditer(text):
        if len(found) == MAX_DIAGNOSTICS_PER_FILE:
            break
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        char = match.group()
        name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "control character")
        found.append(Diagnostic.error("E046", Location(path, line, col), char=f"U+{ord(char):04X}", name=name))
    return found


_CONTROL_NAMES = {0x00: "NUL", 0x08: "BACKSPACE", 0x0B: "VERTICAL TAB", 0x0C: "FORM FEED", 0x1B: "ESC",
                  0x7F: "DEL"}


def _schema_comment(text: str) -> str | None:
    for line in text.splitlines()[:5]:
        stripped = line.strip()
        if stripped.startswith("#") and "yaml-language-server:" in stripped and "$schema=" in stripped:
            return stripped.split("$schema=", 1)[1].strip()
    return None


# ---------------------------------------------------------------------------------------------
# The file


def parse_yaml(raw: bytes, display_path: str) -> tuple[Any, SourceMap | None, list[Diagnostic]]:
    """Parse a file's bytes. Returns (data, source map, diagnostics); data is None on failure."""
    if len(raw) > MAX_FILE_BYTES:
        return None, None, [Diagnostic.error("E006", Location(display_path), size=len(raw), limit=MAX_FILE_BYTES)]
    text, problems = _decode(raw, display_path)
    if text is None:
        return None, None, problems
    problems = _control_characters(text, display_path)
    if problems:
        return None, None, problems
    source = SourceMap(display_path, schema_comment=_schema_comment(text))
    parser = CParser(text)
    try:
        data = _document(parser, source)
    except _RefusedError as exc:
        loc = Location(display_path, exc.mark.line + 1, exc.mark.column + 1)
        return None, source, [Diagnostic.error(exc.code, loc, **exc.params)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(display_path, mark.line + 1, mark.column + 1) if mark else Location(display_path)
        detail = " ".join(filter(None, [exc.context, exc.problem]))
        # A reference typed into an unquoted value ({zh: 见[[HZ-1]]}) is the commonest cause: YAML
        # reads the brackets as a list. Say so instead of only "expected ',' or '}'".
        nearby = text.splitlines()[max(loc.line - 2, 0):loc.line]
        code = "E019" if any("[[" in line or "【【" in line for line in nearby) else "E001"
        return None, source, [Diagnostic.error(code, loc, detail=detail)]
    except yaml.YAMLError as exc:
        return None, source, [Diagnostic.error("E001", Location(display_path), detail=str(exc))]
    finally:
        parser.dispose()
    source.spans = {path: _span(text, *offsets) for path, offsets in source.spans.items()}
    if data is _EMPTY:
        return None, source, [Diagnostic.error("E007", Location(display_path))]
    return data, source, []


_EMPTY = object()


def _span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """A text's scalar as written: its line and column, and its source (quotes, escapes, folds)."""
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("\n", 0, start) + 1, start - line_start + 1, text[start:end]


def _document(parser: CParser, source: SourceMap) -> Any:
    """The single document of the stream (StreamStart, DocumentStart, node, DocumentEnd, StreamEnd)."""
    parser.get_event()  # stream start
    if isinstance(parser.peek_event(), yaml.StreamEndEvent):
        return _EMPTY
    parser.get_event()  # document start
    data = _value(parser, parser.get_event(), (), source, 0)
    parser.get_event()  # document end
    event = parser.get_event()
    if not isinstance(event, yaml.StreamEndEvent):
        raise _RefusedError("E001", event.start_mark, detail="expected a single document (remove '---')")
    return data


_STANDARD_TAGS = {
    ScalarEvent: "tag:yaml.org,2002:str",
    SequenceStartEvent: "tag:yaml.org,2002:seq",
    MappingStartEvent: "tag:yaml.org,2002:map",
}


def _value(parser: CParser, event: Any, path: PathT, source: SourceMap, depth: int) -> Any:
    mark = event.start_mark
    source.values[path] = (mark.line + 1, mark.column + 1)
    kind = type(event)
    if kind is AliasEvent or event.anchor is not None:
        raise _RefusedError("E003", mark, name=event.anchor)
    if event.tag not in (None, "!", _STANDARD_TAGS.get(kind)):
        raise _RefusedError("E047", mark, tag=event.tag)
    if kind is ScalarEvent:
        # libyaml gives plain scalars the style ""; quoted, block or !!str scalars are text as written.
        value = plain_scalar(event.value) if not event.style and event.tag is None else event.value
        if isinstance(value, str) and _OPENER.search(value):
            source.spans[path] = (mark.index, event.end_mark.index)
        return value
    if depth >= MAX_DEPTH:
        raise _RefusedError("E008", mark)
    if kind is SequenceStartEvent:
        return _sequence(parser, path, source, depth)
    return _mapping(parser, path, source, depth)


def _sequence(parser: CParser, path: PathT, source: SourceMap, depth: int) -> list[Any]:
    items: list[Any] = []
    while True:
        event = parser.get_event()
        if type(event) is SequenceEndEvent:
            return items
        items.append(_value(parser, event, (*path, len(items)), source, depth + 1))


def _mapping(parser: CParser, path: PathT, source: SourceMap, depth: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is MappingEndEvent:
            return result
        if kind is AliasEvent or event.anchor is not None:
            raise _RefusedError("E003", event.start_mark, name=event.anchor)
        if kind is not ScalarEvent:
            raise _RefusedError("E009", event.start_mark)
        key = event.value  # keys are names: never numbers, dates or booleans
        if key == "<<" and not event.style:
            raise _RefusedError("E003", event.start_mark, name="<<")
        mark = event.start_mark
        child = (*path, key)
        if key in result:
            raise _RefusedError("E004", mark, key=key, first_line=source.keys[child][0])
        source.keys[child] = (mark.line + 1, mark.column + 1)
        result[key] = _value(parser, parser.get_event(), child, source, depth + 1)
