"""Which records of a campaign the rules count: current versions that are not withdrawn.

A superseded version or a withdrawn document stays in the archive (it was published), but
the procedure, completeness and results are judged on what stands now. "Current" means what
:mod:`generators.records.versions` says, so the rules and the site agree.
"""

from __future__ import annotations

from typing import TypeVar

from generators.records import Archive, reads
from generators.records.model import Campaign, Record
from generators.records.versions import is_current, is_withdrawn

R = TypeVar("R", bound=Record)


def standing(archive: Archive, cls: type[R], campaign_id: str | None = None) -> list[R]:
    """Current, not withdrawn records of ``cls`` (of one campaign when given), in ID order."""
    found = _standing(archive, cls)
    if campaign_id is None:
        return list(found)
    return [record for record in found if getattr(record, "campaign", None) == campaign_id]


@reads.replayed_cache  # asked a hundred times per check, each time of 10,000 hazards: worked out once
def _standing(archive: Archive, cls: type[R]) -> tuple[R, ...]:
    return tuple(record for record in archive.of_type(cls) if is_current(archive, record.id)
                 and not is_withdrawn(record))


def campaign(archive: Archive, campaign_id: str) -> Campaign:
    record = archive.get(campaign_id)
    if not isinstance(record, Campaign):
        raise KeyError(f"no campaign '{campaign_id}'")
    return record


def office(archive: Archive) -> str:
    """The district work-safety committee office (区安委办): the jurisdiction's issuer."""
    return archive.jurisdiction.issuer
