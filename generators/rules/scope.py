"""Kind and scope of the towns, domains and departments a record names (E260–E264).

A field that names a *town* (区镇（街道）) must name an organisation whose kind carries the
``grassroots`` flag in the organisation-kinds vocabulary (towns, sub-districts, zones: data, not a
list in code); a field that names a *department* must name one that does not. A record of a
campaign may only name towns and domains in the campaign's ``scope`` (art. 4: the evaluation covers
the towns and industry domains in scope), and plans and target tasks of its own campaign.

Which kind each field names, where the model allows any organisation:

- a rectification item's ``responsible`` is a town (or a person): art. 12(1) has each town draw up
  its own rectification plan and "明确责任" within it; the example names the town or its leader;
- a mechanism's ``issuer`` is a district body: mechanisms are the district's 长效机制 (art. 5(3)),
  issued by the lead departments and the district office, as in the example;
- a hazard's ``supervision.body`` depends on the listing's level: a level whose term in
  ``supervision-levels`` carries the ``grassroots`` flag (区镇级挂牌督办) is listed by a town, any
  other level (区级, 市级) by a district body; a level the vocabulary does not know is the loader's
  error, and the body is then not judged.

Structured references to nothing or to the wrong record type are the loader's (E021/E023); an
organisation that failed to load is simply unknown here. Domain grades outside the scope are
W239 of :mod:`.completeness`, not repeated.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.diagnostics import Diagnostic
from generators.records import Archive
from generators.records.load import _dotted
from generators.records.model import (
    AccidentStatistics,
    Campaign,
    ComprehensiveReview,
    Domain,
    Hazard,
    LookBack,
    Mechanism,
    Organisation,
    Record,
    RectificationPlan,
    SelfAssessment,
    SubReport,
    SupervisionCheck,
)
from generators.records.yamlio import PathT

GRASSROOTS = "grassroots"

# (record class, field path pattern) → role. "*" stands for every index of a list.
_TOWN_FIELDS: dict[type[Record], tuple[tuple, ...]] = {
    Hazard: (("town",),), SelfAssessment: (("town",),), SubReport: (("town",),),
    RectificationPlan: (("town",), ("items", "*", "responsible")),
    SupervisionCheck: (("town",),), Mechanism: (("town",),),
    LookBack: (("towns", "*"),), Campaign: (("scope", "towns", "*"),),
    AccidentStatistics: (("rows", "*", "town"),),
}
_DEPARTMENT_FIELDS: dict[type[Record], tuple[tuple, ...]] = {
    Campaign: (("lead_department",), ("results_reported", "to")), Domain: (("lead_department",),),
    LookBack: (("department",),), SupervisionCheck: (("by",),), ComprehensiveReview: (("reviewer",),),
    RectificationPlan: (("reported_to", "*"),), Mechanism: (("issuer",),),
}
_DOMAIN_FIELDS: dict[type[Record], tuple[tuple, ...]] = {
    Hazard: (("domain",),), Mechanism: (("domain",),), Campaign: (("plans", "*", "domain"),
                                                                   ("target_tasks", "*", "domain")),
}


def check_scope(archive: Archive) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for record in archive:
        towns = _towns(archive, record)  # both checks need them: worked out once per record
        found += _kinds(archive, record, towns)
        campaign = archive.get(getattr(record, "campaign", None) or "")
        if isinstance(campaign, Campaign) and not isinstance(record, Campaign):
            found += _in_scope(archive, record, campaign, towns)
        if isinstance(record, Campaign):
            found += _in_scope(archive, record, record, towns)
    return found


def _kinds(archive: Archive, record: Record, towns: list[tuple[PathT, str]]) -> list[Diagnostic]:
    found = []
    for path, org_id in towns:
        kind = _org_kind(archive, org_id)
        if kind is not None and not archive.has_flag("organisation-kinds", kind, GRASSROOTS):
            found.append(Diagnostic.error("E260", archive.locate(record.id, path), field=_dotted(path), org=org_id,
                                          suggestion=_town_named_like(archive, org_id),
                                          **_kind_words(archive, kind)))
    for path, org_id in _departments(archive, record):
        kind = _org_kind(archive, org_id)
        if kind is not None and archive.has_flag("organisation-kinds", kind, GRASSROOTS):
            found.append(Diagnostic.error("E263", archive.locate(record.id, path), field=_dotted(path), org=org_id,
                                          **_kind_words(archive, kind)))
    return found


def _in_scope(archive: Archive, record: Record, campaign: Campaign, towns: list[tuple[PathT, str]]
              ) -> list[Diagnostic]:
    found = []
    if not isinstance(record, Campaign):  # the scope's own towns are the scope
        for path, org_id in towns:
            if org_id not in campaign.scope.towns and _is_town(archive, org_id):
                found.append(Diagnostic.error("E261", archive.locate(record.id, path), org=org_id,
                                              campaign=campaign.id, towns=", ".join(campaign.scope.towns)))
    for path, domain in _values(record, _DOMAIN_FIELDS):
        if domain not in campaign.scope.domains and isinstance(archive.get(domain), Domain):
            found.append(Diagnostic.error("E262", archive.locate(record.id, path), domain=domain,
                                          campaign=campaign.id, domains=", ".join(campaign.scope.domains)))
    found += _own_parts(archive, record, campaign)
    return found


def _own_parts(archive: Archive, record: Record, campaign: Campaign) -> list[Diagnostic]:
    """Plans and target tasks named by a record belong to the record's campaign."""
    named: list[tuple[PathT, str]] = []
    if isinstance(record, Hazard) and record.plan:
        named.append((("plan",), record.plan))
    if isinstance(record, SelfAssessment):
        named += [(("target_task_list", i, "task"), item.task) for i, item in enumerate(record.target_task_list)]
    if isinstance(record, Campaign):
        named += [(("target_tasks", i, "plan"), task.plan) for i, task in enumerate(record.target_tasks)]
    found = []
    for path, part_id in named:
        part = archive.nested.get(part_id)
        if part is not None and part.parent != campaign.id:
            found.append(Diagnostic.error("E264", archive.locate(record.id, path), target=part_id,
                                          other=part.parent, campaign=campaign.id))
    return found


def _towns(archive: Archive, record: Record) -> list[tuple[PathT, str]]:
    listing = _supervision_body(archive, record)
    return list(_values(record, _TOWN_FIELDS)) + ([listing[:2]] if listing and listing[2] else [])


def _departments(archive: Archive, record: Record) -> list[tuple[PathT, str]]:
    listing = _supervision_body(archive, record)
    return list(_values(record, _DEPARTMENT_FIELDS)) + ([listing[:2]] if listing and not listing[2] else [])


def _supervision_body(archive: Archive, record: Record) -> tuple[PathT, str, bool] | None:
    """(path, body, whether a town lists it) of a hazard's 挂牌督办: a level the vocabulary flags
    grassroots is a town's (the levels are data); an unknown level is the loader's error."""
    listing = record.supervision if isinstance(record, Hazard) else None
    if listing is None or listing.level not in archive.vocabularies.get("supervision-levels", {}):
        return None
    return ("supervision", "body"), listing.body, archive.has_flag("supervision-levels", listing.level, GRASSROOTS)


def _values(record: Record, fields: dict[type[Record], tuple[tuple, ...]]) -> Iterator[tuple[PathT, str]]:
    for cls, patterns in fields.items():
        if isinstance(record, cls):
            for pattern in patterns:
                yield from _walk(record, pattern, ())


def _walk(value: object, pattern: tuple, path: PathT) -> Iterator[tuple[PathT, str]]:
    if not pattern:
        if isinstance(value, str):
            yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        for index, item in enumerate(value if isinstance(value, list) else []):
            yield from _walk(item, rest, path + (index,))
    elif value is not None:
        yield from _walk(getattr(value, head, None), rest, path + (head,))


def _org_kind(archive: Archive, org_id: str) -> str | None:
    """The organisation's kind, when the kinds vocabulary knows it (a kind that is not in it, or a
    vocabulary that did not load, is reported by the loader: nothing to judge by here)."""
    org = archive.get(org_id)
    if not isinstance(org, Organisation) or org.kind not in archive.vocabularies.get("organisation-kinds", {}):
        return None
    return org.kind


def _is_town(archive: Archive, org_id: str) -> bool:
    kind = _org_kind(archive, org_id)
    return kind is not None and archive.has_flag("organisation-kinds", kind, GRASSROOTS)


def _kind_words(archive: Archive, kind: str) -> dict[str, str]:
    zh = archive.label("organisation-kinds", kind, "zh") if kind in archive.vocabularies.get(
        "organisation-kinds", {}) else kind
    en = archive.label("organisation-kinds", kind, "en") if kind in archive.vocabularies.get(
        "organisation-kinds", {}) else kind
    return {"kind_zh": zh, "kind_en": _with_article(en.lower())}


def _with_article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _town_named_like(archive: Archive, org_id: str) -> str:
    """A town whose ID starts like the wrong one (a typo such as 'haimen' for 'haimen-jd')."""
    towns = sorted(o.id for o in archive.of_type(Organisation) if _is_town(archive, o.id))
    close = [t for t in towns if t.startswith(org_id) or org_id.startswith(t)]
    return close[0] if len(close) == 1 else ""
