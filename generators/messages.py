"""Every diagnostic's text, in Chinese and English, keyed by code.

Codes: E0xx loading and validation, E1xx the data folder as a whole, E2xx/W2xx the rules of
the spec (procedure, completeness, grades), E3xx/W3xx references, E4xx/W4xx versions, E6xx the
printed documents, E7xx the search index, E8xx the site, E9xx/W9xx ledger workbooks. Every code
is here, whichever stage reports it: a catalogue collected in one place, not filled by imports,
so no message depends on which modules a command happened to import (tests/test_words.py).
Templates use ``{name}`` placeholders filled from the diagnostic's parameters; ``{n:s}`` is "s"
unless n is 1 (English plurals), ``{kind:a}`` puts "a" or "an" before the word, and
``{kind:zh-types}`` gives record types ("a/b") their Chinese names. In a hint, the
part before ``|`` is a "did you mean" that is left out when there is no close suggestion.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "E001": {
        "message_zh": "YAML 语法错误：{detail}",
        "message_en": "YAML syntax error: {detail}",
        "hint_zh": "检查缩进（只用空格）、冒号后的空格和引号是否成对",
        "hint_en": "check the indentation (spaces only), the space after each colon, and matching quotes",
    },
    "E002": {
        "message_zh": "文件不是 UTF-8 编码（字节 {byte}），看起来是 GBK/GB18030（Windows 记事本常见）",
        "message_en": "file is not UTF-8 (byte {byte}); it looks like GBK/GB18030, as saved by Windows editors",
        "hint_zh": "转换为 UTF-8：iconv -f GB18030 -t UTF-8 原文件 > 新文件，或在编辑器中“另存为 UTF-8”",
        "hint_en": "convert it: iconv -f GB18030 -t UTF-8 FILE > FILE.new, or 'Save as UTF-8' in the editor",
    },
    "E002B": {
        "message_zh": "文件不是 UTF-8 编码（字节 {byte}），也不是 GBK",
        "message_en": "file is not UTF-8 (byte {byte}) nor GBK",
        "hint_zh": "用 UTF-8 重新保存该文件",
        "hint_en": "save the file again as UTF-8",
    },
    "E003": {
        "message_zh": "不允许使用 YAML 锚点或别名（{name}）",
        "message_en": "YAML anchors and aliases are not allowed ({name})",
        "hint_zh": "直接写出重复的内容；别名可被用来制造内存炸弹，因此一律拒绝",
        "hint_en": "write the repeated value out; aliases can blow up memory, so they are refused",
    },
    "E004": {
        "message_zh": "键“{key}”重复（第一次出现在第 {first_line} 行）",
        "message_en": "key '{key}' is repeated (first on line {first_line})",
        "hint_zh": "删除其中一个；YAML 中后出现的值会悄悄覆盖前一个",
        "hint_en": "remove one of them; in YAML the later value would silently replace the first",
    },
    "E005": {
        "message_zh": "无法读取文件：{detail}",
        "message_en": "cannot read file: {detail}",
        "hint_zh": "检查文件权限",
        "hint_en": "check the file's permissions",
    },
    "E006": {
        "message_zh": "文件过大（{size} 字节，上限 {limit}）",
        "message_en": "file too large ({size} bytes, limit {limit})",
        "hint_zh": "把记录拆分到多个文件",
        "hint_en": "split the records over several files",
    },
    "E007": {
        "message_zh": "文件为空",
        "message_en": "file is empty",
        "hint_zh": "写入一条记录（含 type 和 id），或删除该文件",
        "hint_en": "write a record (with type and id) or delete the file",
    },
    "E008": {
        "message_zh": "嵌套层次过深",
        "message_en": "nesting is too deep",
        "hint_zh": "记录的嵌套不应超过几层",
        "hint_en": "records are never nested more than a few levels",
    },
    "E009": {
        "message_zh": "映射的键必须是简单文本",
        "message_en": "mapping keys must be plain text",
        "hint_zh": "去掉复杂键（? 语法）",
        "hint_en": "remove the complex key ('?' syntax)",
    },
    "E010": {
        "message_zh": "未知的记录类型“{got}”",
        "message_en": "unknown record type '{got}'",
        "hint_zh": "是否想写“{suggestion}”？|可用类型：{choices}",
        "hint_en": "did you mean '{suggestion}'?| record types: {choices}",
    },
    "E011": {
        "message_zh": "未知的字段“{key}”",
        "message_en": "unknown field '{key}'",
        "hint_zh": "是否想写“{suggestion}”？|此处可用字段：{known}",
        "hint_en": "did you mean '{suggestion}'?| fields here: {known}",
    },
    "E012": {
        "message_zh": "字段 {field} 类型错误：应为 {expected}，实际为 {got}",
        "message_en": "{field} has the wrong type: expected {expected}, got {got}",
        "hint_zh": "按照记录的 JSON Schema 修改该值",
        "hint_en": "change the value to the type the record's JSON Schema gives",
    },
    "E013": {
        "message_zh": "缺少必填字段 {field}",
        "message_en": "required field {field} is missing",
        "hint_zh": "补上该字段",
        "hint_en": "add the field",
    },
    "E014": {
        "message_zh": "{field} 的日期“{value}”不存在或格式不对",
        "message_en": "{field}: '{value}' is not a real date",
        "hint_zh": "日期写作 YYYY-MM-DD，且须是日历上存在的日子",
        "hint_en": "write dates as YYYY-MM-DD, and use a day that exists in the calendar",
    },
    "E015": {
        "message_zh": "{field} 的值“{value}”格式不对",
        "message_en": "{field}: '{value}' does not have the required form",
        "hint_zh": "须符合模式 {pattern}",
        "hint_en": "it must match {pattern}",
    },
    "E016": {
        "message_zh": "{field}：{detail}",
        "message_en": "{field}: {detail}",
        "hint_zh": "",
        "hint_en": "",
    },
    "E017": {
        "message_zh": "{field} 的值 {value} 超出允许范围（{detail}）",
        "message_en": "{field}: {value} is out of range ({detail})",
        "hint_zh": "",
        "hint_en": "",
    },
    "E018": {
        "message_zh": "{field} 不能为空",
        "message_en": "{field} must not be empty",
        "hint_zh": "至少写一项",
        "hint_en": "give at least one item",
    },
    "E019": {
        "message_zh": "YAML 语法错误：{detail}（这一行的引用 [[…]] 被 YAML 当成了列表）",
        "message_en": "YAML syntax error: {detail} (YAML reads the reference [[…]] on this line as a list)",
        "hint_zh": "给整段文字加引号，例如 zh: '见[[HZ-2021-0001]]'，或改用块写法 zh: >- 换行后再写文字",
        "hint_en": "quote the whole text, e.g. zh: '见[[HZ-2021-0001]]', or use a block value (zh: >-) "
                   "with the text on the next line",
    },
    "E020": {
        "message_zh": "编号“{id}”重复（第一次出现在 {first}）",
        "message_en": "ID '{id}' is used twice (first at {first})",
        "hint_zh": "编号永不复用：给新记录一个新编号",
        "hint_en": "IDs are never reused: give this record a new one",
    },
    "E021": {
        "message_zh": "引用的“{id}”不存在（应为{wanted:zh-types}）",
        "message_en": "'{id}' refers to nothing (expected {wanted:a})",
        "hint_zh": "是否想写“{suggestion}”？|",
        "hint_en": "did you mean '{suggestion}'?|",
    },
    "E022": {
        "message_zh": "“{value}”不在词表 {vocabulary} 中",
        "message_en": "'{value}' is not in the vocabulary {vocabulary}",
        "hint_zh": "是否想写“{suggestion}”？|可用值：{choices}",
        "hint_en": "did you mean '{suggestion}'?| allowed: {choices}",
    },
    "E023": {
        "message_zh": "“{id}”是{kind:zh-types}，这里需要{wanted:zh-types}",
        "message_en": "'{id}' is {kind:a}, but {wanted:a} is needed here",
        "hint_zh": "改为引用正确类型的记录",
        "hint_en": "refer to a record of the right type",
    },
    "E024": {
        "message_zh": "数据中没有定义词表 {vocabulary}",
        "message_en": "the vocabulary {vocabulary} is not defined in the data",
        "hint_zh": "在 vocabularies 文件中加入 id 为 {vocabulary} 的 vocabulary 记录",
        "hint_en": "add a vocabulary record with id {vocabulary}",
    },
    "E030": {
        "message_zh": "找不到正文文件 {file}",
        "message_en": "prose file {file} does not exist",
        "hint_zh": "路径相对于本 YAML 文件所在目录",
        "hint_en": "the path is relative to this YAML file's folder",
    },
    "E040": {
        "message_zh": "{field} 的值 {value} 没有加引号，各 YAML 工具读法不一"
                      "（YAML 1.1 读作 {yaml11}，YAML 1.2 读作 {yaml12}）",
        "message_en": "{field}: the unquoted {value} means different things to YAML readers "
                      "(YAML 1.1: {yaml11}; YAML 1.2: {yaml12})",
        "hint_zh": "是否想写文字“{value}”？加上引号：'{value}'",
        "hint_en": "did you mean the string '{value}'? write it in quotes: '{value}'",
    },
    "E041": {
        "message_zh": "{field} 的值 {value} 不是明确的数（YAML 1.1 读作 {yaml11}，YAML 1.2 读作 {yaml12}）",
        "message_en": "{field}: {value} is not a plain number (YAML 1.1 reads {yaml11}; YAML 1.2 reads {yaml12})",
        "hint_zh": "是否想写 {suggestion}？|数一律写成普通十进制，不加前导零、进制前缀、下划线或冒号",
        "hint_en": "did you mean {suggestion}?| write numbers in plain decimal digits, without leading zeros, "
                   "0x/0o/0b prefixes, underscores or colons",
    },
    "E042": {
        "message_zh": "{field} 的数有 {digits} 位，过长",
        "message_en": "{field}: a number with {digits} digits is too long",
        "hint_zh": "如果这是编码或文字，请加引号",
        "hint_en": "if it is a code or text, write it in quotes",
    },
    "E043": {
        "message_zh": "{field} 只能写 true 或 false，实际为 {got}",
        "message_en": "{field} must be true or false, got {got}",
        "hint_zh": "写 true 或 false；yes/no、on/off、y/n、1/0 在本档案库中不是布尔值",
        "hint_en": "write true or false; yes/no, on/off, y/n and 1/0 are not booleans in this archive",
    },
    "E044": {
        "message_zh": "{field} 应为整数，实际为 {got}",
        "message_en": "{field} must be a whole number, got {got}",
        "hint_zh": "是否想写 {suggestion}？|整数不加引号、不带小数点",
        "hint_en": "did you mean {suggestion}?| write whole numbers without quotes or a decimal point",
    },
    "E045": {
        "message_zh": "{field} 应为日期 YYYY-MM-DD，实际为 {got}",
        "message_en": "{field} must be a date written YYYY-MM-DD, got {got}",
        "hint_zh": "是否想写 {suggestion}？|例如 2022-03-18",
        "hint_en": "did you mean {suggestion}?| e.g. 2022-03-18",
    },
    "E046": {
        "message_zh": "YAML 文件中不允许出现控制字符 {char}（{name}）",
        "message_en": "control character {char} ({name}) is not allowed in a YAML file",
        "hint_zh": "删除该字符；多数编辑器不显示它（常见于从其他软件粘贴的文字）",
        "hint_en": "delete it; most editors do not show it (it usually comes with text pasted from elsewhere)",
    },
    "E047": {
        "message_zh": "不允许使用 YAML 标签 {tag}",
        "message_en": "the YAML tag {tag} is not allowed",
        "hint_zh": "删除标签：文字加引号，数、日期和 true/false 直接写",
        "hint_en": "remove the tag: write text in quotes, and numbers, dates and true/false as they are",
    },
    "E100": {
        "message_zh": "数据目录 {path} 不存在",
        "message_en": "data folder {path} does not exist",
        "hint_zh": "用 DATA=目录 指定档案数据目录",
        "hint_en": "name the archive's data folder with DATA=folder",
    },
    "E101": {
        "message_zh": "数据中没有 jurisdiction（辖区）记录",
        "message_en": "the data has no jurisdiction record",
        "hint_zh": "加入一条 type: jurisdiction 记录（区名、发文机关、发文字号前缀）",
        "hint_en": "add a 'type: jurisdiction' record (district, issuing office, document-number prefix)",
    },
    # ---- E030–E032: files inside the archive (records/confine.py) ----
    "E031": {
        "message_zh": "文件 {file} 不在档案目录之内",
        "message_en": "file {file} is outside the archive",
        "hint_zh": "记录与正文文件须放在数据目录或其旁边的 content/ 目录中，"
                   "不得用绝对路径、“..”越出或指向外部的符号链接",
        "hint_en": "records and prose files live in the data folder or the content/ folder beside it: "
                   "no absolute path, no '..' leading out, no symlink pointing outside",
    },
    "E032": {
        "message_zh": "文件 {file} 不是普通文件（{kind}）",
        "message_en": "file {file} is not a regular file ({kind})",
        "hint_zh": "记录文件和正文须是普通文件（YAML 或 Markdown），不能是目录、管道、设备或套接字；"
                   "不是记录的，移出数据目录或改名",
        "hint_en": "records and prose must be ordinary files (YAML or Markdown), not a folder, pipe, device "
                   "or socket; if it is not a record, move it out of the data folder or rename it",
    },
    "E033": {
        "message_zh": "文件 {file} 过大（{size} 字节，上限 {limit} 字节）",
        "message_en": "file {file} is too large ({size} bytes, limit {limit})",
        "hint_zh": "正文文件应是一篇文稿；大的附件不放进档案正文",
        "hint_en": "a prose file holds one text; large attachments do not belong in the archive's prose",
    },
    # ---- E4xx/W4xx: versions (records/versions.py) ----
    "E401": {
        "message_zh": "supersedes 指向的“{target}”是{target_type:zh-types}，与本记录的类型{type:zh-types}不同",
        "message_en": "supersedes names '{target}', {target_type:a}, but this record is {type:a}",
        "hint_zh": "新版本只能替代同一类型的记录；检查 ID 是否写错",
        "hint_en": "a new version can only supersede a record of the same type; check the ID",
    },
    "E402": {
        "message_zh": "版本号 {version} 不大于被替代版本“{target}”的版本号 {target_version}",
        "message_en": "version {version} is not greater than version {target_version} of '{target}', "
                      "which it supersedes",
        "hint_zh": "把 version 设为 {expected} 或更大",
        "hint_en": "set version to {expected} or more",
    },
    "E403": {
        "message_zh": "替代了“{target}”却没有修订说明（change_note）",
        "message_en": "supersedes '{target}' but has no change_note",
        "hint_zh": "用 change_note 写明改了什么、为什么改；档案员据此说明版本变化",
        "hint_en": "say in change_note what changed and why; archivists show it in the history of changes",
    },
    "E404": {
        "message_zh": "“{target}”已被“{other}”替代，不能再被本记录替代",
        "message_en": "'{target}' is already superseded by '{other}'; two records cannot supersede the same one",
        "hint_zh": "版本是一条链：本记录应替代“{other}”（最新版本）",
        "hint_en": "versions form a chain: supersede '{other}' (the newest version) instead",
    },
    "E405": {
        "message_zh": "版本替代关系形成循环：{cycle}",
        "message_en": "the supersedes links form a cycle: {cycle}",
        "hint_zh": "最早的版本不应有 supersedes",
        "hint_en": "the first version must not have supersedes",
    },
    "E406": {
        "message_zh": "件号 {item} 在全宗 {fonds} 的 {year} 年度中重复（已用于“{other}”）",
        "message_en": "item number {item} is used twice in fonds {fonds}, year {year} (also by '{other}')",
        "hint_zh": "DA/T 22-2015：件号在同一全宗、同一年度内唯一；该年度的下一个件号是 {free}",
        "hint_en": "DA/T 22-2015: item numbers are unique within a fonds and year; the year's next number is {free}",
    },
    "E407": {
        "message_zh": "通知的文号 {number} 已被“{other}”使用，而两者不是同一文件的不同版本",
        "message_en": "document number {number} is also used by '{other}', which is not a version of this notice",
        "hint_zh": "同一文号只能用于同一文件的修订版本（用 supersedes 相连）；否则请改用新文号",
        "hint_en": "a document number may only be shared by versions of one document (linked by supersedes)",
    },
    "W401": {
        "message_zh": "版本号为 {version}，却没有写明替代的是哪一版本（supersedes）",
        "message_en": "version is {version} but supersedes names no earlier version",
        "hint_zh": "加上 supersedes: <上一版本的 ID>，否则历史版本列表无法显示",
        "hint_en": "add supersedes: <ID of the previous version>, or the history of changes stays empty",
    },
    "W402": {
        "message_zh": "change_note 只用于修订版本，本记录没有 supersedes",
        "message_en": "change_note is only shown for a revision, but this record supersedes nothing",
        "hint_zh": "错别字等小改动不需要新版本，git 会记录；删除 change_note 或补上 supersedes",
        "hint_en": "minor corrections need no new version (git records them): remove change_note or add supersedes",
    },
    "W403": {
        "message_zh": "文件没有档案著录信息（archival：年度、保管期限、件号），不能列入归档包的目录",
        "message_en": "document has no archival metadata (archival: year, retention, item number) "
                      "for the release package",
        "hint_zh": "按 DA/T 22-2015 加上 archival: {{year: …, retention: Y|D30|D10, item_number: …}}",
        "hint_en": "add archival: {{year: …, retention: Y|D30|D10, item_number: …}} (DA/T 22-2015)",
    },
    # ---- E28x: dates in order (rules/chronology.py) ----
    "E280": {
        "message_zh": "隐患的{what}日期 {date} 早于发现日期 {discovered}",
        "message_en": "the hazard's {what_en} date {date} is before its discovery on {discovered}",
        "hint_zh": "检查日期是否写错（年份或月份）",
        "hint_en": "check the date for a typo (year or month)",
    },
    "E281": {
        "message_zh": "{field}的日期 {date} 早于整治开始日期 {start}（{campaign}）",
        "message_en": "'{field}' on {date} is before the campaign {campaign} began ({start})",
        "hint_zh": "整治开始之前不会有该整治的报告；检查日期或所属整治",
        "hint_en": "a campaign's report cannot come before the campaign; check the date or the campaign",
    },
    # ---- E2xx/W2xx: the procedure and deadlines (rules/check.py) ----
    "E201": {
        "message_zh": "没有 {year} 年的工作日日历，无法计算{stage_zh}的期限",
        "message_en": "no working-day calendar for {year}, so the {stage} deadline cannot be computed",
        "hint_zh": "{package} 只含 {first}–{last} 年；按国务院办公厅放假安排通知新增 {file}"
                   "（type: calendar，year: {year}，holidays，workdays（调休上班日），source）",
        "hint_en": "{package} covers {first}–{last} only; add {file} (type: calendar, year: {year}, holidays, "
                   "workdays = weekend make-up working days, source) from the State Council's holiday notice",
    },
    "E202": {
        "message_zh": "{year} 年的日历重复（已有“{other}”）",
        "message_en": "a second calendar for {year} (already '{other}')",
        "hint_zh": "每年只能有一个日历记录；删除或合并其中一个",
        "hint_en": "keep one calendar record per year; delete or merge the other",
    },
    "E203": {
        "message_zh": "日期 {date} 不在本日历的年份 {year} 内",
        "message_en": "{date} is not in this calendar's year {year}",
        "hint_zh": "跨年的假期分别写入两个年份的日历",
        "hint_en": "a holiday spanning New Year goes into both years' calendars, each its own days",
    },
    "E204": {
        "message_zh": "{date} 同时列为放假日和调休上班日",
        "message_en": "{date} is listed both as a holiday and as a make-up working day",
        "hint_zh": "按国务院通知核对，删除错误的一处",
        "hint_en": "check against the State Council notice and remove the wrong one",
    },
    "W205": {
        "message_zh": "{year} 年已由 {package} 提供，本日历记录不被使用",
        "message_en": "{year} is covered by {package}; this calendar record is not used",
        "hint_zh": "删除本记录；若国务院另有调整，请升级 chinesecalendar",
        "hint_en": "remove the record; if the State Council changed the calendar, upgrade chinesecalendar",
    },
    "W206": {
        "message_zh": "调休上班日 {date} 不是周末",
        "message_en": "make-up working day {date} is not a weekend day",
        "hint_zh": "周一至周五本来就是工作日；检查日期是否写错",
        "hint_en": "Monday to Friday are working days anyway; check the date",
    },
    "E209": {
        "message_zh": "专项整治结束日期 {end} 早于开始日期 {start}",
        "message_en": "the campaign ends ({end}) before it starts ({start})",
        "hint_zh": "核对 start 和 end；时限决定评估程序（第十三条）",
        "hint_en": "check start and end; the duration decides the procedure (art. 13)",
    },
    "W210": {
        "message_zh": "{campaign}：{stage_zh}于 {completed} 完成，比期限 {due} 晚 {days} 天"
                      "（{trigger_zh} {trigger_date} 起 {n} 日，{calendar}）",
        "message_en": "{campaign}: {stage} completed on {completed}, {days} day{days:s} after its last day {due} "
                      "({trigger} {trigger_date} + {n} day{n:s}, {calendar})",
        "hint_zh": "如实记录即可；逾期原因应在报告中说明，需延期的应提前 7 个工作日申请（第十条）",
        "hint_en": "the record stands as it happened; the report should explain the delay; an extension must be "
                   "requested 7 working days in advance (art. 10)",
    },
    "W211": {
        "message_zh": "{campaign}：{stage_zh}已逾期 {days} 天（期限 {due}，截至 {as_of} 未完成）",
        "message_en": "{campaign}: {stage} is {days} day{days:s} overdue (last day {due}, not completed as of {as_of})",
        "hint_zh": "补录完成记录（{evidence}），或按第十条申请延期",
        "hint_en": "record its completion ({evidence}), or request an extension (art. 10)",
    },
    "E212": {
        "message_zh": "{campaign}：缺少{stage_zh}环节，而后续环节已经完成",
        "message_en": "{campaign}: the {stage} stage is missing although a later stage is completed",
        "hint_zh": "第七条规定的程序不能跳过；补录该环节的记录（{evidence}）",
        "hint_en": "the procedure of art. 7 cannot skip a stage; add its record ({evidence})",
    },
    "W213": {
        "message_zh": "{campaign} 时限不足一年，不需要{what_zh}（第十三条）",
        "message_en": "{campaign} lasts less than a year and needs no {what} (art. 13)",
        "hint_zh": "时限一年以内的专项整治由区级牵头部门综合评议并报区安委办备案",
        "hint_en": "for a campaign shorter than a year the lead department reviews and files its report "
                   "with the district office",
    },
    "E214": {
        "message_zh": "{campaign} 时限一年以上，综合评议应由区安委办（{office}）进行，而不是 {reviewer}",
        "message_en": "{campaign} lasts a year or more: the comprehensive review is the district office's "
                      "({office}), not {reviewer}'s",
        "hint_zh": "第十一条、第十三条：reviewer 应为 {office}",
        "hint_en": "arts. 11 and 13: set reviewer to {office}",
    },
    "W215": {
        "message_zh": "{campaign} 的综合评议报告尚未报区安委办备案",
        "message_en": "{campaign}: the lead department's review has not been filed with the district office",
        "hint_zh": "第十三条：备案后填写 filed_with_office_on",
        "hint_en": "art. 13: once filed, record filed_with_office_on",
    },
    "E216": {
        "message_zh": "{stage_zh}不能申请延期",
        "message_en": "the {stage} stage cannot be extended",
        "hint_zh": "只有行业复评（第十条（五））和综合评议（第十一条（四））可以延期",
        "hint_en": "only the re-evaluation (art. 10(5)) and the comprehensive review (art. 11(4)) may be extended",
    },
    "E217": {
        "message_zh": "延期申请缺少书面情况说明",
        "message_en": "the extension request has no written explanation",
        "hint_zh": "第十条（五）：申请延期须提交书面情况说明（explanation）",
        "hint_en": "art. 10(5): an extension request needs a written explanation (explanation)",
    },
    "W218": {
        "message_zh": "延期申请于 {filed} 提出，距期限 {due} 只有 {count} 个工作日（最迟应于 {latest} 提出），"
                      "申请无效，期限不变",
        "message_en": "extension requested on {filed}, only {count} working day{count:s} before the last day {due} "
                      "(latest valid filing day {latest}): not valid, the last day stays",
        "hint_zh": "第十条（五）：应提前 7 个工作日申请（按国务院节假日安排计算，含调休）",
        "hint_en": "art. 10(5): file at least 7 working days in advance (official calendar with make-up days)",
    },
    "W221": {
        "message_zh": "评估工作方案的时序安排列有{stage_zh}，但 {campaign} 不需要该环节（第十三条）",
        "message_en": "the evaluation plan schedules the {stage} stage, which {campaign} does not need (art. 13)",
        "hint_zh": "时限一年以内的专项整治不需要区安委办综合评议和整改落实环节",
        "hint_en": "a campaign shorter than a year has no district-office review or rectification stage",
    },
    "W222": {
        "message_zh": "评估工作方案的时序安排缺少{stage_zh}环节",
        "message_en": "the evaluation plan's schedule leaves out the {stage} stage",
        "hint_zh": "第八条（一）：明确评估时序进度安排，逐一列出必须履行的环节",
        "hint_en": "art. 8(1): the schedule lists every stage the procedure requires",
    },
    "W223": {
        "message_zh": "时序安排中{stage_zh}的期限 {planned} 晚于规范规定的期限 {due}",
        "message_en": "the schedule gives the {stage} stage {planned}, later than its last day under the spec, {due}",
        "hint_zh": "按规范的期限安排；确需延期的按第十条（五）申请",
        "hint_en": "schedule within the spec's deadline; an extension is requested under art. 10(5)",
    },
    "E250": {
        "message_zh": "同一统计记录对 {period} {town} {domain} 给出两行（第一行为第 {first} 行）",
        "message_en": "this record gives {period} {town} {domain} twice (first as row {first})",
        "hint_zh": "合并为一行；每条记录对每月、区镇、行业领域只能有一行",
        "hint_en": "merge them: one row per month, town and domain in a record",
    },
    "E251": {
        "message_zh": "与“{other}”同日（{taken_on}）取数，但 {period} {town} {domain} 的数字不同",
        "message_en": "taken on the same day ({taken_on}) as '{other}' but gives other figures for {period} {town} "
                      "{domain}",
        "hint_zh": "核定后的数字应以更晚的取数日期（taken_on）另立记录，否则无法判断以哪个为准",
        "hint_en": "a revision needs a later taken_on, or it is unclear which figures stand",
    },
    "W252": {
        "message_zh": "{campaign}：整治期间及上年同期有 {count} 个月没有事故统计（{months}），无法作同比分析",
        "message_en": "{campaign}: no accident figures for {count} month{count:s} of the campaign or the year before "
                      "({months}), so no year-on-year comparison can be made",
        "hint_zh": "第五条（四）要求评估事故起数、死亡人数、直接经济损失的同比、环比情况；"
                   "补录 accident-statistics 记录",
        "hint_en": "art. 5(4) asks for year-on-year accident comparisons; add the accident-statistics records",
    },
    "E219": {
        "message_zh": "申请延至 {requested}，不晚于原期限 {due}",
        "message_en": "requested last day {requested} is not later than the current last day {due}",
        "hint_zh": "检查 requested_due",
        "hint_en": "check requested_due",
    },
    # ---- completeness and grades (rules/completeness.py) ----
    "E230": {
        "message_zh": "{campaign}：纳入评估范围的 {town} 没有基层自评材料",
        "message_en": "{campaign}: {town} is in scope but has no self-assessment",
        "hint_zh": "第九条：被纳入评估范围的区镇均应报送自评材料（type: self-assessment, town: {town}）",
        "hint_en": "art. 9: every town in scope submits a self-assessment (type: self-assessment, town: {town})",
    },
    "E231": {
        "message_zh": "已报送的自评材料缺少{part}",
        "message_en": "the submitted self-assessment has no {part_en}",
        "hint_zh": "第九条（二）：自评材料应包含自评报告、目标任务完成情况清单、问题隐患整改情况清单和典型经验做法清单",
        "hint_en": "art. 9(2): a self-assessment has the report and three lists: target tasks, hazards, typical "
                   "experience",
    },
    "E232": {
        "message_zh": "{what}没有审核把关记录（approval）",
        "message_en": "the {what_en} has no approval",
        "hint_zh": "{article}：须经{who}审核把关后方可{then}",
        "hint_en": "{article}: it must be approved by {who_en} before it is {then_en}",
    },
    "E233": {
        "message_zh": "审核把关日期 {approved} 晚于{then} {date}",
        "message_en": "approved on {approved}, after it was {then_en} on {date}",
        "hint_zh": "{article}：先审核把关，后{then}；核对两个日期",
        "hint_en": "{article}: approval comes first; check both dates",
    },
    "E234": {
        "message_zh": "{campaign}：{town} 有 {count} 份{what}（{ids}）",
        "message_en": "{campaign}: {town} has {count} {what_en} ({ids})",
        "hint_zh": "每个区镇只能有一份；修订版本请用 supersedes 指向上一版本",
        "hint_en": "one per town; a revision names the version it replaces in supersedes",
    },
    "E235": {
        "message_zh": "{campaign}：纳入评估范围的 {town} 没有子项报告和分级认定",
        "message_en": "{campaign}: {town} is in scope but has no sub-report with a grade",
        "hint_zh": "第十条（二）（三）：对纳入评估范围的区镇逐一分级认定并撰写子项报告",
        "hint_en": "art. 10(2)(3): every town in scope is graded in its own sub-report",
    },
    "E237": {
        "message_zh": "{campaign}：纳入评估范围的行业领域 {domain} 未在综合评议中分级认定",
        "message_en": "{campaign}: the domain {domain} is in scope but not graded in the comprehensive review",
        "hint_zh": "第十一条（二）：对各重点行业领域专项整治分级认定（domain_grades）",
        "hint_en": "art. 11(2): grade every industry domain in scope (domain_grades)",
    },
    "E238": {
        "message_zh": "行业领域 {domain} 被分级认定了 {count} 次",
        "message_en": "the domain {domain} is graded {count} times",
        "hint_zh": "每个行业领域只认定一个等级",
        "hint_en": "each domain gets exactly one grade",
    },
    "W239": {
        "message_zh": "行业领域 {domain} 不在 {campaign} 的评估范围内",
        "message_en": "the domain {domain} is not in the scope of {campaign}",
        "hint_zh": "把它加入 scope.domains，或删除该分级",
        "hint_en": "add it to scope.domains or remove the grade",
    },
    "E240": {
        "message_zh": "评估等级词表应恰好为“优、良、中、差”四级（第十条、第十一条），现有 {count} 级",
        "message_en": "the grades vocabulary must have exactly the four grades 优/良/中/差 (arts. 10–11); "
                      "it has {count}",
        "hint_zh": "删除多余等级",
        "hint_en": "remove the extra grades",
    },
    "E241": {
        "message_zh": "评估等级词表中应恰有一个等级带有标记 {flag}（现有 {count} 个）",
        "message_en": "exactly one grade must carry the flag {flag} ({count} do)",
        "hint_zh": "“优”带 priority-advanced-collective（第十五条），“差”带 one-vote-veto（第十六条）",
        "hint_en": "优 carries priority-advanced-collective (art. 15), 差 carries one-vote-veto (art. 16)",
    },
    "W242": {
        "message_zh": "报告未涵盖第五条规定的评估内容：{missing}",
        "message_en": "the report does not cover these evaluation contents of art. 5: {missing_en}",
        "hint_zh": "第五条：评估应包含九项内容；为每项加一个 sections 条目（topic: 对应键），无内容时写明“无”",
        "hint_en": "art. 5: an evaluation covers nine contents; add a section (topic: its key) for each, "
                   "saying 'none' where there is nothing",
    },
    # ---- who may be named where (rules/scope.py) ----
    "E260": {
        "message_zh": "{field} 应为区镇（街道），但“{org}”是{kind_zh}",
        "message_en": "{field} must name a town, but '{org}' is {kind_en}",
        "hint_zh": "是否想写“{suggestion}”？|此处应写镇、街道或园区的编号（机构类别带 grassroots 标记）",
        "hint_en": "did you mean '{suggestion}'?| write the ID of a town, sub-district or zone here "
                   "(an organisation kind flagged grassroots)",
    },
    "E261": {
        "message_zh": "{org} 不在专项整治 {campaign} 的评估范围内（scope.towns：{towns}）",
        "message_en": "{org} is not in the scope of campaign {campaign} (scope.towns: {towns})",
        "hint_zh": "检查编号或所属专项整治；确属本专项整治的，把该区镇加入 scope.towns",
        "hint_en": "check the ID and the campaign; if it belongs here, add the town to scope.towns",
    },
    "E262": {
        "message_zh": "行业领域 {domain} 不在专项整治 {campaign} 的评估范围内（scope.domains：{domains}）",
        "message_en": "the domain {domain} is not in the scope of campaign {campaign} (scope.domains: {domains})",
        "hint_zh": "检查编号或所属专项整治；确属本专项整治的，把该领域加入 scope.domains",
        "hint_en": "check the ID and the campaign; if it belongs here, add the domain to scope.domains",
    },
    "E263": {
        "message_zh": "{field} 应为区级部门或机关，但“{org}”是{kind_zh}",
        "message_en": "{field} must name a district department or office, but '{org}' is {kind_en}",
        "hint_zh": "此处写牵头部门、检查部门等区级机构的编号，而不是区镇",
        "hint_en": "write the ID of the district body (lead department, checking department), not a town",
    },
    "E264": {
        "message_zh": "{target} 属于专项整治 {other}，本记录属于 {campaign}",
        "message_en": "{target} belongs to campaign {other}, this record to {campaign}",
        "hint_zh": "检查编号：方案和目标任务只能引用本专项整治的",
        "hint_en": "check the ID: only plans and target tasks of the record's own campaign can be named",
    },
    # ---- E3xx/W3xx: references (refs/checks.py) ----
    "E301": {
        "message_zh": "引用 [[{target}]] 找不到对应的记录",
        "message_en": "reference [[{target}]] refers to nothing",
        "hint_zh": "是否想写 [[{suggestion}]]？|引用写作 [[编号]] 或 [[发文字号]]，如 [[海安委办〔2022〕17号]]",
        "hint_en": "did you mean [[{suggestion}]]?| write [[ID]] or [[document number]], "
                   "e.g. [[海安委办〔2022〕17号]]",
    },
    "E302": {
        "message_zh": "在档案网站上发布的 {source}（{level}）引用了定密记录 {target}（{target_level}）",
        "message_en": "{source} is published on the archive site ({level}) but references the classified "
                      "record {target} ({target_level})",
        "hint_zh": "删去该引用，或对引用方定密；定密内容不得出现在档案网站上",
        "hint_en": "remove the reference, or classify the citing record: classified material never "
                   "reaches the site",
    },
    "W301": {
        "message_zh": "引用的 {target} {state_zh}",
        "message_en": "{target} is referenced but {state_en}",
        "hint_zh": "{advice_zh}",
        "hint_en": "{advice_en}",
    },
    "W302": {
        "message_zh": "引用的隐患 {target} 超出本记录的范围：{detail_zh}",
        "message_en": "hazard {target} is outside this record's scope: {detail_en}",
        "hint_zh": "检查编号是否写错；确需引用时可在正文中说明原因",
        "hint_en": "check the ID for a typo; if the reference is intended, say why in the text",
    },
    "W303": {
        "message_zh": "{town_zh}隐患整改清单上的隐患 {hazard} 未经行业复评逐项核查（过筛）",
        "message_en": "hazard {hazard} on {town_en}'s hazard list was never verified by the re-evaluation "
                      "(sieve check)",
        "hint_zh": "在子项报告 {reports} 的 verifications 中补上对该隐患的核查",
        "hint_en": "add a verification of this hazard to the sub-report {reports}",
    },
    "W307": {
        "message_zh": "子项报告核查了隐患 {hazard}，但它不在{town_zh}的任何一份自评隐患整改清单上",
        "message_en": "the sub-report verifies hazard {hazard}, which is on none of {town_en}'s self-assessment "
                      "hazard lists",
        "hint_zh": "过筛核查针对自评清单所列隐患：把该隐患补入自评材料 {lists} 的 hazard_list，或检查编号是否写错",
        "hint_en": "the sieve check verifies the hazards the town listed: add it to the hazard_list of {lists}, "
                   "or check the ID for a typo",
    },
    "W308": {
        "message_zh": "隐患 {hazard} 在本清单中重复列出（第一次为第 {first} 项）",
        "message_en": "hazard {hazard} is listed twice on this list (first as item {first})",
        "hint_zh": "删除重复的一项；重复项会使清单的隐患数多于实际",
        "hint_en": "remove the repeated item: it makes the list look longer than it is",
    },
    "W309": {
        "message_zh": "隐患 {hazard} 在本子项报告中核查了两次（第一次为第 {first} 项）",
        "message_en": "hazard {hazard} is verified twice in this sub-report (first as item {first})",
        "hint_zh": "合并为一项核查记录；如确有复查，在 note 中说明",
        "hint_en": "merge them into one verification; a second visit goes into the note",
    },
    "W310": {
        "message_zh": "“{text}”看似引用，但{reason_zh}，不会被当作引用",
        "message_en": "'{text}' looks like a reference but {reason_en}, so it is not read as one",
        "hint_zh": "引用写作 [[编号]] 或 [[编号|显示文字]]；若不是引用，请放入反引号 `…` 中",
        "hint_en": "write [[ID]] or [[ID|label]]; if it is not meant as a reference, put it in backticks `…`",
    },
    "W304": {
        "message_zh": "自评清单项（{list_zh}）没有佐证材料",
        "message_en": "self-assessment list item ({list_en}) has no evidence",
        "hint_zh": "在 evidence 中列出台账、照片、文件等佐证",
        "hint_en": "list the ledgers, photos or documents that prove it under evidence",
    },
    "W305": {
        "message_zh": "隐患 {hazard} 已销号，但没有验收记录",
        "message_en": "hazard {hazard} is closed (销号) without an acceptance record",
        "hint_zh": "补上 acceptance（验收方式、验收人、日期、意见、结论）",
        "hint_en": "add the acceptance (method, by, date, opinion, conclusion)",
    },
    "W306": {
        "message_zh": "子项报告 {report} 尚未反馈至{town_zh}（缺少 fed_back_on）",
        "message_en": "sub-report {report} has not been fed back to {town_en} (no fed_back_on)",
        "hint_zh": "评估规范第十条：子项报告应反馈至各区镇（街道）；反馈后填写 fed_back_on 日期",
        "hint_en": "art. 10: each sub-report is fed back to its town; record the date in fed_back_on",
    },
    # ---- half-loaded archives (partial.py) ----
    "N001": {
        "message_zh": "本文件中有记录未能载入（{ids}）：这些记录未做规则与引用检查，{campaigns}的整体性检查"
                      "（程序环节、材料齐全、过筛核查、事故统计月份）暂缓；其余 {count} 条记录已全部检查",
        "message_en": "records in this file did not load ({ids}): they were not checked, and the whole-campaign "
                      "checks of {campaigns_en} (procedure stages, completeness, sieve check, accident months) wait "
                      "for them; the other {count} records were checked",
        "hint_zh": "修正本文件中的错误后重新运行 make check",
        "hint_en": "fix the errors in this file and run make check again",
    },
    "N002": {
        "message_zh": "检查“{check}”无法在部分载入的档案上运行（{detail}）",
        "message_en": "the check '{check}' cannot run on the partly loaded archive ({detail})",
        "hint_zh": "修正载入错误后它会照常运行",
        "hint_en": "it runs as usual once the loading errors are fixed",
    },
    # ---- E8xx: the built site's links (site/links.py) ----
    "E801": {
        "message_zh": "页面链接无效：“{link}”指向 {target}，生成的网站中没有这个文件",
        "message_en": "broken link on the page: '{link}' points to {target}, which is not a file of the built site",
        "hint_zh": "这是网站生成器的缺陷（或正文中写错了站内链接），请连同此信息报告",
        "hint_en": "this is a bug of the site generator (or a wrong site-internal link in a text); please report it",
    },
    # ---- E7xx: the search index (search/diagnostics.py) ----
    "E701": {
        "message_zh": "找不到已构建的网站目录 {site}",
        "message_en": "built site folder {site} not found",
        "hint_zh": "先运行 make site，或用 --site 指定网站目录。",
        "hint_en": "run make site first, or name the site folder with --site.",
    },
    "E702": {
        "message_zh": "页面带有涉密标记（data-classified），未编入搜索索引",
        "message_en": "page carries a classified marker (data-classified) and was not indexed",
        "hint_zh": "涉密记录不得生成网页；请检查网站生成器为何输出了该页面。",
        "hint_en": "classified records must have no page; find out why the site generator wrote this one.",
    },
    "E703": {
        "message_zh": "网站目录中没有 {lang} 语言的页面",
        "message_en": "the site folder has no pages in language {lang}",
        "hint_zh": "检查网站是否已按该语言构建（英文在 en/ 下）。",
        "hint_en": "check that the site was built for that language (English under en/).",
    },
    # ---- the printed documents (documents/build.py) ----
    "E690": {
        "message_zh": "文档“{stem}”生成失败：{error}",
        "message_en": "rendering the document '{stem}' failed: {error}",
        "hint_zh": "这是生成器的缺陷，请连同此信息报告",
        "hint_en": "this is a bug of the generator; please report it with this message",
    },
    # ---- E6xx: fonts of the printed documents (documents/fonts.py) ----
    "E601": {
        "message_zh": "字体“{font}”（{role}）缺少字符：{chars}",
        "message_en": "the font '{font}' ({role}) has no glyph for: {chars}",
        "hint_zh": "改用常用字，或在 theme/print/fonts.toml 中为该角色配置含这些字符的字体",
        "hint_en": "use a common character, or configure a font with these characters for the role "
                   "in theme/print/fonts.toml",
    },
    "E602": {
        "message_zh": "字体角色“{role}”没有已安装的字体（已配置：{fonts}）",
        "message_en": "no installed font for the role '{role}' (configured: {fonts})",
        "hint_zh": "运行 make system-deps 安装 fonts-noto-cjk，或安装公文字体",
        "hint_en": "run make system-deps to install fonts-noto-cjk, or install the official fonts",
    },
    "W603": {
        "message_zh": "!!! 字体角色“{role}”（{wanted}）没有同风格的字体，改用{style}字体“{font}”印制",
        "message_en": "!!! the font role '{role}' ({wanted}) has no face of its style installed; "
                      "it prints in '{font}', a {style} face",
        "hint_zh": "运行 make system-deps 安装 Fandol 字体（FandolFang、FandolHei、FandolKai、FandolSong），"
                   "或安装公文字体",
        "hint_en": "run make system-deps to install the Fandol faces (FandolFang, FandolHei, FandolKai, "
                   "FandolSong), or install the official fonts",
    },
    # ---- E901–E911: reading a ledger workbook (ledgers/read.py) ----
    "E901": {
        "message_zh": "无法读取工作簿：{detail}",
        "message_en": "cannot read the workbook: {detail}",
        "hint_zh": "用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 再导入",
        "hint_en": "open it in Excel, WPS or LibreOffice, save it as .xlsx and import that",
    },
    "E902": {
        "message_zh": "不支持的文件类型“{suffix}”",
        "message_en": "unsupported file type '{suffix}'",
        "hint_zh": "可导入 .xlsx、.xls、.ods 和 .csv",
        "hint_en": "the import reads .xlsx, .xls, .ods and .csv",
    },
    "E903": {
        "message_zh": "工作簿含宏（{detail}），整个文件不予导入",
        "message_en": "the workbook contains macros ({detail}); the whole file is refused",
        "hint_zh": "另存为不含宏的 .xlsx（Excel 工作簿）后再导入",
        "hint_en": "save it as a macro-free .xlsx (Excel Workbook) and import that",
    },
    "E904": {
        "message_zh": "工作簿设有打开密码（已加密），无法读取",
        "message_en": "the workbook is password-protected (encrypted) and cannot be read",
        "hint_zh": "在 Excel/WPS 中取消密码（文件→信息→保护工作簿）后另存再导入",
        "hint_en": "remove the password in Excel/WPS (File → Info → Protect Workbook), save and import again",
    },
    "E905": {
        "message_zh": "文件过大（{size} 字节，上限 {limit}）",
        "message_en": "file too large ({size} bytes, limit {limit})",
        "hint_zh": "按区镇或年度拆分台账后分别导入",
        "hint_en": "split the ledger by town or year and import the parts",
    },
    "E906": {
        "message_zh": "工作表“{sheet}”被隐藏，隐藏的内容不会被导入者看到，整个文件不予导入",
        "message_en": "sheet '{sheet}' is hidden; nobody would see what it imports, so the whole file is refused",
        "hint_zh": "取消隐藏该工作表（右键工作表标签→取消隐藏），或删除它",
        "hint_en": "unhide the sheet (right-click a sheet tab → Unhide) or delete it",
    },
    "E907": {
        "message_zh": "工作表有 {rows} 行，超过上限 {limit} 行",
        "message_en": "the sheet has {rows} rows, more than the limit of {limit}",
        "hint_zh": "按区镇或年度拆分台账后分别导入；检查末尾是否有大量空行被格式化",
        "hint_en": "split the ledger by town or year; check for formatted empty rows at the end",
    },
    "E908": {
        "message_zh": "单元格内容过长（{chars} 个字符，上限 {limit}）",
        "message_en": "the cell is too long ({chars} characters, limit {limit})",
        "hint_zh": "长篇说明写入档案的 Markdown 文件，台账中只写摘要",
        "hint_en": "long prose belongs in the archive's Markdown files; keep a summary in the ledger",
    },
    "E909": {
        "message_zh": "单元格是公式（{formula}），导入只接受录入的值",
        "message_en": "the cell is a formula ({formula}); the import takes typed values only",
        "hint_zh": "复制该列后“选择性粘贴→数值”，再导入",
        "hint_en": "copy the column and use Paste Special → Values, then import",
    },
    "E910": {
        "message_zh": "数据区的单元格被合并（{range}），无法确定每一行的值",
        "message_en": "cells of the data are merged ({range}); each row's value is unclear",
        "hint_zh": "取消合并并在每一行填写该值；表头上方的标题行可以合并",
        "hint_en": "unmerge and fill the value into every row; title rows above the header may stay merged",
    },
    "E911": {
        "message_zh": "CSV 文件不是 UTF-8 也不是 GB18030 编码",
        "message_en": "the CSV file is neither UTF-8 nor GB18030",
        "hint_zh": "在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
        "hint_en": "save it from Excel as 'CSV UTF-8 (Comma delimited)'",
    },
    # ---- E9xx/W9xx: importing a ledger workbook (ledgers/importer.py) ----
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
    # ---- the reviewer's command (commands/review.py) ----
    "E303": {
        "message_zh": "没有编号或发文字号为“{id}”的记录",
        "message_en": "no record has the ID or document number '{id}'",
        "hint_zh": "是否想写“{suggestion}”？|用 ID=编号 指定要审查的报告",
        "hint_en": "did you mean '{suggestion}'?| name the report to review with ID=...",
    },
}


