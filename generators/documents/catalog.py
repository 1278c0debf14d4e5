"""Which printed documents an archive has, under which stable file names.

``documents(archive)`` lists every document, classified ones included (offices print those; the
site links none that prints a classified record: generators/site/printed.py). A document's ``stem`` is
its file name without extension: ``$(BUILD)/documents/<stem>.pdf`` and ``<stem>.docx``.
Stems are record IDs, or ``hazards-<campaign>`` / ``hazards-<campaign>-<town>`` for hazard lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generators import present
from generators.documents import content
from generators.records import Archive
from generators.records.model import (
    Campaign,
    Hazard,
    Notice,
    SelfAssessment,
    SubReport,
)


@dataclass(frozen=True)
class DocumentSpec:
    stem: str
    kind: str
    record_ids: tuple[str, ...]
    title: str
    build: Callable[[], content.Printable]

    def classified(self, archive: Archive) -> bool:
        return any(present.is_classified(archive, rid) for rid in self.record_ids)


def documents(archive: Archive) -> list[DocumentSpec]:
    """Every document. Those printing a classified record are made from the whole archive (offices
    print them; they may count everything); the others, which the public gets, from the public
    view (:func:`present.public_view`), so their figures agree with the site's and personal numbers
    are masked as on the site."""
    public, _withheld = present.public_view(archive)
    restricted = [spec for spec in _documents(archive) if spec.classified(archive)]
    stems = {spec.stem for spec in restricted}
    published = [spec for spec in _documents(public) if spec.stem not in stems and not spec.classified(archive)]
    return sorted(restricted + published, key=lambda spec: spec.stem)


def _documents(archive: Archive) -> list[DocumentSpec]:
    specs: list[DocumentSpec] = []
    for notice in archive.of_type(Notice):
        ids = (notice.id,) + tuple(a.ref for a in notice.attachments if a.ref)
        specs.append(DocumentSpec(notice.id, notice.kind, ids, notice.title.zh,
                                  _bind(content.notice, archive, notice, notice.id, _attachment_body)))
    for cls in content.REPORT_BODIES:
        for record in archive.of_type(cls):
            specs.append(DocumentSpec(record.id, record.type, _report_ids(archive, record), record.title.zh,
                                      _bind(content.report, archive, record, record.id)))
    hazards = archive.of_type(Hazard)
    for hazard in hazards:
        specs.append(DocumentSpec(hazard.id, "hazard", (hazard.id,), hazard.title.zh,
                                  _bind(content.dossier, archive, hazard, hazard.id)))
    for campaign in archive.of_type(Campaign):
        own = [h for h in hazards if h.campaign == campaign.id]
        if not own:
            continue
        specs.append(_list_spec(archive, f"hazards-{campaign.id}", own,
                                f"{campaign.title.zh}问题隐患清单", campaign))
        for town in sorted({h.town for h in own}):
            in_town = [h for h in own if h.town == town]
            name = content.org_name(archive, town)
            specs.append(_list_spec(archive, f"hazards-{campaign.id}-{town}", in_town,
                                    f"{name}{campaign.title.zh}问题隐患清单", campaign, town))
    return sorted(specs, key=lambda spec: spec.stem)


def _bind(function, *args):
    return lambda: function(*args)


def _report_ids(archive: Archive, record) -> tuple[str, ...]:
    # A sub-report prints every town's grade; a self-assessment lists its hazards.
    ids = [record.id]
    if isinstance(record, SelfAssessment):
        ids += [item.hazard for item in record.hazard_list]
    if isinstance(record, SubReport):
        ids += [v.hazard for v in record.verifications]
        ids += [r.id for r in archive.of_type(SubReport) if r.campaign == record.campaign and r.id != record.id]
    return tuple(ids)


def _list_spec(archive: Archive, stem: str, hazards: list[Hazard], title: str, campaign: Campaign,
               town: str | None = None) -> DocumentSpec:
    author = content.org_name(archive, town) if town else content.org_name(archive, campaign.lead_department)
    return DocumentSpec(stem, "hazard-list", tuple(h.id for h in hazards), title,
                        _bind(content.hazard_list, archive, hazards, stem, title, author, campaign.end, town))


def _attachment_body(builder: content.Builder, record_id: str) -> None:
    record = builder.archive.get(record_id)
    if type(record) in content.REPORT_BODIES:
        content.report_body(builder, record)
