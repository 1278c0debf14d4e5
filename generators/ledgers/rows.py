"""The cell values of each sheet, from the records: the rows the printed lists show.

Values are typed (dates are dates, so the workbook sorts and filters them as dates); the texts
are the same the printed lists use (``generators/documents/content.py``): Chinese titles, labels
of vocabulary terms, organisation names, the computed hazard status.
``tests/test_ledgers_export.py`` compares these rows with the printed tables cell by cell.
"""

from __future__ import annotations

from typing import Any

from generators import present
from generators.ledgers.columns import EXPERIENCE, HAZARD_LIST, LEDGER, TASKS, SheetKind
from generators.records import Archive
from generators.records.model import Campaign, Hazard, SelfAssessment
from generators.rules import statistics as st
from generators.rules.records import standing

Row = list[Any]


def self_assessment(archive: Archive, campaign_id: str, town: str) -> SelfAssessment | None:
    """The town's current self-assessment in the campaign (the newest version, not withdrawn)."""
    found = [sa for sa in standing(archive, SelfAssessment, campaign_id) if sa.town == town]
    return found[-1] if found else None


def town_hazards(archive: Archive, campaign_id: str, town: str | None) -> list[Hazard]:
    """The campaign's hazards (of one town when given) in ID order, as the printed lists have them."""
    return [h for h in archive.of_type(Hazard) if h.campaign == campaign_id and town in (None, h.town)]


def _label(archive: Archive, vocabulary: str, key: str | None) -> str:
    return archive.label(vocabulary, key, "zh") if key else ""


def task_rows(archive: Archive, sa: SelfAssessment | None, campaign: Campaign | None = None) -> list[Row]:
    """The target-task list; with ``campaign``, the tasks the list lacks follow, to be filled in."""
    items = sa.target_task_list if sa else []
    rows = [[item.task, present.title(archive, item.task, "zh"), item.completion.zh,
             _label(archive, "task-statuses", item.status)] for item in items]
    if campaign is not None:
        listed = {item.task for item in items}
        rows += [[t.id, t.title.zh, "", ""] for t in campaign.target_tasks if t.id not in listed]
    return _numbered(rows)


def hazard_list_rows(archive: Archive, sa: SelfAssessment | None, more: list[Hazard] = ()) -> list[Row]:
    items = sa.hazard_list if sa else []
    rows = [[item.hazard, present.title(archive, item.hazard, "zh"), _label(archive, "hazard-statuses", item.status)]
            for item in items]
    listed = {item.hazard for item in items}
    rows += [[h.id, h.title.zh, ""] for h in more if h.id not in listed]
    return _numbered(rows)


def experience_rows(sa: SelfAssessment | None) -> list[Row]:
    items = sa.experience_list if sa else []
    return _numbered([[item.title.zh, item.description.zh if item.description else ""] for item in items])


def ledger_rows(archive: Archive, hazards: list[Hazard]) -> list[Row]:
    return _numbered([_ledger_row(archive, h) for h in hazards])


def _ledger_row(archive: Archive, h: Hazard) -> Row:
    return [h.id, h.title.zh, present.title(archive, h.town, "zh"), h.entity.name.zh,
            present.title(archive, h.domain, "zh"), _label(archive, "hazard-grades", h.grade),
            h.discovery.date, h.deadline, _label(archive, "hazard-statuses", st.hazard_status(archive, h)),
            h.entity.credit_code, h.entity.location.zh, _label(archive, "hazard-sources", h.discovery.source),
            h.discovery.inspector.zh, h.discovery.description.zh,
            _label(archive, "hazard-categories", h.discovery.category)]


def _numbered(rows: list[Row]) -> list[Row]:
    return [[i + 1, *row] for i, row in enumerate(rows)]


def sheet_rows(archive: Archive, kind: SheetKind, sa: SelfAssessment | None, hazards: list[Hazard],
               campaign: Campaign | None = None) -> list[Row]:
    """Rows of one sheet; ``campaign`` given (the template) adds the rows still to fill in."""
    if kind is TASKS:
        return task_rows(archive, sa, campaign)
    if kind is HAZARD_LIST:
        return hazard_list_rows(archive, sa, hazards if campaign is not None else [])
    if kind is EXPERIENCE:
        return experience_rows(sa)
    if kind is LEDGER:
        return ledger_rows(archive, hazards)
    raise ValueError(kind.key)
