"""Which records a computation read: what lets a rebuild remake only the pages a change reaches.

While :func:`observe` is active, every attribute read on a :class:`Record` (besides its ``id`` and
``type``, which a rebuild never sees change: a changed set of IDs or types rebuilds everything)
adds the record's ID and the attribute's name to the innermost :class:`Reads` (a page that reads
only a dossier's grade is not made again when its title changes); a read of no one attribute (a
lookup by ID, a remembered answer) reads the :data:`WHOLE` record. Values cached across computations would
hide their reads from all but the first reader, so every such cache says what it is:

- :func:`replayed`: a value computed from a few records (one report's coverage, a memo shared by
  pages); whoever gets the value, computed or cached, gets its reads too.
- :func:`valued`: an index over the whole archive (supersessions, the reference graph, the work
  calendar). Its readers depend on its value, not on every record it read: a token
  ``(name, role, arguments)`` stands for it, and :func:`token_digest` tells whether a new
  archive gives it another value.

Outside :func:`observe` (check, documents) the hooks cost one global lookup.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import weakref
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from generators.records.model import Record

UNSEEN = frozenset({"id", "type", "__class__", "__dict__"})  # a rebuild never sees these change
WHOLE = "*"  # the attribute name of a read of the whole record


@dataclasses.dataclass
class Reads:
    pairs: set[tuple[str, str]] = dataclasses.field(default_factory=set)  # (record ID, attribute)
    tokens: set[tuple] = dataclasses.field(default_factory=set)
    unknown: bool = False  # read an index of an archive of no known role: cannot be skipped

    def add(self, other: Reads) -> None:
        self.pairs |= other.pairs
        self.tokens |= other.tokens
        self.unknown = self.unknown or other.unknown

    @property
    def records(self) -> set[str]:
        return {rid for rid, _ in self.pairs}

    def fields(self) -> dict[str, frozenset[str]]:
        """Record ID → the attributes read of it (equal sets shared: many pages read the same ones)."""
        found: dict[str, set[str]] = {}
        for rid, name in self.pairs:
            found.setdefault(rid, set()).add(name)
        return {rid: _NAMES.setdefault(frozenset(names), frozenset(names)) for rid, names in found.items()}


_NAMES: dict[frozenset[str], frozenset[str]] = {}


_current: Reads | None = None
_observing = False
_roles: dict[int, str] = {}  # id(archive) → its role in the build ("public", "full")
VALUED: dict[str, Callable] = {}  # token name → the function computing its value


def _tracked_getattribute(self: Record, name: str) -> Any:
    if _current is not None and name not in UNSEEN:
        _current.pairs.add((object.__getattribute__(self, "id"), name))
    return object.__getattribute__(self, name)


@contextlib.contextmanager
def observe(roles: Mapping[str, object]) -> Iterator[None]:
    """Record reads inside :func:`collect` blocks; ``roles``: the archives whose indexes may stand
    as tokens, by role (a rebuild gives the same roles to its own archives)."""
    global _observing
    _roles.clear()
    _roles.update({id(archive): role for role, archive in roles.items()})
    Record.__getattribute__ = _tracked_getattribute  # type: ignore[method-assign]
    _observing = True
    try:
        yield
    finally:
        del Record.__getattribute__
        _observing = False
        _roles.clear()


@contextlib.contextmanager
def collect() -> Iterator[Reads]:
    """The reads of the block (also added to the enclosing block's)."""
    global _current
    outer, found = _current, Reads()
    _current = found
    try:
        yield found
    finally:
        _current = outer
        if outer is not None:
            outer.add(found)


@contextlib.contextmanager
def unobserved() -> Iterator[None]:
    global _current
    outer, _current = _current, None
    try:
        yield
    finally:
        _current = outer


def note(record_id: str) -> None:
    """A read of ``record_id`` that no attribute access shows (a lookup by ID, a cached answer)."""
    if _current is not None:
        _current.pairs.add((record_id, WHOLE))


def replayed(store: dict, key: Any, compute: Callable[[], Any]) -> Any:
    """``store[key]``, computed once; its reads are given to every caller. (A value computed while
    nothing observed holds no reads: computed again for observers.)"""
    if key not in store or (_observing and not store[key][2]):
        with collect() as found:
            value = compute()
        store[key] = (value, found, _observing)
    value, found, _ = store[key]
    if _current is not None:
        _current.add(found)
    return value


def replayed_cache(function: Callable) -> Callable:
    """:func:`replayed` as a decorator for ``function(archive, *args)`` (cached per archive)."""
    stores: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @functools.wraps(function)
    def cached(archive: object, *args: Any) -> Any:
        store = stores.setdefault(archive, {})
        return replayed(store, args, lambda: function(archive, *args))

    return cached


def valued(name: str) -> Callable[[Callable], Callable]:
    """Mark ``function(archive, *args)`` (itself cached) as an index its readers depend on by value."""

    def wrap(function: Callable) -> Callable:
        VALUED[name] = function

        @functools.wraps(function)
        def inner(archive: object, *args: Any) -> Any:
            global _current
            reader = _current
            if reader is None:
                return function(archive, *args)
            _current = None  # what the index reads is its own (asked for every link: no context manager)
            try:
                value = function(archive, *args)
            finally:
                _current = reader
            role = _roles.get(id(archive))
            if role is None:
                reader.unknown = True
            else:
                reader.tokens.add((name, role, args))
            return value

        return inner

    return wrap


def token_digest(token: tuple, archives: Mapping[str, object]) -> str:
    """The digest of a token's value, computed on the build's archive of the token's role."""
    name, role, args = token
    with unobserved():
        return digest(VALUED[name](archives[role], *args))


def digest(value: Any) -> str:
    hasher = hashlib.sha256()
    _feed(hasher, value)
    return hasher.hexdigest()


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _feed(hasher: Any, value: Any) -> None:
    """A stable rendering of ``value``: records by ID (their contents are reads of their own),
    archives as a name (their role is in the token), containers item by item."""
    if type(value) in _PLAIN:  # the most frequent cases first (no record or plain value has __digest__)
        hasher.update(repr(value).encode() + b"\0")
    elif isinstance(value, Record):
        hasher.update(b"R" + object.__getattribute__(value, "id").encode() + b"\0")
    elif hasattr(value, "__digest__"):  # an object saying what of it matters (a page's context)
        _feed(hasher, value.__digest__())
    elif isinstance(value, (str, int, float, bool, type(None), dt.date, enum.Enum, bytes)):
        hasher.update(repr(value).encode() + b"\0")
    elif isinstance(value, Mapping):
        hasher.update(b"{")
        for key in sorted(value, key=repr):
            _feed(hasher, key)
            _feed(hasher, value[key])
        hasher.update(b"}")
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        hasher.update(b"[")
        for item in items:
            _feed(hasher, item)
        hasher.update(b"]")
    elif type(value).__name__ == "Archive":
        hasher.update(b"A\0")
    elif dataclasses.is_dataclass(value):
        hasher.update(type(value).__name__.encode() + b"(")
        for item in dataclasses.fields(value):
            _feed(hasher, getattr(value, item.name))
        hasher.update(b")")
    elif isinstance(value, BaseModel):
        hasher.update(type(value).__name__.encode() + b"(")
        _feed(hasher, dict(value))
        hasher.update(b")")
    elif hasattr(value, "__dict__"):
        hasher.update(type(value).__name__.encode() + b"(")
        _feed(hasher, vars(value))
        hasher.update(b")")
    else:
        hasher.update(repr(value).encode() + b"\0")


class Noting(Mapping):
    """A mapping of the archive (its nested parts, its origins) whose lookups are reads of the
    record ``owner(key, value)`` (a nested part is read through its record)."""

    def __init__(self, data: Mapping, owner: Callable[[Any, Any], str]) -> None:
        self._data, self._owner = data, owner

    def __getitem__(self, key: Any) -> Any:
        value = self._data[key]
        if _current is not None:
            _current.pairs.add((self._owner(key, value), WHOLE))
        return value

    def __iter__(self) -> Iterator:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)
