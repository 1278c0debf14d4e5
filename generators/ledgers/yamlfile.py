"""Read a record file so that writing it back gives the same bytes, change a record, write it.

The example's files and hand-written ones keep short mappings on one line (``{zh: …, en: …}``)
and the rest in block style. Reading through :class:`yamlout.Flow`/:class:`yamlout.FlowList`
keeps that choice per mapping, so a record the import changes is written back with the same
layout and only the changed lines differ in git. The comment lines at the top of the file (the
schema line first) are kept as they were; comments further down are not (a record file has none
below its header in this archive).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generators.example.yamlout import Flow, FlowList, dump
from generators.records.model import DocumentRecord


class _Loader(yaml.SafeLoader):
    """YAML 1.2-style booleans (``on:`` stays a key) and flow style remembered per node."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def _map(loader: _Loader, node: yaml.MappingNode) -> dict:
    data = Flow() if node.flow_style else {}
    data.update(loader.construct_mapping(node, deep=True))
    return data


def _seq(loader: _Loader, node: yaml.SequenceNode) -> list:
    items = loader.construct_sequence(node, deep=True)
    return FlowList(items) if node.flow_style else items


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    value = loader.construct_yaml_timestamp(node)
    return value.date() if isinstance(value, dt.datetime) and len(node.value) == 10 else value


_Loader.add_constructor("tag:yaml.org,2002:map", _map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _seq)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class RecordFile:
    """One YAML file: its header comment lines and its record (or list of records)."""

    def __init__(self, path: Path, header: str, data: Any):
        self.path, self.header, self.data = path, header, data

    @classmethod
    def read(cls, path: Path) -> RecordFile:
        text = path.read_text(encoding="utf-8-sig")
        lines = text.splitlines(keepends=True)
        count = 0
        while count < len(lines) and lines[count].startswith("#"):
            count += 1
        return cls(path, "".join(lines[:count]), yaml.load(text, Loader=_Loader))  # a SafeLoader subclass

    @classmethod
    def new(cls, path: Path, schema: str, data_dir: Path, record: dict) -> RecordFile:
        up = "../" * (len(path.relative_to(data_dir).parts))
        return cls(path, f"# yaml-language-server: $schema={up}generators/schemas/{schema}.schema.json\n", record)

    def record(self, record_id: str) -> dict | None:
        items = self.data if isinstance(self.data, list) else [self.data]
        return next((r for r in items if isinstance(r, dict) and r.get("id") == record_id), None)

    def text(self) -> str:
        return self.header + dump(self.data)


def canonical_order(cls: type[BaseModel]) -> list[str]:
    """Key order of a new mapping: type and id first, the record's own fields, then the
    document fields (classification … archival), as the example and hand-written records have it."""
    names = list(cls.model_fields)
    if issubclass(cls, DocumentRecord):
        shared = [n for n in DocumentRecord.model_fields if n not in ("id", "type", "title")]
        own = [n for n in names if n not in shared and n not in ("id", "type", "title")]
        return ["type", "id", "title", *own, *shared]
    return names


def put(mapping: dict, key: str, value: Any, order: list[str]) -> None:
    """Set ``key``; a key the mapping lacks goes where ``order`` puts it, the others stay."""
    if key in mapping or key not in order:
        mapping[key] = value
        return
    rank = order.index(key)
    items = list(mapping.items())
    at = next((i for i, (k, _) in enumerate(items) if k in order and order.index(k) > rank), len(items))
    items.insert(at, (key, value))
    mapping.clear()
    mapping.update(items)
