"""The sheets of a town's ledger workbook and their columns, defined once.

The template, the import and the export all read these definitions, so a column's Chinese
header, its English field name (the note on the header cell), its kind of value and its
position cannot drift apart. Columns come in the order of the printed lists
(``generators/documents/content.py``); the hazard ledger continues with the dossier fields a
new hazard needs (责任单位's code and address, source, inspector, description, category).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Kinds of value: how a cell is read and written.
INDEX = "index"        # 序号: a running number, never stored
ID = "id"              # a record or target-task ID
TEXT = "text"          # the Chinese text of a bilingual field
CODE = "code"          # a plain code (统一社会信用代码): full-width folded, no spaces, upper case
DATE = "date"
VOCAB = "vocab"        # a term of data/vocabularies.yml, typed as its Chinese label or its key
TOWN = "town"          # an organisation of the campaign's scope, by name or short form
DOMAIN = "domain"      # an industry domain of the campaign's scope
SHOWN = "shown"        # shown for the reader (a title, a computed status), ignored on import


@dataclass(frozen=True)
class Column:
    field: str                       # the record's field, dotted ("entity.name"); in the header's note
    header: str                      # the Chinese header
    kind: str
    width: int
    vocabulary: str | None = None
    aliases: tuple[str, ...] = ()    # other headers people write for the same column
    required: bool = False

    def names(self) -> tuple[str, ...]:
        return tuple(normalise_header(n) for n in (self.header, self.field, *self.aliases))


@dataclass(frozen=True)
class SheetKind:
    key: str
    title: str                       # the sheet's name in the template and the export
    columns: tuple[Column, ...]
    signature: tuple[str, ...]       # fields whose headers identify the sheet

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)


SEQ = Column("index", "序号", INDEX, 6, aliases=("编号序号", "No", "No.", "#"))

TASKS = SheetKind("tasks", "目标任务完成情况清单", (
    SEQ,
    Column("task", "目标任务编号", ID, 14, aliases=("任务编号",), required=True),
    Column("task.title", "目标任务", SHOWN, 40, aliases=("目标任务名称", "任务")),
    Column("completion", "完成情况", TEXT, 36, aliases=("完成情况说明",), required=True),
    Column("status", "状态", VOCAB, 12, "task-statuses", aliases=("完成状态",), required=True),
), ("task", "completion"))

HAZARD_LIST = SheetKind("hazard-list", "问题隐患整改情况清单", (
    SEQ,
    Column("hazard", "隐患编号", ID, 16, aliases=("编号",), required=True),
    Column("hazard.title", "问题隐患", SHOWN, 48, aliases=("隐患名称", "问题隐患名称")),
    Column("status", "整改状态", VOCAB, 12, "hazard-statuses", aliases=("状态",), required=True),
), ("hazard", "status"))

EXPERIENCE = SheetKind("experience", "典型经验做法清单", (
    SEQ,
    Column("title", "经验做法", TEXT, 36, aliases=("典型经验做法", "经验做法名称", "标题"), required=True),
    Column("description", "主要内容", TEXT, 60, aliases=("内容", "具体做法")),
), ("title", "description"))

LEDGER = SheetKind("ledger", "隐患台账", (
    SEQ,
    Column("id", "编号", ID, 14, aliases=("隐患编号",)),
    Column("title", "问题隐患", TEXT, 40, aliases=("隐患名称", "问题隐患名称", "隐患"), required=True),
    Column("town", "区镇", TOWN, 12, aliases=("所在区镇", "区镇（街道）", "镇（街道）", "镇街"), required=True),
    Column("entity.name", "责任单位", TEXT, 26, aliases=("单位名称", "企业名称", "责任单位名称"), required=True),
    Column("domain", "行业领域", DOMAIN, 14, aliases=("行业", "领域"), required=True),
    Column("grade", "等级", VOCAB, 10, "hazard-grades", aliases=("隐患等级", "隐患级别"), required=True),
    Column("discovery.date", "发现日期", DATE, 13, aliases=("排查日期", "检查日期"), required=True),
    Column("deadline", "整改期限", DATE, 13, aliases=("整改时限", "整改完成期限"), required=True),
    Column("status", "状态", SHOWN, 10, "hazard-statuses", aliases=("整改状态",)),
    Column("entity.credit_code", "统一社会信用代码", CODE, 22, aliases=("信用代码", "社会信用代码"), required=True),
    Column("entity.location", "单位地址", TEXT, 30, aliases=("地址", "所在地址"), required=True),
    Column("discovery.source", "发现来源", VOCAB, 14, "hazard-sources", aliases=("隐患来源", "来源"), required=True),
    Column("discovery.inspector", "检查人", TEXT, 22, aliases=("检查人员", "排查人"), required=True),
    Column("discovery.description", "隐患描述", TEXT, 48, aliases=("问题描述", "隐患情况"), required=True),
    Column("discovery.category", "隐患类别", VOCAB, 14, "hazard-categories", aliases=("类别",), required=True),
), ("title", "entity.name", "discovery.date"))

SHEETS: tuple[SheetKind, ...] = (TASKS, HAZARD_LIST, EXPERIENCE, LEDGER)
LIST_SHEETS: tuple[SheetKind, ...] = (TASKS, HAZARD_LIST, EXPERIENCE)

# The sheet that says which campaign and town a workbook is for.
INFO_TITLE = "说明"
INFO_CAMPAIGN = "专项整治"
INFO_TOWN = "区镇"
INFO_RECORD = "自评报告编号"


def normalise_header(text: str) -> str:
    """Header words as compared: full-width folded (NFKC), no spaces, line breaks or * marks."""
    folded = unicodedata.normalize("NFKC", str(text))
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "*＊:：").lower()
