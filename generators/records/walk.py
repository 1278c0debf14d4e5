"""Walk a validated record and yield every value marked as a reference or vocabulary term.

The marks live in type annotations (``Ref(...)``, ``Vocab(...)``), so the walk follows the
model's declared types rather than a hand-kept list of fields: add a field with ``Ref`` and
it is resolved and checked everywhere without further code.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel

from generators.records.types import Prose, RefTo, Text, VocabOf

PathT = tuple[str | int, ...]


@dataclass(frozen=True)
class Marked:
    path: PathT
    value: str
    mark: RefTo | VocabOf


def marked_values(model: BaseModel, path: PathT = ()) -> Iterator[Marked]:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        marks = [m for m in info.metadata if isinstance(m, RefTo | VocabOf)]
        yield from _walk(info.annotation, marks, value, path + (name,))


def _walk(annotation: Any, marks: list, value: Any, path: PathT) -> Iterator[Marked]:
    if value is None:
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        extra = [m for m in meta if isinstance(m, RefTo | VocabOf)]
        yield from _walk(base, marks + extra, value, path)
        return
    if origin in (Union, types.UnionType):
        for option in typing.get_args(annotation):
            if option is type(None):
                continue
            if _accepts(option, value):
                yield from _walk(option, marks, value, path)
                return
        return
    if origin is list:
        (item_type,) = typing.get_args(annotation)
        for index, item in enumerate(value):
            yield from _walk(item_type, marks, item, path + (index,))
        return
    if isinstance(value, BaseModel):
        yield from marked_values(value, path)
        return
    if isinstance(value, str):
        for mark in marks:
            yield Marked(path, value, mark)


def _accepts(option: Any, value: Any) -> bool:
    base = option
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    origin = typing.get_origin(base) or base
    return isinstance(value, origin) if isinstance(origin, type) else True


def texts(model: BaseModel, path: PathT = ()) -> Iterator[tuple[PathT, Text | Prose]]:
    """Every bilingual text inside a record, for translation coverage and search."""
    for name in type(model).model_fields:
        yield from _texts(getattr(model, name), path + (name,))


def _texts(value: Any, path: PathT) -> Iterator[tuple[PathT, Text | Prose]]:
    if isinstance(value, Text | Prose):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from texts(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))
