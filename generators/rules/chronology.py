"""Dates that contradict each other inside a record or against its campaign.

A hazard cannot be closed, accepted or worked on before it was discovered; a report of a campaign
cannot be approved, submitted or completed before the campaign began. Each is a located error on
the later-written date, which is the one most likely mistyped.
"""

from __future__ import annotations

from typing import Any

from generators.diagnostics import Diagnostic
from generators.records import Archive
from generators.records.model import Campaign, Hazard

_HAZARD_STEPS = (("closure", "date", "销号", "closure"), ("acceptance", "date", "验收", "acceptance"))
_REPORT_DATES = (("approval", "on"), ("submitted_on",), ("completed_on",), ("issued_on",))


def check_chronology(archive: Archive) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for hazard in archive.of_type(Hazard):
        found += _hazard(archive, hazard)
    for record in archive:
        campaign = archive.get(getattr(record, "campaign", None) or "")
        if isinstance(campaign, Campaign) and not isinstance(record, Hazard):
            found += _report(archive, record, campaign)
    return found


def _hazard(archive: Archive, hazard: Hazard) -> list[Diagnostic]:
    found = []
    discovered = hazard.discovery.date
    for part, field, what, what_en in _HAZARD_STEPS:
        step = getattr(hazard, part)
        if step is not None and getattr(step, field) < discovered:
            found.append(Diagnostic.error("E280", archive.locate(hazard.id, (part, field)), what=what,
                                          what_en=what_en, date=getattr(step, field), discovered=discovered))
    for index, progress in enumerate(hazard.progress):
        if progress.date < discovered:
            found.append(Diagnostic.error("E280", archive.locate(hazard.id, ("progress", index, "date")),
                                          what="进展", what_en="progress", date=progress.date, discovered=discovered))
    return found


def _report(archive: Archive, record: Any, campaign: Campaign) -> list[Diagnostic]:
    found = []
    for path in _REPORT_DATES:
        value: Any = record
        for part in path:
            value = getattr(value, part, None)
        if value is not None and value < campaign.start:
            found.append(Diagnostic.error("E281", archive.locate(record.id, path), field=".".join(path), date=value,
                                          start=campaign.start, campaign=campaign.id))
    return found
