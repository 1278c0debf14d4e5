"""Load a DATA folder into an :class:`Archive`, reporting every problem at once.

Order of work (each step only sees what the previous one accepted):

1. read every ``*.yml``/``*.yaml`` under DATA (sorted, so output order never depends on the disk);
2. parse each file (:mod:`yamlio`): syntax, encoding, anchors, repeated keys;
3. validate each record against its model (:mod:`model`), translating pydantic's errors into
   positioned diagnostics with "did you mean" hints;
4. index IDs (records and nested parts) and report duplicates;
5. check every reference and vocabulary value (:mod:`walk`);
6. read the Markdown files that prose fields name.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import gc
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from generators.diagnostics import Diagnostic, Location, relative_path
from generators.records.archive import Archive, Nested, Origin
from generators.records.cache import FileResult, ItemResult, RecordCache, entry_key
from generators.records.confine import confined_files, read_prose_file
from generators.records.model import NESTED_TYPES, RECORD_TYPES, Record, Vocabulary
from generators.records.types import Prose, RefTo, VocabOf
from generators.records.walk import Marked, fields_holding, marked_values
from generators.records.yamlio import MAX_FILE_BYTES, PathT, Unclear, parse_yaml

YAML_SUFFIXES = (".yml", ".yaml")


def record_files(data_dir: Path) -> list[Path]:
    """Every name under DATA that looks like a record file, whatever it is: a FIFO, device, socket
    or dangling symlink named ``*.yml`` is listed too, so that the loader reports it (E030/E032 of
    :mod:`.confine`, which only stats it) instead of skipping it silently. Folders are not listed:
    ``rglob`` walks into them."""
    # .YML and .YAML too: a file that looks like a record and is silently skipped is a lost record.
    # Sorted by parts, as paths compare (each path's parts made once, not at each of 120,000 comparisons).
    return sorted((p for p in data_dir.rglob("*") if p.suffix.lower() in YAML_SUFFIXES and not p.is_dir()),
                  key=lambda p: p.parts)


def load_archive(data_dir: Path, cache_dir: Path | None = None) -> tuple[Archive, list[Diagnostic]]:
    """Load DATA. With ``cache_dir``, files unchanged since the last run are neither parsed nor validated."""
    with _no_cycle_collection():
        return _load_archive(data_dir, cache_dir)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Loading makes millions of small objects and no reference cycles; Python's cycle collector
    would walk them all again and again (it took three quarters of the time to read the cache).
    What was loaded lives as long as the archive: frozen, the collector never walks it again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _load_archive(data_dir: Path, cache_dir: Path | None) -> tuple[Archive, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    if not data_dir.is_dir():
        diagnostics.append(Diagnostic.error("E100", Location(str(data_dir)), path=data_dir))
        return Archive(data_dir, {}, {}), diagnostics
    records: dict[str, Record] = {}
    origins: dict[str, Origin] = {}
    invalid_ids: set[str] = set()  # records written but rejected: references to them are not "to nothing"
    marked: dict[str, list[Marked]] = {}
    cache = RecordCache(cache_dir, data_dir)
    for file, display, outside in confined_files(data_dir, record_files(data_dir), limit=MAX_FILE_BYTES):
        if outside is not None:  # a symlink out of the archive is not one of its records
            diagnostics.append(outside)
            continue
        result = _load_file(file, display, cache)
        diagnostics += result.problems
        for item in result.items:
            origin = Origin(file, result.source, item.base)  # type: ignore[arg-type] - items need a source
            diagnostics += item.problems
            if item.record is None:
                if item.invalid_id is not None:
                    invalid_ids.add(item.invalid_id)
                continue
            if item.record.id in records:
                first = origins[item.record.id].locate(("id",))
                diagnostics.append(Diagnostic.error("E020", origin.locate(("id",)), id=item.record.id, first=first))
                continue
            record, problems = _read_prose(item.record, origin, data_dir)  # prose holds no marked values
            diagnostics += problems
            records[record.id] = record
            origins[record.id] = origin
            if item.marked is not None:
                marked[record.id] = item.marked
    cache.save()
    nested, problems = _index_nested(records, origins)
    diagnostics += problems
    vocabularies = {v.id: {t.key: t for t in v.terms} for v in records.values() if isinstance(v, Vocabulary)}
    archive = Archive(data_dir, dict(sorted(records.items())), origins, nested, vocabularies)
    archive.knows_marked_values(marked)
    diagnostics += check_marked(archive, invalid_ids)
    if not [r for r in records.values() if r.type == "jurisdiction"] and (records or not _failed(diagnostics)):
        # An empty folder too: it is not an archive (every build needs the jurisdiction).
        diagnostics.append(Diagnostic.error("E101", Location(relative_path(data_dir))))
    return archive, diagnostics


def _failed(diagnostics: list[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def _load_file(file: Path, display: str, cache: RecordCache) -> FileResult:
    """Steps 2 and 3 for one file, from the cache when its bytes were seen before."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return FileResult((Diagnostic.error("E005", Location(display), detail=exc.strerror or exc),), None, ())
    key = entry_key(display, raw)
    cached = _rebuilt(cache.get(key))
    if cached is not None:
        return cached
    data, source, problems = parse_yaml(raw, display)
    items: list[ItemResult] = []
    if data is not None and source is not None:
        for index, item in enumerate(data if isinstance(data, list) else [data]):
            base: PathT = (index,) if isinstance(data, list) else ()
            record, invalid = _validate(item, Origin(file, source, base))
            rejected = item.get("id") if record is None and isinstance(item, dict) else None
            items.append(ItemResult(base, record, tuple(invalid), rejected if isinstance(rejected, str) else None,
                                    item if record is not None else None,
                                    marked_values(record) if record is not None else None))
    result = FileResult(tuple(problems), source, tuple(items))
    cache.put(key, result)
    return result


def _rebuilt(cached: FileResult | None) -> FileResult | None:
    """A cached file with its valid records built again from their values (None: use no cache)."""
    if cached is None:
        return None
    items = []
    for item in cached.items:
        if item.data is None:
            items.append(item)
            continue
        cls = RECORD_TYPES.get(str(item.data.get("type"))) if isinstance(item.data, dict) else None
        try:
            record = cls.model_validate(item.data) if cls is not None else None
        except ValidationError:
            record = None
        if record is None:  # these values were valid when cached: the entry is not what it claims
            return None
        items.append(dataclasses.replace(item, record=record))
    return dataclasses.replace(cached, items=tuple(items))


# ---------------------------------------------------------------------------------------------
# Step 3: one record against its model


def _validate(item: Any, origin: Origin) -> tuple[Record | None, list[Diagnostic]]:
    if not isinstance(item, dict):
        return None, [Diagnostic.error("E012", origin.locate(), expected="mapping (a record)", got=_kind(item))]
    record_type = item.get("type")
    if record_type is None:
        return None, [Diagnostic.error("E010", origin.locate(), got="(none)", suggestion=_suggest(
            "", RECORD_TYPES), choices=", ".join(RECORD_TYPES))]
    cls = RECORD_TYPES.get(str(record_type))
    if cls is None:
        return None, [Diagnostic.error("E010", origin.locate(("type",)), got=record_type,
                                       suggestion=_suggest(str(record_type), RECORD_TYPES),
                                       choices=", ".join(RECORD_TYPES))]
    try:
        return cls.model_validate(item), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        return None, [_translate(error, cls, origin) for error in _without_typo_echoes(errors, cls)]


def _without_typo_echoes(errors: list[dict], cls: type[BaseModel]) -> list[dict]:
    """A misspelt key ('rol') also makes its field ('role') missing: report the misspelling only."""
    misspelt = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            parent, key = tuple(error["loc"][:-1]), str(error["loc"][-1])
            suggestion = _suggest(key, _fields_at(cls, parent))
            if suggestion:
                misspelt.add(parent + (suggestion,))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in misspelt)]


_DATE_ERRORS = {"date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact", "date_future", "date_past"}
_RANGE_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}


def _translate(error: dict, cls: type[BaseModel], origin: Origin) -> Diagnostic:
    loc: PathT = tuple(part for part in error["loc"] if not _is_union_tag(part))
    kind = error["type"]
    value = error.get("input")
    if isinstance(value, Unclear):
        return _unclear(value, kind, origin.locate(loc), _dotted(loc))
    if kind == "extra_forbidden":
        known = _fields_at(cls, loc[:-1])
        return Diagnostic.error("E011", origin.locate(loc, key=True), key=loc[-1],
                                suggestion=_suggest(str(loc[-1]), known), known=", ".join(known))
    if kind == "missing":
        return Diagnostic.error("E013", origin.locate(loc[:-1]), field=_dotted(loc))
    if kind in _DATE_ERRORS:
        return Diagnostic.error("E014", origin.locate(loc), value=value, field=_dotted(loc))
    if kind == "string_pattern_mismatch":
        return Diagnostic.error("E015", origin.locate(loc), value=value, field=_dotted(loc),
                                pattern=error.get("ctx", {}).get("pattern", ""))
    if kind in _RANGE_ERRORS:
        return Diagnostic.error("E017", origin.locate(loc), value=value, field=_dotted(loc), detail=error["msg"])
    if kind in {"too_short", "string_too_short"}:
        return Diagnostic.error("E018", origin.locate(loc), field=_dotted(loc))
    if kind in _STRICT_HINTS:
        return Diagnostic.error(_STRICT_HINTS[kind], origin.locate(loc), field=_dotted(loc), got=_kind(value),
                                suggestion=_likely(kind, value))
    if kind == "value_error":
        return Diagnostic.error("E016", origin.locate(loc), field=_dotted(loc) or "(record)",
                                detail=error["msg"].removeprefix("Value error, "))
    return Diagnostic.error("E012", origin.locate(loc), field=_dotted(loc), expected=_expected(error),
                            got=_kind(value))


# Strict types: the value has the wrong kind, and the fix is usually obvious ("write true or false").
_STRICT_HINTS = {"bool_type": "E043", "int_type": "E044", "date_type": "E045"}


def _unclear(value: Unclear, kind: str, where: Location, field: str) -> Diagnostic:
    """A plain scalar YAML readers disagree on (0017, 1:30, 0x1F): name both readings and the fix."""
    if not value.yaml11:
        return Diagnostic.error("E042", where, field=field, digits=len(value.text.lstrip("+-")))
    code = "E040" if kind in {"string_type", "string_pattern_mismatch", "literal_error"} else "E041"
    return Diagnostic.error(code, where, field=field, value=value.text, yaml11=value.yaml11, yaml12=value.yaml12,
                            suggestion=value.number)


def _likely(kind: str, value: Any) -> str:
    """What the writer most likely meant, when it is unambiguous: "17" or 17.0 for 17, nothing else."""
    if kind == "int_type" and isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return str(int(value))
    if kind == "int_type" and isinstance(value, float) and value.is_integer():
        return str(int(value))
    if kind == "date_type" and isinstance(value, int) and not isinstance(value, bool) and len(str(value)) == 8:
        text = str(value)
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return ""


def _is_union_tag(part: object) -> bool:
    # pydantic inserts the chosen union member's name into loc (e.g. 'str', 'function-after[...]').
    return isinstance(part, str) and "[" in part


def _expected(error: dict) -> str:
    return {
        "string_type": "text", "int_type": "whole number", "int_parsing": "whole number",
        "int_from_float": "whole number", "bool_type": "true or false", "bool_parsing": "true or false",
        "list_type": "list", "model_type": "mapping", "dict_type": "mapping", "date_type": "date YYYY-MM-DD",
        "decimal_parsing": "number", "decimal_type": "number", "float_parsing": "number",
        "finite_number": "a finite number",
        "literal_error": str(error.get("ctx", {}).get("expected", "")),
    }.get(error["type"], error["msg"])


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, int | float | Decimal):
        return f"number {value}"
    if isinstance(value, Unclear):
        return f"unquoted {value.text}"
    return f"text {str(value)!r}"


def _dotted(loc: PathT) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _suggest(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def _fields_at(cls: type[BaseModel], loc: PathT) -> list[str]:
    """The field names of the model found at ``loc`` inside ``cls`` (for "did you mean")."""
    current: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        model = _model_in(current)
        if model is None or part not in model.model_fields:
            return []
        current = model.model_fields[part].annotation
    model = _model_in(current)
    return list(model.model_fields) if model else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None


# ---------------------------------------------------------------------------------------------
# Step 4: nested IDs


def _index_nested(records: dict[str, Record], origins: dict[str, Origin]) -> tuple[dict[str, Nested], list]:
    nested: dict[str, Nested] = {}
    problems: list[Diagnostic] = []
    for record in records.values():
        for record_type, attribute, nested_type in NESTED_TYPES:
            if record.type != record_type:
                continue
            for index, part in enumerate(getattr(record, attribute)):
                part_id = getattr(part, "id", None)
                if part_id is None:
                    continue
                path = (attribute, index)
                if part_id in records or part_id in nested:
                    here = origins[record.id].locate(path + ("id",))
                    first = (origins[part_id].locate(("id",)) if part_id in records
                             else origins[nested[part_id].parent].locate(nested[part_id].path + ("id",)))
                    problems.append(Diagnostic.error("E020", here, id=part_id, first=first))
                    continue
                nested[part_id] = Nested(part_id, nested_type, record.id, path, part)
    return nested, problems


# ---------------------------------------------------------------------------------------------
# Step 5: references and vocabulary values


def check_marked(archive: Archive, invalid_ids: set[str] | frozenset[str] = frozenset()) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    all_ids = list(archive.records) + list(archive.nested)
    for record in archive:
        origin = archive.origins[record.id]
        for marked in archive.marked_values(record.id):
            mark = marked.mark
            # The place is looked up only for a problem: 400,000 values are fine in 10,000 dossiers.
            if isinstance(mark, RefTo) and marked.value not in invalid_ids:
                if archive.kind_of(marked.value) not in mark.types:
                    problems += _check_ref(archive, marked.value, mark.types, origin.locate(marked.path), all_ids)
            elif isinstance(mark, VocabOf) and marked.value not in archive.vocabularies.get(mark.name, ()):
                problems += _check_term(archive, marked.value, mark.name, origin.locate(marked.path))
    return problems


def _check_ref(archive: Archive, target: str, wanted: tuple[str, ...], where: Location,
               all_ids: list[str]) -> list[Diagnostic]:
    kind = archive.kind_of(target)
    if kind is None:
        candidates = [i for i in all_ids if archive.kind_of(i) in wanted]
        return [Diagnostic.error("E021", where, id=target, wanted="/".join(wanted),
                                 suggestion=_suggest(target, candidates))]
    if kind not in wanted:
        return [Diagnostic.error("E023", where, id=target, kind=kind, wanted="/".join(wanted))]
    return []


def _check_term(archive: Archive, key: str, vocabulary: str, where: Location) -> list[Diagnostic]:
    terms = archive.vocabularies.get(vocabulary)
    if terms is None:
        return [Diagnostic.error("E024", where, vocabulary=vocabulary)]
    if key not in terms:
        return [Diagnostic.error("E022", where, value=key, vocabulary=vocabulary,
                                 suggestion=_suggest_term(key, terms), choices=", ".join(terms))]
    return []


def _suggest_term(key: str, terms: dict) -> str:
    """The term meant by a wrong value: a close spelling, a term whose label was written instead of
    its key, or — for short Chinese values, where one character of two is already too far for
    difflib (重要 for 重大) — the one term sharing the most characters in place."""
    close = _suggest(key, terms)
    if close:
        return close
    by_label = [k for k, term in terms.items() if key in (term.label.zh, term.label.en)]
    if by_label:
        return by_label[0]
    shared = {k: sum(a == b for a, b in zip(key, k, strict=False)) for k in terms}
    best = max(shared.values(), default=0)
    winners = [k for k, n in shared.items() if n == best]
    return winners[0] if best and len(winners) == 1 else ""


# ---------------------------------------------------------------------------------------------
# Step 6: prose files


def _read_prose(record: Record, origin: Origin, data_dir: Path) -> tuple[Record, list[Diagnostic]]:
    problems: list[Diagnostic] = []

    def resolve(value: Any, path: PathT) -> Any:
        if isinstance(value, Prose):
            updates = {}
            for lang in ("zh", "en"):
                name = getattr(value, f"{lang}_file")
                if name is None:
                    continue
                where = origin.locate(path + (f"{lang}_file",))
                text = _read_markdown(origin.file.parent, name, data_dir, where, problems)
                updates[lang] = text if text is not None else ""
            return value.model_copy(update=updates) if updates else value
        if isinstance(value, BaseModel):
            updates = {}
            for name in fields_holding(type(value), (Prose,)):
                old = getattr(value, name)
                new = resolve(old, path + (name,))
                if new is not old:
                    updates[name] = new
            return value.model_copy(update=updates) if updates else value
        if isinstance(value, list):
            items = [resolve(item, path + (i,)) for i, item in enumerate(value)]
            return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
        return value

    return resolve(record, ()), problems


def _read_markdown(folder: Path, name: str, data_dir: Path, where: Location, problems: list[Diagnostic]
                   ) -> str | None:
    raw, problem = read_prose_file(folder, name, data_dir, where)  # confined to the archive
    if raw is None:
        problems.append(problem)
        return None
    file = folder / name
    try:
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.append(Diagnostic.error("E002", Location(relative_path(file), line, col),
                                         byte=f"0x{raw[exc.start]:02X}"))
        return None
