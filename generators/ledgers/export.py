"""The printed lists as workbooks: ``make docs`` writes them beside the PDF and Word versions.

Each self-assessment's three lists go to ``<ID>.xlsx`` and each hazard list (a campaign's, and
each town's) to ``hazards-<campaign>[-<town>].xlsx`` — the stems of the printed documents
(``generators/documents/catalog.py``), so a workbook sits beside the PDF it matches. Rows are
:mod:`rows`, the same the printed lists show; documents with a classified record get no
workbook. An exported workbook imports back without changes (``tests/test_ledgers_export.py``).
"""

from __future__ import annotations

from pathlib import Path

from generators import present
from generators.filesync import write_if_changed
from generators.ledgers import rows
from generators.ledgers.columns import LEDGER, LIST_SHEETS
from generators.ledgers.template import choices
from generators.ledgers.write import Info, SheetData, build, to_bytes
from generators.records import Archive
from generators.records.model import Campaign, SelfAssessment

NOTE = ["本表由整治评估档案库从档案记录导出，与打印版清单内容一致；修改后可用 make import 导回。"
        " / Exported from the archive's records, the same rows as the printed lists; edit and re-import"
        " with make import."]


def workbooks(archive: Archive) -> dict[str, bytes]:
    """File name → bytes of every exported workbook (none for documents with classified records)."""
    result: dict[str, bytes] = {}
    for sa in archive.of_type(SelfAssessment):
        campaign = archive.get(sa.campaign)
        if isinstance(campaign, Campaign) and not present.is_classified(archive, sa):
            sheets = [SheetData(kind, rows.sheet_rows(archive, kind, sa, [])) for kind in LIST_SHEETS]
            info = Info(campaign.id, campaign.title.zh, present.title(archive, sa.town, "zh"), sa.id, NOTE)
            result[f"{sa.id}.xlsx"] = to_bytes(build(sheets, info, choices(archive, campaign)))
    for campaign in archive.of_type(Campaign):
        hazards = rows.town_hazards(archive, campaign.id, None)
        towns = sorted({h.town for h in hazards})
        for town in (None, *towns):
            own = [h for h in hazards if town in (None, h.town)]
            if not own or any(present.is_classified(archive, h) for h in own):
                continue
            stem = f"hazards-{campaign.id}-{town}" if town else f"hazards-{campaign.id}"
            name = present.title(archive, town, "zh") if town else ""
            info = Info(campaign.id, campaign.title.zh, name, "", NOTE)
            sheets = [SheetData(LEDGER, rows.ledger_rows(archive, own))]
            result[f"{stem}.xlsx"] = to_bytes(build(sheets, info, choices(archive, campaign)))
    return result


def write_exports(archive: Archive, out_dir: Path) -> list[Path]:
    written = []
    for name, data in sorted(workbooks(archive).items()):
        write_if_changed(out_dir / name, data)  # an unchanged workbook keeps its file (and time)
        written.append(out_dir / name)
    return written
