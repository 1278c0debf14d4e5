"""Every diagnostic's text, in Chinese and English, keyed by code.

Codes: E0xx loading and validation, E1xx the data folder as a whole, E2xx/W2xx the rules of
the spec (procedure, completeness, grades), E3xx/W3xx references, E4xx/W4xx versions.
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
}


# Record types by their Chinese names, for Chinese messages ("{kind:zh-types}" in a template).
TYPE_NAMES_ZH: dict[str, str] = {
    "jurisdiction": "辖区", "organisation": "机构", "person": "人员", "domain": "行业领域", "campaign": "专项整治",
    "plan": "方案", "target-task": "目标任务", "evaluation-plan": "评估工作方案", "self-assessment": "基层自评材料",
    "overall-report": "总体报告", "sub-report": "子项报告", "extension-request": "延期申请",
    "comprehensive-review": "综合评议报告", "rectification-plan": "整改方案", "look-back": "回头看记录",
    "supervision-check": "督导检查记录", "hazard": "隐患档案", "accident-statistics": "事故统计",
    "mechanism": "长效机制", "notice": "文件通知", "attachment": "附件", "vocabulary": "词表", "calendar": "工作日日历",
}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Stages add their own codes here at import time; a code is defined once."""
    for code, entry in messages.items():
        if code in MESSAGES and MESSAGES[code] != entry:
            raise ValueError(f"diagnostic code {code} defined twice")
        MESSAGES[code] = entry
