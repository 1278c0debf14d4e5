"""The import's diagnostics (E9xx/W9xx after the reader's E901–E911), in Chinese and English."""

from __future__ import annotations

from generators.messages import register

register({
    "E920": {
        "message_zh": "“{value}”不是日期",
        "message_en": "'{value}' is not a date",
        "hint_zh": "写成 2022-07-23、2022/7/23、2022.7.23 或 2022年7月23日，或设为日期格式的单元格",
        "hint_en": "write 2022-07-23, 2022/7/23, 2022.7.23 or 2022年7月23日, or use a date cell",
    },
    "E921": {
        "message_zh": "日期“{value}”不存在",
        "message_en": "the date '{value}' does not exist",
        "hint_zh": "检查月份和日（如 2 月没有 30 日）",
        "hint_en": "check the month and day (February has no 30th)",
    },
    "E922": {
        "message_zh": "“{value}”不是可选的值",
        "message_en": "'{value}' is not one of the allowed values",
        "hint_zh": "是否想写“{suggestion}”？|可选：{choices}",
        "hint_en": "did you mean '{suggestion}'?| allowed: {choices}",
    },
    "E923": {
        "message_zh": "找不到{what}“{value}”",
        "message_en": "no {what} is called '{value}'",
        "hint_zh": "是否想写“{suggestion}”？|本次专项整治的{what}：{choices}",
        "hint_en": "did you mean '{suggestion}'?| the campaign's: {choices}",
    },
    "E924": {
        "message_zh": "{what}“{value}”不明确，可能是：{matches}",
        "message_en": "{what} '{value}' is ambiguous: it could be {matches}",
        "hint_zh": "写出全称",
        "hint_en": "write the full name",
    },
    "E925": {
        "message_zh": "没有编号为“{id}”的{what}",
        "message_en": "there is no {what} with the ID '{id}'",
        "hint_zh": "是否想写“{suggestion}”？|新增的一行请留空编号，导入时自动编号",
        "hint_en": "did you mean '{suggestion}'?| leave the ID empty on a new row; the import numbers it",
    },
    "E926": {
        "message_zh": "编号“{id}”属于另一项专项整治（{campaign}）",
        "message_en": "the ID '{id}' belongs to another campaign ({campaign})",
        "hint_zh": "每个台账只导入一项专项整治；用 CAMPAIGN=… 选择专项整治",
        "hint_en": "a ledger imports into one campaign; choose it with CAMPAIGN=…",
    },
    "E927": {
        "message_zh": "编号“{id}”重复（第一次出现在 {first}）",
        "message_en": "the ID '{id}' is repeated (first at {first})",
        "hint_zh": "每条记录只占一行；删除重复的行",
        "hint_en": "one row per record; delete the repeated row",
    },
    "E928": {
        "message_zh": "新增记录缺少“{column}”",
        "message_en": "a new record needs '{column}'",
        "hint_zh": "填写该单元格（若表中没有这一列，请加上表头“{column}”）",
        "hint_en": "fill in the cell (if the sheet has no such column, add the header '{column}')",
    },
    "E929": {
        "message_zh": "列“{column}”出现了两次（第一次在 {first}）",
        "message_en": "the column '{column}' appears twice (first at {first})",
        "hint_zh": "删除或改名其中一列",
        "hint_en": "delete or rename one of them",
    },
    "E930": {
        "message_zh": "导入后的记录 {id} 无效：{detail}",
        "message_en": "the imported record {id} would be invalid: {detail}",
        "hint_zh": "修改工作簿中该记录所在的行",
        "hint_en": "correct the record's row in the workbook",
    },
    "E931": {
        "message_zh": "无法确定专项整治",
        "message_en": "cannot tell which campaign the workbook is for",
        "hint_zh": "用 CAMPAIGN=… 指定，或在“说明”表中填写“专项整治”；可选：{choices}",
        "hint_en": "give CAMPAIGN=…, or fill in 专项整治 on the 说明 sheet; campaigns: {choices}",
    },
    "E932": {
        "message_zh": "清单属于哪个区镇不明确",
        "message_en": "cannot tell which town the lists belong to",
        "hint_zh": "用 TOWN=… 指定，或在“说明”表中填写“区镇”",
        "hint_en": "give TOWN=…, or fill in 区镇 on the 说明 sheet",
    },
    "E933": {
        "message_zh": "工作簿中没有可识别的清单或台账",
        "message_en": "the workbook has no sheet the import recognises",
        "hint_zh": "表头须含：{headers}",
        "hint_en": "a header row must hold: {headers}",
    },
    "E934": {
        "message_zh": "无法写入 {path}：{detail}",
        "message_en": "cannot write {path}: {detail}",
        "hint_zh": "未写入任何文件；检查目录权限和磁盘空间",
        "hint_en": "nothing was written; check the folder's permissions and the free space",
    },
    "W901": {
        "message_zh": "列“{column}”不属于该清单，未导入",
        "message_en": "the column '{column}' is not part of the list and is not imported",
        "hint_zh": "可识别的列：{known}",
        "hint_en": "known columns: {known}",
    },
    "W902": {
        "message_zh": "工作表“{sheet}”中没有找到表头，未导入",
        "message_en": "no header row found on sheet '{sheet}'; it is not imported",
        "hint_zh": "表头须含：{headers}",
        "hint_en": "a header row must hold: {headers}",
    },
})
