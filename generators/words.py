"""Every piece of interface text, in Chinese and English: one catalogue, collected here.

Read by the site's pages (``site.i18n.t``) and templates (``config.extra.zz_words["key"]``: every
text in the page's language; ``page.`` the templates' own), the search script (``search.``, as
JSON on the search page), the check command's timeline (``report.``, ``state.``, ``day.``), the
statistics' words (``change.``, ``period.``) and the commands' own lines (``cli.``).
Labels of vocabularies (stages, grades, …) are data and come from the archive; the diagnostics'
texts are :mod:`generators.messages`, keyed by code. One concept has one key: a wording used in
two places is looked up twice, not written twice. Templates use ``str.format`` placeholders.
``tests/test_words.py`` checks both languages of every key and every key the code names.
"""

from __future__ import annotations

import json
import string

WORDS: dict[str, tuple[str, str]] = {
    # sections (nav)
    "home": ("首页", "Home"),
    "campaigns": ("专项整治", "Campaigns"),
    "towns": ("区镇（街道）", "Towns"),
    "domains": ("行业领域", "Industry domains"),
    "hazards": ("隐患档案", "Hazard dossiers"),
    "notices": ("文件通知", "Notices and circulars"),
    "reports": ("评估报告", "Reports"),
    "statistics": ("事故统计", "Accident statistics"),
    "review": ("审查", "Review"),
    "coverage": ("翻译覆盖", "Translation coverage"),
    "about": ("关于", "About"),
    "search": ("搜索", "Search"),
    # record types
    "type.campaign": ("专项整治", "Campaign"),
    "type.evaluation-plan": ("评估工作方案", "Evaluation plan"),
    "type.self-assessment": ("自评报告", "Self-assessment"),
    "type.overall-report": ("总体报告", "Overall report"),
    "type.sub-report": ("子项报告", "Sub-report"),
    "type.extension-request": ("延期申请", "Extension request"),
    "type.comprehensive-review": ("综合评议报告", "Comprehensive review"),
    "type.rectification-plan": ("整改方案", "Rectification plan"),
    "type.look-back": ("回头看", "Look-back inspection"),
    "type.supervision-check": ("督导检查", "Supervision check"),
    "type.mechanism": ("长效机制", "Long-term mechanism"),
    "type.hazard": ("隐患档案", "Hazard dossier"),
    "type.accident-statistics": ("事故统计", "Accident statistics"),
    "type.notice": ("通知", "Notice"),
    "type.organisation": ("机构", "Organisation"),
    "type.town": ("区镇（街道）", "Town"),  # an organisation of a grassroots kind, as its page names it
    "type.jurisdiction": ("辖区", "Jurisdiction"),
    "type.vocabulary": ("词表", "Vocabulary"),
    "type.calendar": ("工作日日历", "Working-day calendar"),
    "type.domain": ("行业领域", "Industry domain"),
    "type.plan": ("方案", "Plan"),
    "type.target-task": ("目标任务", "Target task"),
    "type.attachment": ("附件", "Attachment"),
    "type.person": ("人员", "Person"),
    # fields
    "id": ("编号", "ID"),
    "title": ("标题", "Title"),
    "record_type": ("类型", "Type"),
    "classification": ("密级", "Classification"),
    "version": ("版本", "Version"),
    "campaign": ("专项整治", "Campaign"),
    "period": ("整治期间", "Period"),
    "lead_department": ("牵头部门", "Lead department"),
    "scope_towns": ("评估范围（区镇）", "Towns in scope"),
    "scope_domains": ("评估范围（行业领域）", "Domains in scope"),
    "description": ("说明", "Description"),
    "plans": ("方案", "Plans"),
    "plan": ("方案", "Plan"),
    "kind": ("类别", "Kind"),
    "town": ("区镇", "Town"),
    "domain": ("行业领域", "Domain"),
    "grade": ("等级", "Grade"),
    "status": ("状态", "Status"),
    "source": ("来源", "Source"),
    "deadline": ("整改期限", "Deadline"),
    "date": ("日期", "Date"),
    "due": ("应完成日期", "Due"),
    "state": ("状态", "State"),
    "stage": ("环节", "Stage"),
    "issued_on": ("印发日期", "Issued on"),
    "submitted_on": ("报送日期", "Submitted on"),
    "completed_on": ("完成日期", "Completed on"),
    "approval": ("审批", "Approval"),
    "circulated": ("通报", "Circulated"),
    "fed_back_on": ("反馈日期", "Fed back on"),
    "filed_with_office_on": ("报区安委办备案", "Filed with the office"),
    "methods": ("评估方式", "Evaluation methods"),
    "leading_group": ("评估工作领导小组", "Evaluation leading group"),
    "member": ("成员", "Member"),
    "role": ("职责", "Role"),
    "third_party": ("第三方专家", "Third-party expert"),
    "schedule": ("时序进度安排", "Schedule"),
    "self_assessment_due": ("自评截止日期", "Self-assessment due"),
    "target_tasks": ("目标任务", "Target tasks"),
    "target_task_list": ("目标任务完成情况清单", "Target-task completion list"),
    "hazard_list": ("问题隐患整改情况清单", "Hazard rectification list"),
    "experience_list": ("典型经验做法清单", "Typical-experience list"),
    "task": ("目标任务", "Target task"),
    "target": ("目标值", "Target"),
    "actual": ("完成值", "Achieved"),
    "done": ("已完成", "Done"),
    "not_done": ("未完成", "Not done"),
    "completion": ("完成情况", "Completion"),
    "evidence": ("佐证材料", "Evidence"),
    "verifications": ("过筛式核查", "Sieve check"),
    "verified_on": ("核查日期", "Verified on"),
    "method": ("方式", "Method"),
    "result": ("结果", "Result"),
    "note": ("备注", "Note"),
    "domain_grades": ("行业领域评议等级", "Industry domain grades"),
    "town_grades": ("区镇评估等级", "Town grades"),
    "summary": ("评议意见", "Summary"),
    "reviewer": ("评议单位", "Reviewer"),
    "items": ("整改事项", "Rectification items"),
    "problem": ("问题", "Problem"),
    "responsible": ("责任主体", "Responsible"),
    "measures": ("整改措施", "Measures"),
    "done_on": ("完成日期", "Done on"),
    "reported_to": ("报送单位", "Reported to"),
    "department": ("部门", "Department"),
    "towns_list": ("区镇", "Towns"),
    "findings": ("发现问题", "Findings"),
    "by": ("实施单位", "By"),
    "issuer": ("发文机关", "Issuer"),
    "document_number": ("发文字号", "Document number"),
    "addressees": ("主送机关", "Addressees"),
    "copy_to": ("抄送", "Copy to"),
    "attachments": ("附件", "Attachments"),
    "signature": ("署名", "Signature"),
    "urgency": ("紧急程度", "Urgency"),
    "printed": ("印发", "Printed"),
    "filed_on": ("提交日期", "Filed on"),
    "requested_due": ("申请延期至", "Requested new due date"),
    "explanation": ("书面说明", "Written explanation"),
    "decision": ("审批结果", "Decision"),
    "granted": ("同意", "Granted"),
    "refused": ("不同意", "Refused"),
    "entity": ("责任单位", "Responsible entity"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "location": ("地点", "Location"),
    "contact": ("联系人", "Contact"),
    "discovery": ("发现情况", "Discovery"),
    "inspector": ("检查人", "Inspector"),
    "category": ("隐患类别", "Category"),
    "major_clause": ("重大隐患判定依据", "Clause making it major"),
    "treatment": ("治理方案", "Treatment plan"),
    "five_in_place": ("“五到位”", "Five in place"),
    "funds": ("资金", "Funds"),
    "emergency_plan": ("应急预案", "Emergency plan"),
    "supervision": ("挂牌督办", "Listed for supervision"),
    "level": ("层级", "Level"),
    "body": ("督办单位", "Supervising body"),
    "listed_on": ("挂牌日期", "Listed on"),
    "lifted_on": ("摘牌日期", "Lifted on"),
    "extensions": ("延期", "Extensions"),
    "requested_on": ("申请日期", "Requested on"),
    "old_deadline": ("原期限", "Old deadline"),
    "new_deadline": ("新期限", "New deadline"),
    "reason": ("原因", "Reason"),
    "approved": ("批准", "Approved"),
    "progress": ("整改进展", "Progress"),
    "before": ("整改前", "Before"),
    "after": ("整改后", "After"),
    "acceptance": ("验收", "Acceptance"),
    "opinion": ("验收意见", "Opinion"),
    "conclusion": ("验收结论", "Conclusion"),
    "closure": ("销号", "Closure"),
    "history": ("变更历史", "History of changes"),
    "references": ("本页引用", "References"),
    "referenced_by": ("引用本页的记录", "Referenced by"),
    "printed_versions": ("正式文本", "Official printed versions"),
    "also_printed_in": ("同时收录于：", "Also printed in:"),
    "printed_out_of_date": ("正式文本已过时：本记录在正式文本生成后有改动，请重新生成正式文本（make docs）。",
                            "The printed version is out of date: this record changed after it was printed; "
                            "rebuild the documents (make docs)."),
    "shown_filtered": ("筛选后显示 {n} 条，共 {total} 条", "Showing {n} of {total} after filtering"),
    "shown_page": ("本页 {rows} 条中有 {n} 条符合（共 {total} 条，按上方分类可筛选全部）",
                   "{n} of the {rows} rows on this page match ({total} in all; the facets above filter all of them)"),
    "permalink": ("永久链接", "Permanent link"),
    "excluding_classified": ("不含涉密记录 {n} 条", "excluding classified records: {n}"),
    "status_withdrawn": ("已撤回", "withdrawn"),
    "status_superseded": ("已被替代", "superseded"),
    "older_versions": ("已被替代的旧版本（{n} 件）", "Superseded earlier versions ({n})"),
    "out_of_date": ("正式文本已过时", "printed version out of date"),
    "hazard_list_campaign": ("{campaign}问题隐患清单", "Hazard list of the {campaign}"),
    "hazard_list_town": ("{town}{campaign}问题隐患清单", "Hazard list of the {campaign}: {town}"),
    "none": ("无", "None"),
    "not_provided": ("（未填写）", "(not provided)"),
    "untranslated": ("未翻译", "not yet translated"),
    "broken_ref": ("无法解析的引用", "unresolved reference"),
    "more": ("另有 {n} 条", "{n} more"),
    "page_n": ("第 {n} 页", "Page {n}"),
    "pages": ("分页", "Pages"),
    "previous": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "count": ("数量", "Count"),
    "total": ("合计", "Total"),
    "hazards_total": ("隐患总数", "Hazards"),
    "hazards_closed": ("已销号", "Closed"),
    "hazards_open": ("未销号", "Open"),
    "major_hazards": ("重大隐患", "Major hazards"),
    "reports_count": ("报告", "Reports"),
    "current_stage": ("当前环节", "Current stage"),
    "headline": ("主要数据", "Headline figures"),
    "filter": ("筛选", "Filter"),
    "filter_text": ("在本页中查找", "Find on this page"),
    "filter_all": ("全部", "All"),
    "browse_by": ("按分类浏览", "Browse by"),
    "all_hazards": ("全部隐患", "All hazards"),
    "shown": ("显示 {a}–{b}，共 {n} 条", "Showing {a}–{b} of {n}"),
    "accidents": ("生产安全事故", "Work-safety accidents"),
    "accident_count": ("起数", "Accidents"),
    "deaths": ("死亡人数", "Deaths"),
    "loss": ("直接经济损失（万元）", "Direct loss (10k yuan)"),
    "yoy": ("同比", "Year-on-year"),
    "pop": ("环比", "Period-on-period"),
    "no_data": ("无数据", "no data"),
    "data_from": ("事故统计数据的时间范围为 {first}至{last}；不在此范围内的期间不计算合计和比较。",
                  "The accident statistics cover {first} to {last}; periods outside it are neither summed nor compared."),
    "taken_on": ("数据截取日期", "Figures taken on"),
    "year": ("年度", "Year"),
    "month": ("月份", "Month"),
    "hazard_summary": ("问题隐患情况", "Hazards"),
    "use_of_results": ("评估结果运用", "Use of results"),
    "consequence": ("结果运用", "Consequence"),
    "unit": ("评估对象", "Graded unit"),
    "bears": ("承担单位", "Borne by"),
    "source_report": ("等级来源", "Graded in"),
    "effect_priority": ("优先评定为先进集体（第十五条）", "priority as advanced collective (art. 15)"),
    "effect_veto": ("一票否决（第十六条）", "one-vote veto (art. 16)"),
    "effect_no_collective": ("取消先进集体参评资格", "not eligible as advanced collective"),
    "effect_no_individual": ("主要负责人取消先进个人参评资格", "principal leader not eligible as advanced individual"),
    "metric": ("指标", "Figure"),
    "closed_of": ("{total} 项中已销号 {closed} 项", "{closed} of {total} closed"),
    "with_yoy": ("{n} 起（同比 {change}）", "{n} (year-on-year {change})"),
    "rectification_rate": ("整改率", "rectification rate"),
    "hazards_rectified": ("已整改", "Rectified"),
    "overdue_hazards": ("逾期未整改", "Overdue"),
    "task_completion": ("目标任务完成率", "Target-task completion"),
    "timeline": ("评估程序", "Procedure"),
    "extension": ("延期", "Extension"),
    "documents": ("评估文件", "Evaluation documents"),
    "chart_accidents": ("事故起数月度趋势", "Monthly accidents"),
    "chart_closure": ("隐患销号进度", "Hazard closure over time"),
    "chart_grades": ("评估等级分布", "Grade distribution"),
    "superseded_banner": ("本文件已被新版本替代：", "This document has been superseded by "),
    "withdrawn_banner": ("本文件已于 {date} 撤回。原因：", "This document was withdrawn on {date}. Reason: "),
    "change_note": ("修订说明", "What changed"),
    "change": ("修改内容", "Change"),
    "commit": ("提交", "Commit"),
    "history_incomplete": ("本副本的版本库不完整（浅克隆），更早的修改记录未能显示。",
                           "This copy of the repository is shallow: earlier changes are not shown."),
    "this_version": ("本版本", "This version"),
    "missing_fields": ("未翻译的字段", "Untranslated fields"),
    "coverage_intro": ("下列记录中有尚未翻译成英文的文字；英文页面以中文显示并标注“not yet translated”。",
                       "These records have text not yet translated into English; English pages show the Chinese "
                       "text with a “not yet translated” mark."),
    "coverage_done": ("全部记录均已翻译。", "Every record is translated."),
    "fields": ("字段", "Fields"),
    "in_campaign": ("所属整治", "Campaign"),
    "skeleton_note": ("按评估规范第五条九项评估内容编排。", "Arranged by the nine evaluation contents of article 5."),
    "example_data": ("本档案库为示例数据：除海安委办〔2022〕17号及其附件外，所有记录均为虚构。",
                     "This is an example archive: apart from 海安委办〔2022〕17号 and its attachment, every "
                     "record is invented."),
    "about_text": ("本站由档案库的 YAML 记录生成，供内网查阅。涉密文件不在本站公开，个人手机号码和身份证号码已作遮盖。",
                   "This site is generated from the archive's YAML records for reading on the intranet. "
                   "Classified documents are not published here; personal mobile and ID numbers are masked."),
    "build_date": ("生成日期", "Built on"),
    "search_archive": ("搜索档案", "Search the archive"),
    "ref.classified": ("[已定密文件]", "[classified]"),  # what a reference to a withheld record shows
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "records": ("记录", "Records"),
    "all_campaigns": ("全部专项整治", "All campaigns"),
    "report_list_intro": ("各专项整治的评估文件。", "The evaluation documents of every campaign."),
    # ---- separators ----
    "sep.clause": ("；", "; "),
    "sep.list": ("、", ", "),
    "sep.colon": ("：", ": "),
    "sep.comma": ("，", ", "),
    "paren": ("（{inner}）", " ({inner})"),
    "cited_title": ("《{title}》", "“{title}”"),
    # ---- the reviewer's page and command (refs/review.py) ----
    "review.title": ("引用审查", "Reference review"),
    "review.review_of": ("审查", "Review of"),
    "review.coverage_counts": ("清单 {listed} · 已核查 {verified} · 已销号 {closed}", "listed {listed} · verified {verified} · closed {closed}"),
    "review.coverage": ("过筛核查（第五条第二项）", "Sieve check (art. 5(2))"),
    "review.listed": ("清单所列隐患", "Hazards listed"),
    "review.verified": ("已逐项核查", "Verified one by one"),
    "review.outgoing": ("本文引用", "References in this record"),
    "review.target": ("引用对象", "Target"),
    "review.where": ("位置", "Where"),
    "review.source": ("引用方", "Source"),
    "review.field": ("字段", "Field"),
    "review.status.ok": ("正常", "ok"),
    "review.status.broken": ("无法解析", "broken"),
    "review.status.classified": ("定密", "classified"),
    "review.status.out-of-scope": ("超出范围", "out of scope"),
    "review.status.not-listed": ("未列入自评清单", "not on the town's list"),
    "review.status.listed-twice": ("重复列出", "listed twice"),
    "review.gap.unverified": ("未核查的隐患", "Hazards not verified"),
    "review.gap.unverified.short": ("未核查", "not verified"),
    "review.gap.unlisted": ("已核查但未列入自评清单的隐患", "Verified, but on no list of the town"),
    "review.gap.unlisted.short": ("未列入清单", "not listed"),
    "review.gap.duplicate": ("清单中重复列出的隐患", "Listed more than once"),
    # ---- the commands' own lines (generators/commands, diagnostics.py) ----
    "cli.hint": ("提示", "hint"),
    "cli.site_data_errors": ("网站未生成：数据有错误，原有网站保持不变", "site not built: the data has errors; the previous site is unchanged"),
    "cli.site_failed": ("网站未生成（见上），原有网站保持不变", "site not built (see above); the previous site is unchanged"),
    "cli.docs_built": ("文档 {documents} 份（PDF 与 Word）：新生成 {rendered} 份，缓存 {cached} 份 → {out}",
                       "{documents} documents (PDF and Word): {rendered} rendered, {cached} from cache → {out}"),
    "cli.docs_workbooks": ("清单与隐患台账工作簿 {ledgers} 份（.xlsx）", "{ledgers} list and ledger workbooks (.xlsx)"),
    "cli.docs_unchanged": ("文档 {documents} 份（PDF 与 Word）与工作簿 {ledgers} 份均无变化 → {out}",
                           "{documents} documents (PDF and Word) and {ledgers} workbooks unchanged → {out}"),
    "cli.review_load_errors": ("注意：加载时有 {n} 个错误（运行 make check 查看）", "note: loading found {n} errors (run make check to see them)"),
    "cli.refuse_holds_data": ("拒绝写入 {folder}：它包含档案的数据或正文（{data}）", "refusing to write {kind} into {folder}: it holds the archive's data or texts ({data})"),
    "cli.refuse_inside_data": ("拒绝写入 {folder}：它位于档案的数据或正文（{data}）", "refusing to write {kind} into {folder}: it is inside the archive's data or texts ({data})"),
    "cli.refuse_not_folder": ("拒绝写入 {folder}：它不是目录", "refusing to write {kind} into {folder}: it is not a folder"),
    "cli.refuse_not_ours": ("拒绝写入 {folder}：该目录不为空，且不是构建生成的（没有 {marker} 文件）；请换一个空目录或删除它",
                            "refusing to write {kind} into {folder}: it is not empty and was not made by the build (no {marker} file); choose an empty folder or remove it"),
    "cli.waiting_for_build": ("另一个构建正在写入 {folder}，等待其结束……", "another build is writing {folder}; waiting for it to finish…"),
    "cli.published": ("已发布：{name}（查看：git show {name}；重建：make site AT={name}；归档包：make release TAG={name}）",
                      "published: {name} (see: git show {name}; rebuild: make site AT={name}; package: make release TAG={name})"),
    "cli.templates_written": ("台账模板 {n} 份 → {out}", "{n} ledger templates → {out}"),
    "cli.release_built": ("归档包：{path}（{tag}，{date}；未收入涉密文件 {left} 件）\n校验：make verify-release BAG={path}",
                          "package: {path} ({tag}, {date}; {left} classified records left out)\nverify: make verify-release BAG={path}"),
    "cli.import_fix_first": ("导入前请先修正档案中的错误", "fix the archive's errors before importing"),
    "cli.import_errors": ("错误 {n} 个：未写入任何文件", "{n} errors: nothing was written"),
    "cli.import_written": ("已写入 {n} 个文件", "{n} files written"),
    "cli.site_built": ("网站已生成：{out}（{pages} 个页面，{files} 个文件，{mb} MB，用时 {seconds} 秒）；已隐去涉密记录 {withheld} 条",
                       "site built in {out} ({pages} pages, {files} files, {mb} MB, {seconds} s); withheld {withheld} classified records"),
    "cli.site_unchanged": ("网站无变化：{out}（{pages} 个页面）；已隐去涉密记录 {withheld} 条",
                           "site unchanged in {out} ({pages} pages); withheld {withheld} classified records"),
    "cli.bag_intact": ("归档包完好：{checked} 个文件的 {algorithms} 校验值全部一致（{bag}）",
                       "package intact: {checked} files match their {algorithms} digests ({bag})"),
    "cli.bag_failed": ("归档包校验失败：{count} 个问题（{bag}）", "package FAILED verification: {count} problem{count:s} ({bag})"),
    "bag.altered": ("已改动", "altered"),
    "bag.missing": ("缺失", "missing"),
    "bag.extra": ("多出", "extra"),
    "bag.bag": ("格式", "bag"),
    "cli.import_no_changes": ("没有变化：档案已与工作簿一致", "no changes: the archive already matches the workbook"),
    "cli.import_summary": ("新增 {added} 条记录，修改 {changed} 条记录", "{added} records added, {changed} records changed"),
    "cli.check_summary": ("记录 {total} 条（{parts}）；错误 {errors} 个，警告 {warnings} 个{note}",
                          "{total} record{total:s} ({parts}); {errors} error{errors:s}, {warnings} warning{warnings:s}{note}"),
    "cli.check_partial": ("；未能载入的记录及部分整体性检查见上方“注”", "; the notes above say which records and checks wait for the loading errors"),
    # ---- changes and periods of the statistics (rules/statistics.py) ----
    "change.flat": ("持平", "flat"),
    "change.points": ("{number} 个百分点", "{number} percentage points"),
    "change.zero_base": ("基数为零，无法计算增减幅度", "the base figure is zero, so no percentage change can be given"),
    "period.year": ("{year}年", "{year}"),
    "period.quarter": ("{year}年第{quarter}季度", "Q{quarter} {year}"),
    "period.range": ("{start}—{end}", "{start} – {end}"),
    # ---- the check command's timeline (rules/report.py) ----
    "report.long": ("一年以上（含一年）：五个环节均须履行（第十三条）", "one year or longer: all five stages (art. 13)"),
    "report.short": ("一年以内：评估准备、基层自评、行业复评，牵头部门综合评议并报区安委办备案（第十三条）",
                     "shorter than a year: preparation, self-assessment, re-evaluation, then the lead department's "
                     "review filed with the district office (art. 13)"),
    "report.as_of": ("截至", "as of"),
    "report.days": ("日", "days"),
    "report.last_day": ("期限", "last day"),
    "report.moved": ("顺延至", "moves to"),
    "report.completed": ("完成", "completed"),
    "report.filed": ("提出于", "filed"),
    "report.wd_before": ("距原期限 {} 个工作日", "{} working days before the original last day"),
    "report.latest": ("最迟有效申请日", "latest valid filing day"),
    "report.valid": ("有效", "valid"),
    "report.invalid": ("无效", "not valid"),
    "report.pending": ("待批复", "pending"),
    "report.article": ("第{}条", "art. {}"),
    "report.progress": ("已报送 {}/{} 个区镇", "{}/{} towns submitted"),
    "report.plans": ("已制定整改方案 {}/{} 个区镇", "{}/{} towns have a rectification plan"),
    "report.accidents": ("生产安全事故（{} 同比 {}）", "Accidents ({} against {})"),
    "report.hazards": ("问题隐患 {} 项，已整改 {} 项，整改率 {}；重大隐患 {} 项，已销号 {} 项，销号率 {}；逾期未整改 {} 项{}",
                       "hazards {}, rectified {}, rectification rate {}; major {}, closed {}, closure rate {}; "
                       "overdue {}{}"),
    "report.tasks": ("目标任务完成率 {}（自评清单 {}/{} 项已完成）", "target-task completion rate {} ({}/{} list items done)"),
    "report.no_figures": ("以下月份没有任何事故统计记录：{}", "no accident figures recorded for: {}"),
    "report.no_effect": ("无", "no effect"),
    "report.no_calendar": ("无 {} 年日历，无法计算", "no calendar for {}: cannot compute"),
    # ---- a stage's state (rules/procedure.py's states) ----
    "state.done-on-time": ("按时完成", "done on time"),
    "state.done-late": ("逾期完成，晚 {} 天", "done late by {} days"),
    "state.done": ("已完成（无法定期限可比）", "done (no deadline to judge by)"),
    "state.due": ("进行中，未到期", "due, not yet overdue"),
    "state.extended": ("已延期，未到期", "extended, not yet overdue"),
    "state.overdue": ("已逾期 {} 天", "overdue by {} days"),
    "state.waiting": ("等待上一环节完成", "waiting for the previous stage"),
    "state.not-started": ("尚未开始（计时起点未到）", "not started (its trigger date is still ahead)"),
    "state.missing": ("缺失（后续环节已完成）", "missing (a later stage is completed)"),
    "state.not-required": ("不需要", "not required"),
    "state.superfluous": ("不需要（但已记录）", "not required (but recorded)"),
    "state.no-calendar": ("无法计算：缺少日历", "cannot compute: calendar missing"),
    # ---- what kind of day a last day is (rules/calendar.py's day kinds) ----
    "day.workday": ("工作日", "working day"),
    "day.make-up-workday": ("调休上班日", "make-up working day"),
    "day.weekend": ("休息日", "rest day"),
    "day.holiday": ("法定节假日", "statutory holiday"),
    # ---- the search page's script (theme/search/search.js reads them from the page) ----
    "search.placeholder": ("搜索档案：名称、隐患、编号、文号", "Search the archive: names, hazards, IDs, document numbers"),
    "search.search": ("搜索", "Search"),
    "search.more": ("更多结果", "More results"),
    "search.found": ("找到 {n} 个结果", "{n} results"),
    "search.found_one": ("找到 {n} 个结果", "{n} result"),
    "search.none": ("没有找到结果。", "No results."),
    "search.short": ("请输入汉字、英文词或数字。", "Type a word, a number or Chinese characters."),
    "search.didYouMean": ("您是不是要找：", "Did you mean:"),
    "search.hint": ("可以搜索：两个或更多汉字（一个汉字只查标题）、英文词、记录编号（如 HZ-2021-0042，空格、全角都可以）、"
                    "文号（如 海安委办〔2023〕41号、2023年41号、41号文）；用引号搜索整个短语，如“消防通道”。",
                    "You can search for words (any form: hazard finds hazards), a record ID (HZ-2021-0042, spaces "
                    "and full-width letters are fine), a document number (海安委办〔2023〕41号, 2023年41号, 41号文), or a "
                    "phrase in quotes (\"fire lane\")."),
    "search.loading": ("正在搜索…", "Searching…"),
    "search.failed": ("搜索索引无法加载。", "The search index could not be loaded."),
    "search.superseded": ("已被替代", "superseded"),
    "search.facet.campaign": ("专项整治", "Campaign"),
    "search.facet.type": ("记录类型", "Record type"),
    "search.facet.town": ("区镇", "Town"),
    "search.facet.domain": ("行业领域", "Industry domain"),
    "search.facet.year": ("年度", "Year"),
    "search.facet.hazard-grade": ("隐患等级", "Hazard grade"),
    "search.facet.grade": ("评估等级", "Evaluation grade"),
    "search.facet.status": ("状态", "Status"),
    # ---- the theme's templates (theme/site/overrides: config.extra.zz_words) ----
    "page.search_box": ("搜索档案（按 / 键）", "Search (press /)"),
    "page.not_found": ("页面不存在", "Page not found"),
    "page.not_found_text": ("此地址没有页面，可能是地址有误或页面已移动。",
                            "There is no page at this address: it may have been mistyped or moved."),
    "page.back_home": ("返回首页", "Back to the home page"),
}


class Formatter(string.Formatter):
    """Fills a template; a missing parameter stays visible as {name}. ``{n:s}`` is "s" unless n is 1
    (English plurals), ``{kind:a}`` puts "a"/"an" before a word, ``{kind:zh-types}`` names record
    types in Chinese. Used for the catalogue's texts and the diagnostics' (generators.messages)."""

    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "{" + str(key) + "}")

    def format_field(self, value: object, format_spec: str) -> str:
        text = str(value)
        if format_spec == "s":
            return "" if text == "1" else "s"
        if format_spec == "a":
            return ("an " if text[:1].lower() in "aeiou" else "a ") + text
        if format_spec == "zh-types":
            return "或".join(type_name(kind, "zh") for kind in text.split("/"))
        return super().format_field(value, format_spec)



def type_name(kind: str, lang: str) -> str:
    """A record type's name ("hazard" → 隐患档案), the one wording the site and the diagnostics share."""
    key = f"type.{kind}"
    return word(key, lang) if key in WORDS else kind


FORMATTER = Formatter()


def word(key: str, lang: str, **params: object) -> str:
    """The text of ``key`` in ``lang`` ('zh' or 'en'), its placeholders filled from ``params`` (with
    :class:`Formatter`'s plurals)."""
    zh, en = WORDS[key]
    text = zh if lang == "zh" else en
    return FORMATTER.vformat(text, (), params) if params else text


def inline_word(key: str, lang: str) -> str:
    """The text of ``key`` as it reads inside a sentence: a capital English first letter made small
    (a heading's "Not done" is a line's "not done"); Chinese as it is."""
    text = word(key, lang)
    return text[:1].lower() + text[1:] if lang == "en" and not text[1:2].isupper() else text


def words(prefix: str, lang: str) -> dict[str, str]:
    """Every text whose key starts with ``prefix``, in ``lang``, keyed by the rest of its key (for a
    template or the search script)."""
    return {key.removeprefix(prefix): word(key, lang) for key in WORDS if key.startswith(prefix)}


def search_words(lang: str) -> str:
    """The search script's words in ``lang`` as JSON to put in a page's
    ``<script type="application/json" id="zz-search-words">`` (safe there: no "<")."""
    text = json.dumps(words("search.", lang), ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c")
