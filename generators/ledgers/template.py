"""``make templates``: one workbook per town of a campaign's scope, to fill in and import.

Each has the three lists of the self-assessment (art. 9) and the hazard ledger (隐患台账),
filled with what the archive already holds for the town (target tasks and hazards with their
IDs), dropdowns from the vocabularies and the campaign's towns and domains, and a 说明 sheet
naming the campaign and town, which the import reads back.
"""

from __future__ import annotations

from pathlib import Path

from generators import present
from generators.ledgers import rows
from generators.ledgers.columns import DOMAIN, SHEETS, TOWN, VOCAB
from generators.ledgers.write import Info, SheetData, build, to_bytes, write_atomic
from generators.records import Archive
from generators.records.model import Campaign

INSTRUCTIONS = [
    "填表说明 / How to fill in:",
    "1. 每行一条记录；编号已填的行更新该记录，编号为空的行在导入时获得下一个空闲编号。"
    " / One record per row; a row with an ID updates that record, a row without one gets the next free ID.",
    "2. 区镇、行业领域、等级、状态、来源、类别请从下拉列表选择；日期写成 2022-07-23 或 2022/7/23。"
    " / Pick towns, domains, grades, statuses, sources and categories from the dropdowns; dates as 2022-07-23.",
    "3. 灰色列仅供查看，导入时不读取；请勿插入公式、合并数据单元格或隐藏工作表。"
    " / Grey columns are shown only; no formulas, merged data cells or hidden sheets.",
    "4. 导入：make import FILE=本文件 [DRY_RUN=1]，先显示将要修改的内容。"
    " / Import: make import FILE=this-file [DRY_RUN=1]; the changes are shown first.",
]


def choices(archive: Archive, campaign: Campaign) -> dict[str, tuple[str, list[str]]]:
    """Dropdowns (heading, values): the scope's towns and domains by Chinese name, and every
    vocabulary a column uses, by the terms' Chinese labels."""
    result = {
        TOWN: ("区镇", [present.title(archive, t, "zh") for t in campaign.scope.towns]),
        DOMAIN: ("行业领域", [present.title(archive, d, "zh") for d in campaign.scope.domains]),
    }
    for kind in SHEETS:
        for column in kind.columns:
            vocabulary = archive.get(column.vocabulary) if column.kind == VOCAB else None
            if vocabulary is not None and column.vocabulary not in result:
                result[column.vocabulary] = (vocabulary.title.zh, [t.label.zh for t in vocabulary.terms])
    return result


def town_workbook(archive: Archive, campaign: Campaign, town: str) -> bytes:
    sa = rows.self_assessment(archive, campaign.id, town)
    hazards = rows.town_hazards(archive, campaign.id, town)
    sheets = [SheetData(kind, rows.sheet_rows(archive, kind, sa, hazards, campaign)) for kind in SHEETS]
    info = Info(campaign.id, campaign.title.zh, present.title(archive, town, "zh"),
                sa.id if sa else "", INSTRUCTIONS)
    return to_bytes(build(sheets, info, choices(archive, campaign)))


def write_templates(archive: Archive, campaign: Campaign, out_dir: Path) -> list[Path]:
    written = []
    for town in campaign.scope.towns:
        path = out_dir / f"{campaign.id}-{town}.xlsx"
        write_atomic(path, town_workbook(archive, campaign, town))
        written.append(path)
    return written
