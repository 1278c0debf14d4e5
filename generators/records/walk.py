"""Walk a validated record and yield every value marked as a reference or vocabulary term.

The marks live in type annotations (``Ref(...)``, ``Vocab(...)``), so the walk follows the
model's declared types rather than a hand-kept list of fields: add a field with ``Ref`` and
it is resolved and checked everywhere without further code.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple, Union

from pydantic import BaseModel

from generators.records.types import Prose, RefTo, Text, VocabOf

PathT = tuple[str | int, ...]


class Marked(NamedTuple):  # a tuple: 400,000 of them are made per check of 10,000 dossiers
    path: PathT
    value: str
    mark: RefTo | VocabOf

    def __reduce__(self) -> tuple:
        # Unpickled by tuple.__new__, in C: the record cache keeps 200,000 of them (a namedtuple's
        # own __new__ is a Python call each).
        return tuple.__new__, (Marked, tuple(self))


Walker = Callable[[Any, PathT, list[Marked]], None]


def marked_values(model: BaseModel, path: PathT = ()) -> list[Marked]:
    """Every reference and vocabulary value inside ``model``, in field order."""
    found: list[Marked] = []
    _collect(model, path, found)
    return found


def _collect(model: BaseModel, path: PathT, found: list[Marked]) -> None:
    for name, walker in _plan(type(model)):
        value = getattr(model, name)
        if value is not None:
            walker(value, (*path, name), found)


# The walk follows the declared types. Reading them (typing.get_origin and friends) for every value
# of 10,000 records costs more than the walk itself, so each model class's walk is worked out once:
# a list of (field, walker) for only the fields that can hold a marked value.
_PLANS: dict[type[BaseModel], list[tuple[str, Walker]]] = {}


def _plan(cls: type[BaseModel]) -> list[tuple[str, Walker]]:
    if cls not in _PLANS:
        _PLANS[cls] = []  # a model that contains itself ends the recursion with an empty plan
        plan = []
        for name, info in cls.model_fields.items():
            marks = tuple(m for m in info.metadata if isinstance(m, RefTo | VocabOf))
            walker = _compile(info.annotation, marks)
            if walker is not None:
                plan.append((name, walker))
        _PLANS[cls] = plan
    return _PLANS[cls]


def _compile(annotation: Any, marks: tuple) -> Walker | None:
    """The walker for values declared as ``annotation``, or None when none can hold a mark."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        return _compile(base, marks + tuple(m for m in meta if isinstance(m, RefTo | VocabOf)))
    if origin in (Union, types.UnionType):
        return _union([o for o in typing.get_args(annotation) if o is not type(None)], marks)
    if origin is list:
        (item_type,) = typing.get_args(annotation)
        return _list(_compile(item_type, marks))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model if _plan(annotation) else None
    return _strings(marks) if marks else None


def _union(options: list[Any], marks: tuple) -> Walker | None:
    # The first option whose type accepts the value decides, as in validation.
    choices = [(_accepted_type(option), _compile(option, marks)) for option in options]
    if all(walker is None for _, walker in choices):
        return None

    def walk(value: Any, path: PathT, found: list[Marked]) -> None:
        for accepted, walker in choices:
            if accepted is None or isinstance(value, accepted):
                if walker is not None:
                    walker(value, path, found)
                return

    return walk


def _list(item: Walker | None) -> Walker | None:
    if item is None:
        return None

    def walk(value: Any, path: PathT, found: list[Marked]) -> None:
        for index, element in enumerate(value):
            if element is not None:
                item(element, (*path, index), found)

    return walk


def _model(value: Any, path: PathT, found: list[Marked]) -> None:
    if isinstance(value, BaseModel):
        _collect(value, path, found)


def _strings(marks: tuple) -> Walker:
    def walk(value: Any, path: PathT, found: list[Marked]) -> None:
        if isinstance(value, str):
            found.extend(Marked(path, value, mark) for mark in marks)

    return walk


def _accepted_type(option: Any) -> type | None:
    base = option
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    origin = typing.get_origin(base) or base
    return origin if isinstance(origin, type) else None


def texts(model: BaseModel, path: PathT = ()) -> Iterator[tuple[PathT, Text | Prose]]:
    """Every bilingual text inside a record, for translation coverage and search."""
    for name in fields_holding(type(model), (Text, Prose)):
        yield from _texts(getattr(model, name), path + (name,))


def _texts(value: Any, path: PathT) -> Iterator[tuple[PathT, Text | Prose]]:
    if isinstance(value, Text | Prose):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from texts(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))


@functools.cache
def fields_holding(cls: type[BaseModel], kinds: tuple[type[BaseModel], ...]) -> tuple[str, ...]:
    """The fields of ``cls`` whose declared type can hold one of ``kinds``: the only ones a walk for
    them needs to visit (a hazard has 60 values, and 15 of them are texts)."""
    return tuple(name for name, info in cls.model_fields.items() if _can_hold(info.annotation, kinds, set()))


def _can_hold(annotation: Any, kinds: tuple[type[BaseModel], ...], seen: set[type]) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if issubclass(annotation, kinds):
            return True
        if annotation in seen:
            return False
        seen.add(annotation)
        return any(_can_hold(info.annotation, kinds, seen) for info in annotation.model_fields.values())
    return any(_can_hold(arg, kinds, seen) for arg in typing.get_args(annotation))
