"""Read a record file so that writing it back gives the same bytes, change a record, write it.

A changed file is first patched in place: each changed value's text (found by the parser's
marks) is replaced and nothing else, so every other byte — comments, quotes, indentation of a
hand-written file — stays, and git shows only the changed lines. The patched text is read back
and used only if it gives exactly the new data. Otherwise (a key or list item added) the file is
written whole: reading through :class:`yamlout.Flow`/:class:`yamlout.FlowList` keeps each
mapping's one-line or block style and the key order, and the comment lines at its top (the
schema line first) are kept; the example's generated files come out byte for byte as before.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generators.records.model import DocumentRecord
from generators.records.yamlout import Flow, FlowList, dump


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

    def __init__(self, path: Path, header: str, data: Any, source: str | None = None):
        self.path, self.header, self.data = path, header, data
        self.source = source                                   # the file's text as read
        self.original = copy.deepcopy(data) if source is not None else None

    @classmethod
    def read(cls, path: Path) -> RecordFile:
        text = path.read_text(encoding="utf-8-sig")
        lines = text.splitlines(keepends=True)
        count = 0
        while count < len(lines) and lines[count].startswith("#"):
            count += 1
        return cls(path, "".join(lines[:count]), yaml.load(text, Loader=_Loader), text)  # a SafeLoader subclass

    @classmethod
    def new(cls, path: Path, schema: str, data_dir: Path, record: dict) -> RecordFile:
        up = "../" * (len(path.relative_to(data_dir).parts))
        return cls(path, f"# yaml-language-server: $schema={up}generators/schemas/{schema}.schema.json\n", record)

    def record(self, record_id: str) -> dict | None:
        items = self.data if isinstance(self.data, list) else [self.data]
        return next((r for r in items if isinstance(r, dict) and r.get("id") == record_id), None)

    def text(self) -> str:
        patched = self._patched() if self.source is not None else None
        return patched if patched is not None else self.header + dump(self.data)

    def _patched(self) -> str | None:
        """The source with only the changed values' text replaced, if that reads back as the data."""
        edits: list[tuple[int, int, str]] = []
        if not _edits(self.original, self.data, yaml.compose(self.source, Loader=_Loader), edits):
            return None
        text = self.source
        for start, end, new in sorted(edits, reverse=True):
            end = start + len(text[start:end].rstrip())   # a block mapping's span runs on to the next key
            before = text[:start].rstrip()
            if before.endswith(":") and "\n" in text[len(before):start]:   # "title:⏎  zh: …" → "title: {zh: …}"
                start, new = len(before), " " + new
            text = text[:start] + new + text[end:]
        try:
            same = yaml.load(text, Loader=_Loader) == self.data
        except yaml.YAMLError:
            return None
        return text if same else None


def _edits(old: Any, new: Any, node: yaml.Node, edits: list[tuple[int, int, str]]) -> bool:
    """Collect (start, end, text) replacements turning ``old`` into ``new``; False when the change
    is more than replacing small values (a key or list item added to a record or a list)."""
    if old == new and type(old) is type(new):
        return True
    if isinstance(old, dict) and isinstance(new, dict) and isinstance(node, yaml.MappingNode) \
            and list(old) == list(new):
        children = {key.value: value for key, value in node.value}
        return all(_edits(old[k], new[k], children[k], edits) for k in new)
    if isinstance(old, list) and isinstance(new, list) and isinstance(node, yaml.SequenceNode) \
            and len(old) == len(new):
        return all(_edits(o, n, child, edits) for o, n, child in zip(old, new, node.value, strict=True))
    small = isinstance(node, yaml.ScalarNode) or (
        isinstance(node, yaml.MappingNode) and all(isinstance(v, yaml.ScalarNode) for _, v in node.value))
    inline = _inline(new) if small else None
    if inline is None:
        return False
    edits.append((node.start_mark.index, node.end_mark.index, inline))
    return True


def _inline(value: Any) -> str | None:
    """A value written on one line, as the emitter writes it (None for multi-line text)."""
    if isinstance(value, dict) and not isinstance(value, Flow):
        value = Flow(value)
    text = dump(value).removesuffix("...\n").rstrip("\n")
    return None if "\n" in text else text


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
