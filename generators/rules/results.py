"""Use of results (arts. 14–16): what each grade of a campaign means for the graded unit.

* Towns are graded by the industry re-evaluation (their sub-reports, art. 10(2)); industry domains
  by the comprehensive review (art. 11(2)) — for a campaign shorter than a year, the lead
  department's own review (art. 13). A domain's grade falls on its lead department (the
  "department or unit" of arts. 15–16).
* Art. 15: a grade flagged ``priority-advanced-collective`` (优) gives priority as advanced collective.
* Art. 16: a grade flagged ``one-vote-veto`` (差) is a one-vote veto: the unit loses eligibility
  as advanced collective and its principal leader as advanced individual.

The effects come from the grades vocabulary's flags, never from the characters 优/差, so the
rules follow the data if a grade's wording ever changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from generators.records import Archive
from generators.records.model import Domain, SubReport
from generators.rules.completeness import PRIORITY_FLAG, VETO_FLAG
from generators.rules.procedure import completing_review
from generators.rules.records import campaign as get_campaign
from generators.rules.records import standing


@dataclass(frozen=True)
class ConsequenceRow:
    campaign: str
    unit_kind: str  # "town" | "domain"
    unit: str  # the town's or the domain's ID
    organisation: str  # who bears the consequence: the town, or the domain's lead department
    grade: str  # key in the grades vocabulary
    source: str  # the sub-report or comprehensive review that gave the grade
    priority_advanced_collective: bool
    veto: bool
    loses_collective_eligibility: bool
    principal_leader_loses_individual_eligibility: bool


def consequences(archive: Archive, campaign_id: str) -> list[ConsequenceRow]:
    """One row per graded town (scope order), then per graded domain (scope order)."""
    campaign = get_campaign(archive, campaign_id)
    rows: list[ConsequenceRow] = []
    subs = {}
    for sub in standing(archive, SubReport, campaign.id):
        subs.setdefault(sub.town, sub)  # a second grade is an error (E234); the first in ID order is shown
    order = list(dict.fromkeys([*campaign.scope.towns, *sorted(subs)]))
    for town in order:
        if town in subs:
            rows.append(_row(archive, campaign.id, "town", town, town, subs[town].grade, subs[town].id))
    review = completing_review(archive, campaign)
    if review is not None and review.domain_grades:
        grades = {}
        for item in review.domain_grades:
            grades.setdefault(item.domain, item.grade)
        for domain in dict.fromkeys([*campaign.scope.domains, *sorted(grades)]):
            if domain in grades:
                record = archive.get(domain)
                organisation = record.lead_department if isinstance(record, Domain) else domain
                rows.append(_row(archive, campaign.id, "domain", domain, organisation, grades[domain], review.id))
    return rows


def _row(archive: Archive, campaign: str, kind: str, unit: str, organisation: str, grade: str,
         source: str) -> ConsequenceRow:
    veto = archive.has_flag("grades", grade, VETO_FLAG)
    return ConsequenceRow(
        campaign=campaign, unit_kind=kind, unit=unit, organisation=organisation, grade=grade, source=source,
        priority_advanced_collective=archive.has_flag("grades", grade, PRIORITY_FLAG) and not veto,
        veto=veto, loses_collective_eligibility=veto, principal_leader_loses_individual_eligibility=veto,
    )
