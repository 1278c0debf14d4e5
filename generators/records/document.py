"""Who a document is by (责任者) and its date, as the printed document says them: one definition
for the printed documents (signature and date), the site and the release catalogue (DA/T 22-2015).

A report of the evaluation is signed by the body that wrote it: a town's self-assessment and
rectification plan by the town, the comprehensive review by its reviewer, every other report of a
campaign (evaluation plan, overall report, sub-reports — a sub-report is about a town, but written
and signed by the lead department) by the campaign's lead department. A notice is by its issuer, a
hazard dossier by its town. Documents that are not printed follow the field that names their
author (issuer, department, by); failing all, the jurisdiction's issuing office.
"""

from __future__ import annotations

import datetime as dt

from generators.records.archive import Archive
from generators.records.model import Campaign, Record

_BY_FIELD = {"notice": "issuer", "mechanism": "issuer", "comprehensive-review": "reviewer",
             "self-assessment": "town", "rectification-plan": "town", "hazard": "town",
             "look-back": "department", "supervision-check": "by"}
_DATE_FIELD = {
    "notice": "date", "evaluation-plan": "issued_on", "self-assessment": "submitted_on",
    "overall-report": "completed_on", "sub-report": "fed_back_on", "comprehensive-review": "completed_on",
    "rectification-plan": "issued_on", "mechanism": "issued_on", "look-back": "date", "supervision-check": "date",
    "extension-request": "filed_on",
}


def author_of(archive: Archive, record: Record) -> str:
    """The organisation ID the document is by."""
    field = _BY_FIELD.get(record.type)
    value = getattr(record, field, None) if field else None
    if isinstance(value, str) and value:
        return value
    campaign = archive.get(getattr(record, "campaign", None) or "")
    if isinstance(campaign, Campaign):
        return campaign.lead_department
    return archive.jurisdiction.issuer


def date_of(record: Record) -> dt.date | None:
    """The date the document bears (None while it has none, e.g. a sub-report not yet fed back)."""
    if record.type == "hazard":
        return record.discovery.date
    value = getattr(record, _DATE_FIELD.get(record.type, ""), None)
    return value if isinstance(value, dt.date) else None
