"""A short campaign (under a year) following the reduced procedure of article 13.

城镇燃气安全专项整治 2023-05-01 … 2023-09-30, led by the housing bureau: preparation,
self-assessment (the plan sets its own deadline, 2023-10-25, as art. 9(4) allows), re-evaluation,
then the lead department's own comprehensive review, filed with the district office. Invented.
"""

from __future__ import annotations

from generators.example.context import ADDRESSEES, INVENTED, INVENTED_EN, Ctx, D, days, dossier_evidence, prose, t
from generators.example.days import next_workday, within_days_after
from generators.example.hazards import CampaignHazards, make_hazards
from generators.example.people import TOWN_NAMES
from generators.records.yamlout import Flow, FlowList

CAMPAIGN = "rq2023"
DIR = f"campaigns/{CAMPAIGN}"
START, END = D(2023, 5, 1), D(2023, 9, 30)
TOWNS = ["haimen-jd", "sanchang-jd", "sanxing", "changle", "yudong", "kaifaqu"]
# 发文机关代字 of the towns' reports (invented): 街道 offices 办, town governments 政, the zone's committee 管.
ISSUER_CODES = {"haimen-jd": "海街办", "sanchang-jd": "三街办", "sanxing": "三星政", "changle": "常乐政",
                "yudong": "余东政", "kaifaqu": "海开管"}
GRADES = {"haimen-jd": "良", "sanchang-jd": "优", "sanxing": "良", "changle": "中", "yudong": "良", "kaifaqu": "优"}
PLAN_ISSUED = D(2023, 10, 9)
SELF_ASSESSMENT_DUE = D(2023, 10, 25)
SUBMITTED = dict(
    zip(
        TOWNS,
        [D(2023, 10, 16), D(2023, 10, 17), D(2023, 10, 19), D(2023, 10, 20), D(2023, 10, 23), SELF_ASSESSMENT_DUE],
        strict=True,
    )
)
REPORT_APPROVED, REPORT_COMPLETED, REPORT_CIRCULATED = D(2023, 11, 20), D(2023, 11, 21), D(2023, 11, 28)
REVIEW_APPROVED, REVIEW_COMPLETED, REVIEW_FILED = D(2023, 12, 7), D(2023, 12, 8), D(2023, 12, 12)
HAZARDS_PER_TOWN = 4


def build(ctx: Ctx) -> list[str]:
    due_prep = within_days_after(END, 10)
    due_re = within_days_after(max(SUBMITTED.values()), 30)
    assert due_prep >= PLAN_ISSUED and max(SUBMITTED.values()) <= SELF_ASSESSMENT_DUE and due_re >= REPORT_COMPLETED
    spec = CampaignHazards(
        campaign=CAMPAIGN,
        towns=TOWNS,
        domains={"construction": 1},
        plan_of={"construction": "rq2023-gas"},
        first=START + days(7),
        last=D(2023, 8, 31),
        status_on=D(2023, 10, 13),
        open_from=D(2023, 8, 10),
        wording={"construction": "gas"},
    )
    hazards = make_hazards(ctx, spec, HAZARDS_PER_TOWN * len(TOWNS))
    by_town = {town: [h for h in hazards if h.town == town] for town in TOWNS}
    ctx.add(
        f"{DIR}/campaign.yml",
        "campaign",
        {
            "type": "campaign",
            "id": CAMPAIGN,
            "title": t("海门区城镇燃气安全专项整治（2023年）", "Haimen town gas safety campaign (2023)"),
            "start": START,
            "end": END,
            "lead_department": "housing",
            "scope": {"towns": FlowList(TOWNS), "domains": FlowList(["construction"])},
            "description": ctx.prose_file(
                f"campaigns/{CAMPAIGN}/description",
                "2023年5月至9月，区住建局牵头对餐饮场所、瓶装燃气供应站和燃气管道占压开展专项整治。整治时限不足一年，"
                "按照[[haimen-evaluation-spec-2022|《评估规范》]]第十三条，由区住建局负责综合评议并报区安委办备案。\n\n"
                "> 本页内容为虚构示例数据。\n",
                "From May to September 2023 the Housing Bureau led a campaign on restaurants, bottled-gas stations and "
                "built-over gas pipelines. Shorter than a year, it follows article 13 of the "
                "[[haimen-evaluation-spec-2022|evaluation rules]]: the Housing Bureau does the comprehensive review "
                "itself "
                "and files it with the District Safety Office.\n\n> Invented example data.\n",
            ),
            "plans": [
                {
                    "id": "rq2023-master",
                    "kind": "master",
                    "title": t("海门区城镇燃气安全专项整治工作方案", "Work plan of the town gas safety campaign"),
                },
                {
                    "id": "rq2023-gas",
                    "kind": "industry",
                    "domain": "construction",
                    "title": t(
                        "餐饮场所和瓶装燃气安全整治实施方案", "Implementation plan: restaurants and bottled gas"
                    ),
                },
            ],
            "target_tasks": [
                {
                    "id": "rq2023-t1",
                    "plan": "rq2023-gas",
                    "domain": "construction",
                    "title": t("餐饮场所可燃气体报警器安装率100%", "Gas detectors in every restaurant using gas"),
                    "measure": Flow(kind="quantitative", target=100, actual=100, unit=t("%", "%")),
                },
                {
                    "id": "rq2023-t2",
                    "plan": "rq2023-gas",
                    "domain": "construction",
                    "title": t("清理燃气管道违章占压", "Clear every illegal structure over gas pipelines"),
                    "measure": Flow(kind="qualitative", done=True),
                },
                {
                    "id": "rq2023-t3",
                    "plan": "rq2023-master",
                    "title": t(
                        "瓶装燃气“送气工”实名制管理全覆盖", "Registered names for every bottled-gas delivery worker"
                    ),
                    "measure": Flow(kind="qualitative", done=True),
                },
            ],
        },
        "the short gas-safety campaign",
    )
    ctx.add(
        f"{DIR}/evaluation-plan.yml",
        "evaluation-plan",
        {
            "type": "evaluation-plan",
            "id": "rq2023-evaluation-plan",
            "title": t("城镇燃气安全专项整治评估工作方案", "Evaluation plan of the town gas safety campaign"),
            "campaign": CAMPAIGN,
            "issued_on": PLAN_ISSUED,
            "leading_group": [
                {"person": "p-housing-head", "role": t("组长", "Head")},
                {"person": "p-housing-staff", "role": t("成员", "Member")},
                {"person": "p-expert-1", "role": t("第三方专家", "Third-party expert"), "third_party": True},
            ],
            "schedule": [
                Flow(stage="preparation", due=due_prep),
                Flow(stage="self-assessment", due=SELF_ASSESSMENT_DUE),
                Flow(stage="re-evaluation", due=within_days_after(SELF_ASSESSMENT_DUE, 30)),
                Flow(
                    stage="comprehensive-review", due=within_days_after(within_days_after(SELF_ASSESSMENT_DUE, 30), 30)
                ),
            ],
            "methods": FlowList(["ledger-review", "on-site", "spot-check"]),
            "self_assessment_due": SELF_ASSESSMENT_DUE,
            "sections": [
                {
                    "topic": "scope",
                    "body": prose(
                        f"评估范围为{len(TOWNS)}个区镇（街道）的城镇燃气整治工作。",
                        f"The gas campaign in {len(TOWNS)} towns and sub-districts.",
                    ),
                }
            ],
            "classification": "内部",
            "archival": ctx.archival(2023, "D30"),
        },
        "evaluation plan (sets its own self-assessment deadline)",
    )
    for town in TOWNS:
        zh_name, en_name = TOWN_NAMES[town]
        items = by_town[town]
        closed = sum(1 for h in items if h.closed)
        ctx.add(
            f"{DIR}/self-assessments/{town}.yml",
            "self-assessment",
            {
                "type": "self-assessment",
                "id": f"rq2023-sa-{town}",
                "title": t(f"{zh_name}城镇燃气安全专项整治自评报告", f"{en_name}: self-assessment of the gas campaign"),
                "campaign": CAMPAIGN,
                "town": town,
                "submitted_on": SUBMITTED[town],
                "approval": Flow(
                    by=f"p-{town}-leader",
                    on=SUBMITTED[town] - days(1) if SUBMITTED[town].weekday() else SUBMITTED[town] - days(3),
                ),
                "signed_by": f"p-{town}-leader",
                "document_number": f"{ISSUER_CODES[town]}〔2023〕{20 + TOWNS.index(town)}号",
                "sections": [
                    {"topic": topic, "body": prose(f"{zh_name}：{zh}", f"{en_name}: {en}")}
                    for topic, zh, en in [
                        ("targets", "3项目标任务均已完成。", "All 3 target tasks completed."),
                        (
                            "hazards",
                            f"排查燃气隐患{len(items)}项，已整改销号{closed}项。",
                            f"{len(items)} gas hazards found, {closed} closed.",
                        ),
                        ("mechanisms", "建立燃气安全网格巡查机制。", "Grid patrols for gas safety set up."),
                        (
                            "accidents",
                            "整治期间未发生燃气安全事故（燃气以外的事故见区事故统计）。",
                            "No gas accident during the campaign (other accidents: see the district figures).",
                        ),
                        ("philosophy", "牢固树立安全发展理念。", "Safety-first development embraced."),
                        (
                            "responsibility",
                            "落实属地管理责任和燃气企业主体责任。",
                            "Local and gas-company responsibilities fulfilled.",
                        ),
                        ("major-risks", "餐饮场所燃气风险分级管控。", "Graded control of gas risks in restaurants."),
                        ("enforcement", "开展联合执法检查。", "Joint enforcement inspections held."),
                        ("other", "无。", "None."),
                    ]
                ],
                "target_task_list": [
                    {
                        "task": f"rq2023-t{i}",
                        "status": "completed",
                        "completion": t("已完成", "Completed"),
                        "evidence": [Flow(title=t("整治工作台账", "Campaign ledger"), method="ledger-review")],
                    }
                    for i in (1, 2, 3)
                ],
                "hazard_list": [
                    {"hazard": h.id, "status": h.status, "evidence": [dossier_evidence(h.id)]} for h in items
                ],
                "experience_list": [
                    {
                        "title": t("“燃气安全明白卡”进餐饮场所", "Gas safety cards in every restaurant"),
                        "evidence": [
                            Flow(
                                title=t("明白卡样张及发放登记", "Sample card and distribution register"),
                                method="on-site",
                            )
                        ],
                    }
                ],
                "classification": "内部",
                "archival": ctx.archival(2023, "D30"),
            },
            f"self-assessment of {town}",
        )
        ctx.add(
            f"{DIR}/re-evaluation/sub-reports/{town}.yml",
            "sub-report",
            {
                "type": "sub-report",
                "id": f"rq2023-sub-{town}",
                "title": t(
                    f"城镇燃气专项整治行业复评子项报告（{zh_name}）",
                    f"Gas campaign re-evaluation sub-report: {en_name}",
                ),
                "campaign": CAMPAIGN,
                "town": town,
                "grade": GRADES[town],
                "sections": [
                    {"topic": "experience", "body": prose("推行燃气安全明白卡。", "Gas safety cards introduced.")},
                    {
                        "topic": "problems",
                        "body": prose("个别餐饮场所报警器未联网。", "A few detectors not connected."),
                    },
                    {"topic": "suggestions", "body": prose("推进报警器联网监测。", "Connect every detector.")},
                ],
                "verifications": [
                    Flow(
                        hazard=h.id,
                        verified_on=next_workday(D(2023, 11, 1) + days(i)),
                        method="on-site",
                        result="confirmed" if h.closed else "not-rectified",
                    )
                    for i, h in enumerate(items)
                ],
                "approval": Flow(by="p-district-leader", on=REPORT_APPROVED),
                "fed_back_on": D(2023, 11, 24),
                "classification": "内部",
                "archival": ctx.archival(2023, "D30"),
            },
            f"re-evaluation sub-report for {town}",
        )
    ctx.add(
        f"{DIR}/re-evaluation/overall-report.yml",
        "overall-report",
        {
            "type": "overall-report",
            "id": "rq2023-overall-report",
            "title": t("城镇燃气安全专项整治行业复评总体报告", "Re-evaluation overall report of the gas campaign"),
            "campaign": CAMPAIGN,
            "completed_on": REPORT_COMPLETED,
            "approval": Flow(by="p-district-leader", on=REPORT_APPROVED),
            "circulated": Flow(on=REPORT_CIRCULATED, notice="rq2023-circular-overall"),
            "methods": FlowList(["ledger-review", "on-site", "spot-check"]),
            "sections": [
                {"topic": topic, "body": prose(zh, en)}
                for topic, zh, en in [
                    (
                        "situation",
                        f"{len(TOWNS)}个区镇（街道）均按时完成自评，共排查燃气隐患{len(hazards)}项。",
                        f"All {len(TOWNS)} towns self-assessed on time; {len(hazards)} gas hazards found.",
                    ),
                    (
                        "methods",
                        "调阅台账、现场核查和随机抽查。",
                        "Ledger review, on-site checks and random spot checks.",
                    ),
                    ("results", "餐饮场所报警器安装率达到100%。", "Every restaurant now has a gas detector."),
                    ("problems", "部分报警器未联网。", "Some detectors are not connected."),
                    ("measures", "2024年完成报警器联网。", "Connect every detector in 2024."),
                ]
            ],
            "classification": "公开",
            "archival": ctx.archival(2023, "Y"),
        },
        "re-evaluation overall report",
    )
    ctx.add(
        "notices/rq2023-circular-overall.yml",
        "notice",
        {
            "type": "notice",
            "id": "rq2023-circular-overall",
            "kind": "circular",
            "document_number": ctx.document_number(2023, 41),
            "issuer": "office",
            "date": REPORT_CIRCULATED,
            "title": t(
                "关于城镇燃气安全专项整治行业复评情况的通报",
                "Circular on the re-evaluation of the town gas safety campaign",
            ),
            "addressees": ADDRESSEES,
            "body": prose(
                f"现将[[rq2023-overall-report|《城镇燃气安全专项整治行业复评总体报告》]]予以通报。\n\n{INVENTED}",
                "The [[rq2023-overall-report|re-evaluation overall report]] of the gas campaign is circulated "
                "herewith.\n\n"
                f"{INVENTED_EN.strip()}",
            ),
            "attachments": [
                {
                    "title": t(
                        "城镇燃气安全专项整治行业复评总体报告", "Re-evaluation overall report of the gas campaign"
                    ),
                    "ref": "rq2023-overall-report",
                }
            ],
            "classification": "公开",
            "campaign": CAMPAIGN,
            "printed_by": "office",
            "printed_on": REPORT_CIRCULATED,
            "archival": ctx.archival(2023, "Y"),
        },
        "circular of the gas campaign's overall report",
    )
    ctx.add(
        f"{DIR}/comprehensive-review.yml",
        "comprehensive-review",
        {
            "type": "comprehensive-review",
            "id": "rq2023-review",
            "title": t("城镇燃气安全专项整治综合评议报告（备案）", "Comprehensive review of the gas campaign (filed)"),
            "campaign": CAMPAIGN,
            "reviewer": "housing",
            "completed_on": REVIEW_COMPLETED,
            "approval": Flow(by="p-district-leader", on=REVIEW_APPROVED),
            "filed_with_office_on": REVIEW_FILED,
            "domain_grades": [
                Flow(
                    domain="construction",
                    grade="良",
                    summary=t("城镇燃气整治目标全面完成", "The gas campaign met all its targets"),
                )
            ],
            "sections": [
                {
                    "topic": "situation",
                    "body": prose(
                        "依据[[haimen-evaluation-spec-2022|《评估规范》]]第十三条，由区住建局负责综合评议，并报区安委办备案。",
                        "Under article 13 of the [[haimen-evaluation-spec-2022|evaluation rules]] the Housing Bureau "
                        "reviews the "
                        "campaign itself and files the report with the District Safety Office.",
                    ),
                }
            ],
            "classification": "内部",
            "archival": ctx.archival(2023, "Y"),
        },
        "comprehensive review by the lead department, filed with the office",
    )
    for h in hazards:
        ctx.add(f"{DIR}/hazards/{h.id}.yml", "hazard", h.record, f"hazard dossier {h.id}")
    return [h.id for h in hazards]
