"""Reference checks (E3xx/W3xx): resolution, classification, versions, scope, the sieve check.

Structured references that name nothing are reported by the loader (E021/E023); here only
prose references are checked for resolution, but every check after that (classified targets,
old versions, scope) applies to both kinds, because both are in the one reference graph.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from generators import present
from generators.diagnostics import Diagnostic
from generators.records import Archive, versions
from generators.records.model import Hazard, Record, SelfAssessment, SubReport
from generators.refs.graph import MalformedRef, Reference, coverage, current_of_town, graph, repeated
from generators.refs.resolve import suggest

# Records that speak for one town (or a few), so hazards of other towns are out of their scope.
TOWN_SCOPED = ("sub-report", "self-assessment", "rectification-plan", "supervision-check", "look-back",
               "mechanism")
_LISTS = {
    "target_task_list": ("目标任务完成情况清单", "target-task completion list"),
    "hazard_list": ("问题隐患整改清单", "hazard rectification list"),
    "experience_list": ("典型经验清单", "typical-experience list"),
}


def check_references(archive: Archive) -> list[Diagnostic]:
    g = graph(archive)
    # Asked twice for each of 100,000 references, of a few thousand records: remembered for this
    # check only (its reads, when a build observes them, are this one call's either way).
    is_current, is_classified = functools.cache(g.is_current), functools.cache(g.is_classified)
    found: list[Diagnostic] = []
    for ref in g.references:
        found += _check_one(archive, ref, is_current, is_classified)
    found += [_malformed(bad) for bad in g.malformed]
    found += check_sieve(archive)
    found += check_evidence(archive)
    found += check_loose_ends(archive)
    return found


def _check_one(archive: Archive, ref: Reference, is_current: Callable[[str], bool],
               is_classified: Callable[[str], bool]) -> list[Diagnostic]:
    if ref.target_id is None:
        if ref.kind == "prose":  # unresolved fields are the loader's E021
            return [Diagnostic.error("E301", ref.location, target=ref.target_text,
                                     suggestion=suggest(archive, ref.target_text))]
        return []
    found: list[Diagnostic] = []
    source = archive.get(ref.source_id)
    if not is_classified(ref.source_id) and is_classified(ref.target_id):
        found.append(Diagnostic.error(
            "E302", ref.location, source=ref.source_id, target=ref.target_id,
            level=present.classification(archive, source),
            target_level=present.classification(archive, _record_of(archive, ref.target_id))))
    if not is_current(ref.source_id):
        return found  # an old version's references are history, left as they were
    if ref.path != ("supersedes",) and not is_current(ref.target_id):
        found.append(_old_version(archive, ref))
    scope = out_of_scope(archive, source, ref.target_id)
    if scope is not None:
        found.append(Diagnostic.warning("W302", ref.location, target=ref.target_id,
                                        detail_zh=scope[0], detail_en=scope[1]))
    return found


_MALFORMED = {
    "nested": ("括号重叠（[[[[…]]]]）", "has its brackets doubled ([[[[…]]]])"),
    "empty": ("方括号内没有编号", "has nothing between the brackets"),
    "unclosed": ("没有闭合的 ]]", "is never closed with ]]"),
    "empty-label": ("竖线后的显示文字为空", "has an empty label after the bar"),
    "double-bar": ("有两个竖线", "has two bars"),
    "empty-target": ("竖线前没有编号", "has no target before the bar"),
    "malformed": ("写法不对", "is not written as [[ID]] or [[ID|label]]"),
}


def _malformed(bad: MalformedRef) -> Diagnostic:
    zh, en = _MALFORMED[bad.reason]
    text = bad.text if len(bad.text) <= 40 else bad.text[:39] + "…"
    return Diagnostic.warning("W310", bad.location, text=text, reason_zh=zh, reason_en=en)


def _record_of(archive: Archive, record_id: str) -> Record:
    nested = archive.nested.get(record_id)
    return archive.records[nested.parent if nested else record_id]


def _old_version(archive: Archive, ref: Reference) -> Diagnostic:
    record = _record_of(archive, ref.target_id)
    newer = versions.current_version(archive, record.id)  # the newest version, not just the next one
    standing = newer != record.id and not versions.is_withdrawn(archive.get(newer))
    advice = ({"advice_zh": f"改为引用现行版本 {newer}，或删去该引用",
               "advice_en": f"refer to the current version {newer}, or remove the reference"} if standing else
              {"advice_zh": "该文件已撤回，没有现行版本：删去该引用，或在正文中说明引用已撤回文件的原因",
               "advice_en": "it was withdrawn and has no current version: remove the reference, or say in the "
                            "text why a withdrawn document is cited"})
    withdrawn = getattr(record, "withdrawn", None)
    if withdrawn is not None:
        return Diagnostic.warning(
            "W301", ref.location, target=ref.target_id, **advice,
            state_zh=f"已于{present.format_date(withdrawn.date, 'zh')}撤回",
            state_en=f"was withdrawn on {present.format_date(withdrawn.date, 'en')}")
    return Diagnostic.warning("W301", ref.location, target=ref.target_id, **advice,
                              state_zh=f"已被新版本 {newer} 取代", state_en=f"has been superseded by {newer}")


def state(archive: Archive, target_id: str) -> str | None:
    """'withdrawn', 'superseded' or None (current) for a record or nested part."""
    g = graph(archive)
    if g.is_current(target_id):
        return None
    return "withdrawn" if getattr(_record_of(archive, target_id), "withdrawn", None) else "superseded"


def out_of_scope(archive: Archive, source: Record | None, target_id: str) -> tuple[str, str] | None:
    """(Chinese, English) reason when ``source`` cites a hazard of another town or campaign."""
    hazard = archive.get(target_id)
    if source is None or not isinstance(hazard, Hazard) or hazard.id == source.id:
        return None
    campaign = getattr(source, "campaign", None)
    if campaign and hazard.campaign != campaign:
        return (f"它属于专项整治 {hazard.campaign}，本记录属于 {campaign}",
                f"it belongs to campaign {hazard.campaign}, this record to {campaign}")
    if source.type in TOWN_SCOPED:
        town = getattr(source, "town", None)
        towns = [town] if town else list(getattr(source, "towns", None) or [])
        if towns and hazard.town not in towns:
            names_zh = "、".join(present.title(archive, t, "zh") for t in towns)
            names_en = ", ".join(present.title(archive, t, "en") for t in towns)
            return (f"它是{present.title(archive, hazard.town, 'zh')}的隐患，本记录只涉及{names_zh}",
                    f"it is a hazard of {present.title(archive, hazard.town, 'en')}, this record covers "
                    f"{names_en} only")
    return None


def check_sieve(archive: Archive) -> list[Diagnostic]:
    """The sieve check (art. 5(2)), once the town's re-evaluation exists (a sub-report): before
    that, nothing is late yet. W303 a listed hazard no current sub-report of the town verified;
    W307 a verified hazard on none of the town's current lists; W308 a hazard listed twice on one
    list (at any time); W309 a hazard verified twice in one sub-report."""
    g = graph(archive)
    found: list[Diagnostic] = []
    for sa in archive.of_type(SelfAssessment):
        if not g.is_current(sa.id):
            continue
        found += _repeats(archive, sa.id, "hazard_list", [item.hazard for item in sa.hazard_list], "W308")
        reports = current_of_town(archive, SubReport, sa.campaign, sa.town)
        if not reports:
            continue
        checked = {v.hazard for report in reports for v in report.verifications}
        for index, item in enumerate(sa.hazard_list):
            if item.hazard not in checked:
                found.append(Diagnostic.warning(
                    "W303", archive.locate(sa.id, ("hazard_list", index, "hazard")), hazard=item.hazard,
                    town_zh=present.title(archive, sa.town, "zh"), town_en=present.title(archive, sa.town, "en"),
                    reports=", ".join(r.id for r in reports), campaign=sa.campaign))
    for report in archive.of_type(SubReport):
        if not g.is_current(report.id):
            continue
        hazards = [v.hazard for v in report.verifications]
        found += _repeats(archive, report.id, "verifications", hazards, "W309")
        lists = current_of_town(archive, SelfAssessment, report.campaign, report.town)
        unlisted = set(coverage(archive, report.id).unlisted_ids)
        for index, hazard in enumerate(hazards):
            if hazard in unlisted and hazard not in hazards[:index]:
                found.append(Diagnostic.warning(
                    "W307", archive.locate(report.id, ("verifications", index, "hazard")), hazard=hazard,
                    town_zh=present.title(archive, report.town, "zh"),
                    town_en=present.title(archive, report.town, "en"),
                    lists=", ".join(sa.id for sa in lists), campaign=report.campaign))
    return found


def _repeats(archive: Archive, record_id: str, attribute: str, hazards: list[str], code: str) -> list[Diagnostic]:
    return [Diagnostic.warning(code, archive.locate(record_id, (attribute, index, "hazard")), hazard=hazards[index],
                               first=hazards.index(hazards[index]) + 1)
            for index in repeated(hazards)]


def check_evidence(archive: Archive) -> list[Diagnostic]:
    """W304: every item on a current self-assessment's three lists has evidence."""
    g = graph(archive)
    found: list[Diagnostic] = []
    for sa in archive.of_type(SelfAssessment):
        if not g.is_current(sa.id):
            continue
        for attribute, (name_zh, name_en) in _LISTS.items():
            for index, item in enumerate(getattr(sa, attribute)):
                if not item.evidence:
                    found.append(Diagnostic.warning("W304", archive.locate(sa.id, (attribute, index)),
                                                    list_zh=f"{name_zh}第{index + 1}项",
                                                    list_en=f"{name_en}, item {index + 1}"))
    return found


def check_loose_ends(archive: Archive) -> list[Diagnostic]:
    """W305 closed hazards without acceptance; W306 sub-reports not fed back to their town."""
    g = graph(archive)
    found: list[Diagnostic] = []
    for hazard in archive.of_type(Hazard):
        if g.is_current(hazard.id) and hazard.closure is not None and hazard.acceptance is None:
            found.append(Diagnostic.warning("W305", archive.locate(hazard.id, ("closure",)), hazard=hazard.id))
    for report in archive.of_type(SubReport):
        if g.is_current(report.id) and report.fed_back_on is None:
            found.append(Diagnostic.warning("W306", archive.locate(report.id), report=report.id,
                                            town_zh=present.title(archive, report.town, "zh"),
                                            town_en=present.title(archive, report.town, "en")))
    return found

