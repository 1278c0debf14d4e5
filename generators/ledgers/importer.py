"""Rows of a ledger workbook → changes to the archive's records, planned whole before anything is written.

The plan is made in three steps, each reporting every problem it finds at its cell:

1. find each sheet's header row by its words (title rows above it, a 序号 column, any column
   order; columns it does not know are named and left out) and read every data row's cells
   (:mod:`cells`): dates, vocabulary terms, towns and domains of the campaign's scope;
2. match rows to records by their IDs — a ledger row without an ID is a new hazard and gets the
   next free ``HZ-<year>-NNNN`` — and set only the fields the workbook holds, so prose files,
   attachments, progress, acceptance and every other field stay as they are; a blank cell never
   deletes a value;
3. validate every changed record against the record model.

Nothing is written when any problem is an error. Records are changed in their files through
:class:`yamlfile.RecordFile`, so the YAML keeps its layout and key order and only the changed
lines differ. A changed Chinese text drops its English translation (it translated the old
text); the site then shows the Chinese with its "not yet translated" mark.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generators import present
from generators.diagnostics import Diagnostic, relative_path
from generators.ledgers import cells
from generators.ledgers.columns import (
    CODE,
    DATE,
    DOMAIN,
    EXPERIENCE,
    HAZARD_LIST,
    ID,
    INDEX,
    INFO_CAMPAIGN,
    INFO_RECORD,
    INFO_TITLE,
    INFO_TOWN,
    LEDGER,
    SHEETS,
    SHOWN,
    TASKS,
    TEXT,
    TOWN,
    VOCAB,
    Column,
    SheetKind,
    normalise_header,
)
from generators.ledgers.read import Sheet, Workbook, at, cell_name, read_workbook
from generators.ledgers.rows import self_assessment
from generators.ledgers.write import OPTIONS_TITLE
from generators.ledgers.yamlfile import RecordFile, canonical_order, put
from generators.records import Archive
from generators.records.model import RECORD_TYPES, Campaign, Hazard, SelfAssessment

HEADER_SCAN_ROWS = 30
HAZARD_ID = re.compile(r"^HZ-(\d{4})-(\d{4,})$")
SKIPPED_SHEETS = {normalise_header(INFO_TITLE), normalise_header(OPTIONS_TITLE)}


@dataclass
class Row:
    sheet: str
    number: int
    values: dict[str, Any]            # field → typed value, only cells that hold something
    cols: dict[str, int]              # field → column number
    bad: set[str] = field(default_factory=set)   # fields whose cell was reported unreadable

    def where(self, display: str, field_name: str | None = None):
        col = self.cols.get(field_name, 1) if field_name else 1
        return at(display, self.sheet, self.number, col)


@dataclass
class Change:
    record: str
    path: Path
    added: bool
    fields: list[tuple[str, str, str]] = field(default_factory=list)   # (field, old, new)
    cells: dict[str, Any] = field(default_factory=dict)                 # field → the cell it came from


@dataclass
class Plan:
    files: dict[Path, RecordFile] = field(default_factory=dict)
    changes: dict[str, Change] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(d.is_error for d in self.diagnostics)

    def changed_files(self) -> dict[Path, str]:
        paths = {c.path for c in self.changes.values() if c.added or c.fields}
        return {p: self.files[p].text() for p in sorted(paths)}


# ---------------------------------------------------------------------------------------------
# Entry point


def plan_import(archive: Archive, file: Path, campaign_id: str | None = None, town: str | None = None) -> Plan:
    display = relative_path(file)
    book, problems = read_workbook(file, display)
    plan = Plan(diagnostics=list(problems))
    if book is None:
        return plan
    job = _Job(archive, book, plan)
    job.run(campaign_id, town)
    return plan


def write_plan(plan: Plan) -> list[Path]:
    """Write every changed file or none: all are written beside their targets first, then renamed.
    A plan with any error writes nothing."""
    if plan.failed:
        return []
    texts = plan.changed_files()
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in texts.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(f".{path.name}.import-part")
            part.write_text(text, encoding="utf-8")
            staged.append((part, path))
    except OSError as exc:
        for part, _ in staged:
            part.unlink(missing_ok=True)
        plan.diagnostics.append(Diagnostic.error("E934", at(relative_path(path)), path=relative_path(path),
                                                 detail=exc.strerror or exc))
        return []
    for part, path in staged:
        os.replace(part, path)
    return list(texts)


# ---------------------------------------------------------------------------------------------


class _Job:
    def __init__(self, archive: Archive, book: Workbook, plan: Plan):
        self.archive, self.book, self.plan = archive, book, plan
        self.display = book.display
        self.campaign: Campaign | None = None
        self.seen_ids: dict[tuple[str, str], str] = {}
        self.names: dict[tuple[str, ...], dict[str, list[str]]] = {}
        self.last_number: dict[int, int] = {}     # year → highest HZ-<year>-NNNN taken so far

    def error(self, code: str, where, **params: object) -> None:
        self.plan.diagnostics.append(Diagnostic.error(code, where, **params))

    def problem(self, where, found: cells.Problem | None) -> None:
        if found:
            self.error(found[0], where, **found[1])

    # -- which campaign and town ------------------------------------------------------------

    def run(self, campaign_id: str | None, town: str | None) -> None:
        info = self._info()
        self.campaign = self._campaign(campaign_id or info.get(INFO_CAMPAIGN))
        if self.campaign is None:
            return
        found = [f for f in (self._recognise(s) for s in self.book.sheets) if f is not None]
        if not found and not self.plan.failed:
            self.error("E933", at(self.display), headers=_signatures())
        rows = {kind.key: [] for kind in SHEETS}
        for sheet, kind, header_row, matched in found:
            rows[kind.key] += self._rows(sheet, kind, header_row, matched)
        given = town or info.get(INFO_TOWN)
        town_id = self._town(given) if cells.text(given) else None
        if not cells.text(given) and any(rows[k.key] for k in (TASKS, HAZARD_LIST, EXPERIENCE)):
            sheet = next(f[0] for f in found if f[1] is not LEDGER)
            self.error("E932", at(self.display, sheet.name))
        # Row-level checks (IDs, duplicates, missing cells) run even after cell errors, so that
        # every problem is listed at once; the records are validated only when all cells read.
        self._hazards(rows[LEDGER.key], town_id)
        if town_id:
            self._lists(town_id, rows, cells.folded(info.get(INFO_RECORD)))
        if not self.plan.failed:
            self._validate()

    def _info(self) -> dict[str, Any]:
        sheet = next((s for s in self.book.sheets if normalise_header(s.name) == normalise_header(INFO_TITLE)), None)
        info: dict[str, Any] = {}
        for row in sheet.rows if sheet else []:
            if len(row) >= 2 and cells.text(row[0]) in (INFO_CAMPAIGN, INFO_TOWN, INFO_RECORD) and cells.text(row[1]):
                info[cells.text(row[0])] = row[1]
        return info

    def _campaign(self, wanted: Any) -> Campaign | None:
        campaigns = self.archive.of_type(Campaign)
        if wanted is None and len(campaigns) == 1:
            return campaigns[0]
        typed = cells.text(wanted)
        for campaign in campaigns:
            if typed and typed in (campaign.id, campaign.title.zh):
                return campaign
        self.error("E931", at(self.display), choices="、".join(c.id for c in campaigns))
        return None

    def _town(self, wanted: Any) -> str | None:
        town, problem = cells.find_name(wanted, self._names(self.campaign.scope.towns), "区镇")
        self.problem(at(self.display), problem)
        return town

    def _names(self, ids: list[str]) -> dict[str, list[str]]:
        """ID → [Chinese name, short name, ID] of organisations or domains (made once per scope)."""
        key = tuple(ids)
        if key not in self.names:
            self.names[key] = self._name_table(ids)
        return self.names[key]

    def _name_table(self, ids: list[str]) -> dict[str, list[str]]:
        result = {}
        for rid in ids:
            record = self.archive.get(rid)
            short = getattr(record, "short_name", None)
            result[rid] = [present.title(self.archive, rid, "zh"), short.zh if short else "", rid]
        return result

    # -- headers ----------------------------------------------------------------------------

    def _recognise(self, sheet: Sheet) -> tuple[Sheet, SheetKind, int, dict[int, Column]] | None:
        """The sheet's kind and header row: the row among the first ones whose words name every
        signature column of a kind and the most columns in all (the sheet's name breaks ties)."""
        if normalise_header(sheet.name) in SKIPPED_SHEETS:
            return None
        best: tuple[int, int, SheetKind, dict[int, Column]] | None = None
        for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS], 1):
            words = {c: normalise_header(cells.text(v)) for c, v in enumerate(row, 1) if cells.text(v)}
            for kind in SHEETS:
                matched = {c: col for c, word in words.items() for col in kind.columns if word in col.names()}
                fields = {col.field for col in matched.values()}
                if not all(f in fields for f in kind.signature):
                    continue
                score = len(fields) * 2 + (1 if kind.title in sheet.name else 0)
                if best is None or score > best[0]:
                    best = (score, r, kind, matched)
        if best is None:
            self.plan.diagnostics.append(Diagnostic.warning("W902", at(self.display, sheet.name), sheet=sheet.name,
                                                            headers=_signatures()))
            return None
        _, header_row, kind, matched = best
        self._header_problems(sheet, header_row, kind, matched)
        return sheet, kind, header_row, matched

    def _header_problems(self, sheet: Sheet, header_row: int, kind: SheetKind, matched: dict[int, Column]) -> None:
        first: dict[str, int] = {}
        for c, column in sorted(matched.items()):
            if column.field in first:
                self.error("E929", at(self.display, sheet.name, header_row, c), column=column.header,
                           first=cell_name(header_row, first[column.field]))
            first.setdefault(column.field, c)
        known = "、".join(col.header for col in kind.columns)
        for c, value in enumerate(sheet.rows[header_row - 1], 1):
            if cells.text(value) and c not in matched:
                self.plan.ignored.append(f"{sheet.name}!{cell_name(header_row, c)} {cells.text(value)}")
                self.plan.diagnostics.append(Diagnostic.warning(
                    "W901", at(self.display, sheet.name, header_row, c), column=cells.text(value), known=known))
        for r1, c1, r2, _c2 in sheet.merged:
            if r2 > header_row:
                self.error("E910", at(self.display, sheet.name, r1, c1),
                           range=f"{cell_name(r1, c1)}:{cell_name(r2, _c2)}")
        for (r, c), formula in sorted(sheet.formulas.items()):
            if r >= header_row:
                self.error("E909", at(self.display, sheet.name, r, c), formula=f"={formula}" if formula else "=…")

    # -- rows -------------------------------------------------------------------------------

    def _rows(self, sheet: Sheet, kind: SheetKind, header_row: int, matched: dict[int, Column]) -> list[Row]:
        """Every data row below the header; empty rows, and rows holding only an ID (a template's
        pre-filled row nobody filled in), say nothing and are skipped."""
        keys = {col.field for col in kind.columns if col.kind in (ID, INDEX)}
        reported = _reported_cells(sheet, header_row)
        result = []
        for r in range(header_row + 1, len(sheet.rows) + 1):
            raw = sheet.rows[r - 1]
            row = Row(sheet.name, r, {}, {})
            for c, column in matched.items():
                value = raw[c - 1] if c - 1 < len(raw) else None
                row.cols[column.field] = c
                if (r, c) in reported:
                    row.bad.add(column.field)   # a formula or merged cell, reported once already
                    continue
                if column.kind == SHOWN or cells.text(value) == "":
                    continue
                where = at(self.display, sheet.name, r, c)
                typed = value if column.kind == INDEX else self._value(column, value, where)
                if typed is not None:
                    row.values[column.field] = typed
                else:
                    row.bad.add(column.field)
            if (set(row.values) | row.bad) - keys:
                result.append(row)
        return result

    def _value(self, column: Column, value: Any, where) -> Any:
        kind = column.kind
        if kind == TEXT:
            return cells.text(value)
        if kind == ID:
            return cells.folded(value)
        if kind == CODE:
            return cells.folded(value).upper()
        if kind == DATE:
            parsed, problem = cells.date(value)
        elif kind == VOCAB:
            parsed, problem = self._term(column.vocabulary, value)
        elif kind == TOWN:
            parsed, problem = cells.find_name(value, self._names(self.campaign.scope.towns), "区镇")
        elif kind == DOMAIN:
            parsed, problem = cells.find_name(value, self._names(self.campaign.scope.domains), "行业领域")
        else:
            return None
        self.problem(where, problem)
        return parsed

    def _term(self, vocabulary: str, value: Any) -> tuple[str | None, cells.Problem | None]:
        terms = self.archive.vocabularies.get(vocabulary, {})
        answer = cells.yes_no(value)
        if answer is not None and any("major" in t.flags for t in terms.values()):
            # 是否重大隐患: 是/否 answers the grade question
            return next(k for k, t in terms.items() if ("major" in t.flags) == answer), None
        lookup = {}
        for key, term in terms.items():
            lookup[cells.folded(key)] = key
            lookup[cells.folded(term.label.zh)] = key
        return cells.term(value, lookup, [t.label.zh for t in terms.values()])

    # -- hazards ----------------------------------------------------------------------------

    def _hazards(self, rows: list[Row], town: str | None) -> None:
        """Ledger rows into dossiers; a new row without a 区镇 cell is in the workbook's town."""
        new_rows = []
        known = self._natural_keys()
        for row in rows:
            hid = row.values.get("id") or known.get(_natural_key(row.values))
            if not hid:
                new_rows.append(row)
                continue
            hazard = self._existing(row, "id", hid, Hazard, "隐患")
            if hazard is None:
                continue
            if hazard.campaign != self.campaign.id:
                self.error("E926", row.where(self.display, "id"), id=hid, campaign=hazard.campaign)
                continue
            if not _differs(hazard, row, LEDGER):
                continue   # the common case on a re-import: no file to read or write
            origin = self.archive.origins[hazard.id]
            record = self._file(origin.file).record(hazard.id)
            self._apply(hazard.id, origin.file, record, Hazard, row, LEDGER, added=False)
        for row in new_rows:
            if town and "town" not in row.values and "town" not in row.bad:
                row.values["town"] = town
            if self._complete(row, LEDGER):
                self._new_hazard(row)

    def _natural_keys(self) -> dict[tuple, str]:
        """A row without an ID that a previous import already added is that hazard (same title,
        credit code and discovery date in the campaign), so importing a workbook twice adds nothing."""
        keys: dict[tuple, str] = {}
        for h in self.archive.of_type(Hazard):
            if h.campaign == self.campaign.id:
                keys[(h.title.zh, h.entity.credit_code, h.discovery.date)] = h.id
        return keys

    def _existing(self, row: Row, field_name: str, rid: str, cls: type, what: str):
        key = (cls.__name__, rid)
        where = row.where(self.display, field_name)
        if key in self.seen_ids:
            self.error("E927", where, id=rid, first=self.seen_ids[key])
            return None
        self.seen_ids[key] = str(where).split(":", 1)[-1]
        record = self.archive.get(rid)
        if not isinstance(record, cls):
            known = [r.id for r in self.archive.of_type(cls)]
            self.error("E925", where, id=rid, what=what, suggestion=cells.suggest(rid, known))
            return None
        return record

    def _complete(self, row: Row, kind: SheetKind) -> bool:
        missing = [c for c in kind.columns if c.required and c.field not in row.values and c.field not in row.bad]
        for column in missing:
            self.error("E928", row.where(self.display, column.field if column.field in row.cols else None),
                       column=column.header)
        return not missing and not row.bad

    def _new_hazard(self, row: Row) -> None:
        found = row.values["discovery.date"]
        hid = self._next_hazard_id(found.year)
        folder = self.archive.origins[self.campaign.id].file.parent / "hazards"
        path = folder / f"{hid}.yml"
        record: dict[str, Any] = {"type": "hazard", "id": hid}
        order = canonical_order(Hazard)
        put(record, "campaign", self.campaign.id, order)
        plans = [p.id for p in self.campaign.plans if p.domain == row.values["domain"]]
        if len(plans) == 1:
            put(record, "plan", plans[0], order)
        self.plan.files[path] = RecordFile.new(path, "hazard", self.archive.root, record)
        self._apply(hid, path, record, Hazard, row, LEDGER, added=True)

    def _next_hazard_id(self, year: int) -> str:
        if not self.last_number:
            for rid in (*self.archive.records, *self.archive.nested):
                if match := HAZARD_ID.match(rid):
                    found = int(match.group(1))
                    self.last_number[found] = max(self.last_number.get(found, 0), int(match.group(2)))
        self.last_number[year] = self.last_number.get(year, 0) + 1
        return f"HZ-{year}-{self.last_number[year]:04d}"

    # -- the three lists of the self-assessment ----------------------------------------------

    def _lists(self, town: str, rows: dict[str, list[Row]], named: str) -> None:
        """Into the self-assessment the 说明 sheet names (an export of an older version goes back
        into that version), else the town's current one, else a new one."""
        sa = self.archive.get(named)
        if not (isinstance(sa, SelfAssessment) and sa.campaign == self.campaign.id and sa.town == town):
            sa = self_assessment(self.archive, self.campaign.id, town)
        if sa is not None:
            path = self.archive.origins[sa.id].file
            record = self._file(path).record(sa.id)
            added = False
        else:
            record, path = self._new_self_assessment(town)
            added = True
        before = len(self.plan.diagnostics)
        self._task_items(record, rows[TASKS.key])
        self._hazard_items(record, rows[HAZARD_LIST.key])
        self._experience_items(record, rows[EXPERIENCE.key])
        if len(self.plan.diagnostics) == before:
            self.plan.changes.setdefault(record["id"], Change(record["id"], path, added))

    def _new_self_assessment(self, town: str) -> tuple[dict, Path]:
        rid = f"{self.campaign.id}-sa-{town}"
        name = present.title(self.archive, town, "zh")
        record: dict[str, Any] = {"type": "self-assessment", "id": rid,
                                  "title": _flow_text(f"{name}{self.campaign.title.zh}自评报告"),
                                  "campaign": self.campaign.id, "town": town}
        path = self.archive.origins[self.campaign.id].file.parent / "self-assessments" / f"{town}.yml"
        self.plan.files[path] = RecordFile.new(path, "self-assessment", self.archive.root, record)
        self.plan.changes[rid] = Change(rid, path, True)
        return record, path

    def _task_items(self, record: dict, rows: list[Row]) -> None:
        for row in rows:
            tid = self._key(row, TASKS, "task")
            if not tid:
                continue
            nested = self.archive.nested.get(tid)
            if nested is None or nested.type != "target-task" or nested.parent != self.campaign.id:
                tasks = [t.id for t in self.campaign.target_tasks]
                self.error("E925", row.where(self.display, "task"), id=tid, what="目标任务",
                           suggestion=cells.suggest(tid, tasks))
                continue
            self._list_item(record, "target_task_list", "task", tid, row, TASKS)

    def _hazard_items(self, record: dict, rows: list[Row]) -> None:
        for row in rows:
            hid = self._key(row, HAZARD_LIST, "hazard")
            if hid and self._known_hazard(row, hid):
                self._list_item(record, "hazard_list", "hazard", hid, row, HAZARD_LIST)

    def _known_hazard(self, row: Row, hid: str) -> bool:
        if isinstance(self.archive.get(hid), Hazard):
            return True
        known = [h.id for h in self.archive.of_type(Hazard)]
        self.error("E925", row.where(self.display, "hazard"), id=hid, what="隐患", suggestion=cells.suggest(hid, known))
        return False

    def _key(self, row: Row, kind: SheetKind, field_name: str) -> str | None:
        """The row's key in its list (a task or hazard ID, an experience's title), once per sheet."""
        key = row.values.get(field_name)
        if not key:
            if field_name not in row.bad:
                self.error("E928", row.where(self.display, field_name), column=kind.column(field_name).header)
            return None
        return key if self._once(row, field_name, key) else None

    def _once(self, row: Row, field_name: str, rid: str) -> bool:
        key = (row.sheet, rid)
        where = row.where(self.display, field_name)
        if key in self.seen_ids:
            self.error("E927", where, id=rid, first=self.seen_ids[key])
            return False
        self.seen_ids[key] = f"{row.sheet}!{cell_name(row.number, row.cols[field_name])}"
        return True

    def _list_item(self, record: dict, list_key: str, id_key: str, rid: str, row: Row, kind: SheetKind) -> None:
        items = record.get(list_key)
        item = next((i for i in items or [] if i.get(id_key) == rid), None)
        label = f"{list_key}[{rid}]"
        if item is None:
            if not self._complete(row, kind):
                return
            item = {id_key: rid}
            if items is None:
                items = []
                put(record, list_key, items, canonical_order(SelfAssessment))
            items.append(item)
            label = f"{list_key}[{rid}] +"
        self._set_fields(record["id"], item, _item_model(list_key), row, kind, label)

    def _experience_items(self, record: dict, rows: list[Row]) -> None:
        items = record.get("experience_list")
        titles = {cells.text(r.values.get("title")) for r in rows}
        for row in rows:
            title = self._key(row, EXPERIENCE, "title")
            if not title:
                continue
            item = next((i for i in items or [] if _zh(i.get("title")) == title), None)
            if item is None:
                item = self._renamed_item(items, row.values.get("index"), titles)
            label = f"experience_list[{title}]"
            if item is None:
                item = {}
                if items is None:
                    items = []
                    put(record, "experience_list", items, canonical_order(SelfAssessment))
                items.append(item)
                label += " +"
            self._set_fields(record["id"], item, _item_model("experience_list"), row, EXPERIENCE, label)

    @staticmethod
    def _renamed_item(items: list | None, index: Any, titles: set[str]) -> dict | None:
        """The item at the row's 序号 when its title is no longer in the workbook: the row renames it."""
        number = cells.folded(index)
        if not items or not number.isdigit() or not 1 <= int(number) <= len(items):
            return None
        item = items[int(number) - 1]
        return item if _zh(item.get("title")) not in titles else None

    # -- setting fields ---------------------------------------------------------------------

    def _apply(self, rid: str, path: Path, record: dict, cls: type[BaseModel], row: Row, kind: SheetKind,
               added: bool) -> None:
        change = self.plan.changes.setdefault(rid, Change(rid, path, added))
        change.fields += _set_all(record, cls, row, kind)
        change.cells.update({f: row.where(self.display, f) for f in (*row.cols, "")})

    def _set_fields(self, rid: str, item: dict, cls: type[BaseModel], row: Row, kind: SheetKind,
                    label: str) -> None:
        change = self.plan.changes.get(rid)
        origin = self.archive.origins.get(rid)
        if change is None:
            change = self.plan.changes[rid] = Change(rid, origin.file, False)
        change.fields += [(f"{label}.{name}", old, new) for name, old, new in _set_all(item, cls, row, kind)]
        change.cells.setdefault("", row.where(self.display))

    def _file(self, path: Path) -> RecordFile:
        if path not in self.plan.files:
            self.plan.files[path] = RecordFile.read(path)
        return self.plan.files[path]

    # -- validation -------------------------------------------------------------------------

    def _validate(self) -> None:
        for change in self.plan.changes.values():
            if not (change.added or change.fields):
                continue
            record = self.plan.files[change.path].record(change.record)
            cls = RECORD_TYPES[record["type"]]
            try:
                cls.model_validate(record)
            except ValidationError as exc:
                for problem in exc.errors():
                    dotted = ".".join(str(p) for p in problem["loc"])
                    where = change.cells.get(dotted) or change.cells.get("") or at(self.display)
                    self.error("E930", where, id=change.record, detail=f"{dotted}: {problem['msg']}")


# ---------------------------------------------------------------------------------------------
# Field setting on plain YAML mappings


def _set_all(mapping: dict, cls: type[BaseModel], row: Row, kind: SheetKind) -> list[tuple[str, str, str]]:
    """Set the row's values on the record (or list item); returns (field, old, new) for each change."""
    changes = []
    for column in kind.columns:
        if column.kind in (INDEX, SHOWN, ID) or column.field not in row.values:
            continue   # IDs are the row's key, never a field to change
        *parents, name = column.field.split(".")
        target, model = mapping, cls
        for part in parents:
            if not isinstance(target.get(part), dict):
                put(target, part, {}, canonical_order(model))
            target, model = target[part], _sub_model(model, part)
        found = _set(target, name, row.values[column.field], column.kind == TEXT, canonical_order(model))
        if found:
            changes.append((column.field, *found))
    return changes


def _reported_cells(sheet: Sheet, header_row: int) -> set[tuple[int, int]]:
    """Data cells already reported as formulas or merged: their value is not read again."""
    found = {cell for cell in sheet.formulas if cell[0] > header_row}
    for r1, c1, r2, c2 in sheet.merged:
        if r2 > header_row:
            found |= {(r, c) for r in range(max(r1, header_row + 1), r2 + 1) for c in range(c1, c2 + 1)}
    return found


def _differs(model: BaseModel, row: Row, kind: SheetKind) -> bool:
    """Whether any value the row holds differs from the loaded record's."""
    for column in kind.columns:
        if column.kind in (INDEX, SHOWN, ID) or column.field not in row.values:
            continue
        current: Any = model
        for part in column.field.split("."):
            current = getattr(current, part, None)
        if column.kind == TEXT:
            current = current.zh if current is not None else None
        if current != row.values[column.field]:
            return True
    return False


def _set(target: dict, name: str, value: Any, is_text: bool, order: list[str]) -> tuple[str, str] | None:
    current = target.get(name)
    if is_text:
        if isinstance(current, dict) and cells.text(current.get("zh")) == value:
            return None
        new = _flow_text(value) if not isinstance(current, dict) else type(current)(zh=value)
        put(target, name, new, order)
        return _zh(current), value
    if current == value:
        return None
    put(target, name, value, order)
    return _show(current), _show(value)


def _natural_key(values: dict[str, Any]) -> tuple:
    return (values.get("title"), values.get("entity.credit_code"), values.get("discovery.date"))


def _flow_text(zh: str) -> dict:
    from generators.records.yamlout import Flow
    return Flow(zh=zh)


def _zh(value: Any) -> str:
    return cells.text(value.get("zh")) if isinstance(value, dict) else cells.text(value)


def _show(value: Any) -> str:
    if value is None:
        return "—"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _sub_model(cls: type[BaseModel], name: str) -> type[BaseModel]:
    annotation = cls.model_fields[name].annotation
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    raise KeyError(f"{cls.__name__}.{name}")


def _item_model(list_key: str) -> type[BaseModel]:
    annotation = SelfAssessment.model_fields[list_key].annotation
    return typing.get_args(annotation)[0]


def _signatures() -> str:
    return "；".join(f"{k.title}：" + "、".join(k.column(f).header for f in k.signature) for k in SHEETS)
