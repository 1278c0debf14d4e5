"""Read one YAML file into plain Python values plus the source position of every value.

Why not ``yaml.safe_load``: it forgets where values came from, silently lets a repeated key
win, turns ``2022-02-30`` into a crash, and expands aliases (the "billion laughs" bomb). Here
dates stay strings (the model parses them and reports impossible ones), repeated keys,
anchors and aliases are refused with their position, and bytes that are not UTF-8 are
reported with the likely cause (GBK from Windows editors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generators.diagnostics import Diagnostic, Location

MAX_FILE_BYTES = 16 * 1024 * 1024
PathT = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Positions of values (and of mapping keys) by their path inside the file."""

    path: str
    values: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    schema_comment: str | None = None

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


class _RefusedError(Exception):
    def __init__(self, code: str, mark: yaml.Mark, **params: object) -> None:
        super().__init__(code)
        self.code, self.mark, self.params = code, mark, params


class _RecordLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and refuses anchors and aliases."""

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _RefusedError("E003", event.start_mark, name=event.anchor)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _RefusedError("E003", event.start_mark, name=anchor)
        return super().compose_node(parent, index)


# Dates stay strings: the model decides what a valid date is and reports 2022-02-30 with its place.
# Booleans are YAML 1.2's true/false only: YAML 1.1 also reads on/off/yes/no, which turns the key
# `on:` (approval: {by: …, on: 2022-03-18}) and the English text "No" into booleans.
_DROPPED_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
_RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


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


def _schema_comment(text: str) -> str | None:
    for line in text.splitlines()[:5]:
        stripped = line.strip()
        if stripped.startswith("#") and "yaml-language-server:" in stripped and "$schema=" in stripped:
            return stripped.split("$schema=", 1)[1].strip()
    return None


def load_yaml(file: Path, display_path: str) -> tuple[Any, SourceMap | None, list[Diagnostic]]:
    """Parse ``file``. Returns (data, source map, diagnostics); data is None on failure."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, None, [Diagnostic.error("E005", Location(display_path), detail=exc.strerror or exc)]
    if len(raw) > MAX_FILE_BYTES:
        return None, None, [Diagnostic.error("E006", Location(display_path), size=len(raw), limit=MAX_FILE_BYTES)]
    text, problems = _decode(raw, display_path)
    if text is None:
        return None, None, problems
    source = SourceMap(display_path, schema_comment=_schema_comment(text))
    loader = _RecordLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, source, [Diagnostic.error("E007", Location(display_path))]
        data = _to_python(loader, node, (), source)
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
    except RecursionError:
        return None, source, [Diagnostic.error("E008", Location(display_path))]
    finally:
        loader.dispose()
    return data, source, []


def _to_python(loader: _RecordLoader, node: Node, path: PathT, source: SourceMap) -> Any:
    source.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _RefusedError("E009", key_node.start_mark)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _RefusedError("E003", key_node.start_mark, name="<<")
            key = key_node.value  # keys are names: never numbers, dates or booleans
            if key in result:
                first = source.keys[path + (key,)]
                raise _RefusedError("E004", key_node.start_mark, key=key, first_line=first[0])
            source.keys[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _to_python(loader, value_node, path + (key,), source)
        return result
    if isinstance(node, SequenceNode):
        return [_to_python(loader, item, path + (i,), source) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise _RefusedError("E001", node.start_mark, detail=exc.problem or str(exc)) from None
