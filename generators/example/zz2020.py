"""The 2020–2022 three-year campaign (zz2020) and every stage of its evaluation.

Modelled on the district's real three-year campaign (1 master, 2 thematic, 9 industry plans);
all figures, names and events are invented. Procedure dates follow the spec:

- campaign ends 2022-12-31; preparation due 2023-01-10 (10 days), self-assessment due 2023-01-30;
- the last town submits on 2023-01-30, so re-evaluation is due 2023-03-01 (30 days);
- an extension request filed 2023-02-15 (9 working days ahead) is granted: re-evaluation due 2023-03-17;
- the overall report is completed 2023-03-16, so the comprehensive review is due 2023-04-15, a
  Saturday, i.e. Monday 2023-04-17; it is completed 2023-04-21: the stage that finished late.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generators.example.accidents import change, district_totals, town_totals
from generators.example.context import Ctx, D, days, prose, t
from generators.example.days import add_workdays, is_workday, next_workday, within_days_after, workdays_between
from generators.example.hazards import CampaignHazards, HazardInfo, make_hazards, untranslate
from generators.example.people import TOWN_NAMES, TOWNS
from generators.example.yamlout import Flow, FlowList
from generators.present import format_date, round_half_up

CAMPAIGN = "zz2020"
DIR = f"campaigns/{CAMPAIGN}"
START, END = D(2020, 4, 1), D(2022, 12, 31)
DOMAINS = ["hazchem", "coal", "non-coal", "fire-safety", "road", "transport-other", "construction", "parks", "hazwaste"]
DOMAIN_NAMES = {
    "hazchem": ("危险化学品", "hazardous chemicals"),
    "coal": ("煤矿", "coal mines"),
    "non-coal": ("非煤矿山", "non-coal mines"),
    "fire-safety": ("消防", "fire safety"),
    "road": ("道路运输", "road transport"),
    "transport-other": (
        "交通运输（民航、铁路、邮政、水上和城市轨道交通）和渔业船舶",
        "transport (civil aviation, rail, postal, waterway, urban rail) and fishing vessels",
    ),
    "construction": ("城市建设", "urban construction"),
    "parks": ("工业园区等功能区", "industrial parks and similar zones"),
    "hazwaste": ("危险废物", "hazardous waste"),
}
HAZARD_WEIGHTS = {
    "hazchem": 15,
    "non-coal": 3,
    "fire-safety": 30,
    "road": 12,
    "transport-other": 6,
    "construction": 15,
    "parks": 12,
    "hazwaste": 7,
}
GRADES = {
    "haimen-jd": "优",
    "sanchang-jd": "良",
    "binjiang-jd": "良",
    "sanxing": "优",
    "changle": "良",
    "yuelai": "中",
    "sijia": "良",
    "yudong": "中",
    "zhengyu": "良",
    "baochang": "中",
    "linjiang": "良",
    "haiyong": "差",
    "kaifaqu": "优",
    "gangxinqu": "中",
}
DOMAIN_GRADES = {
    "hazchem": "良",
    "coal": "良",
    "non-coal": "中",
    "fire-safety": "优",
    "road": "良",
    "transport-other": "良",
    "construction": "中",
    "parks": "良",
    "hazwaste": "中",
}
CIRCULAR_NUMBERS = {"overall": 9, "review": 15}  # 海安委办〔2023〕N号
SHORT_NAMES = {
    "emergency": ("区应急管理局", "Emergency Management Bureau"),
    "fire": ("区消防救援大队", "Fire Brigade"),
    "housing": ("区住建局", "Housing Bureau"),
    "transport": ("区交通运输局", "Transport Bureau"),
}
POOR_TOWN = "haiyong"
UNVERIFIED_TOWN = "changle"
REVISED_TOWN = "sanxing"

# The procedure's dates (see the module docstring); asserted against the spec's counting below.
PLAN_ISSUED = D(2023, 1, 6)
STATUS_ON = D(2023, 1, 10)
LAST_SUBMISSION = D(2023, 1, 30)
EXTENSION_FILED, EXTENSION_DECIDED, EXTENDED_DUE = D(2023, 2, 15), D(2023, 2, 17), D(2023, 3, 17)
REPORT_APPROVED, REPORT_COMPLETED, REPORT_CIRCULATED = D(2023, 3, 15), D(2023, 3, 16), D(2023, 3, 22)
FED_BACK = D(2023, 3, 20)
REVIEW_APPROVED, REVIEW_COMPLETED, REVIEW_CIRCULATED = D(2023, 4, 20), D(2023, 4, 21), D(2023, 4, 26)
RESULTS_REPORTED = D(2023, 5, 6)

SUPERVISION_DATES = [
    D(2020, 6, 15),
    D(2020, 8, 14),
    D(2020, 10, 15),
    D(2020, 12, 15),
    D(2021, 2, 10),
    D(2021, 4, 15),
    D(2021, 6, 15),
    D(2021, 8, 16),
    D(2021, 10, 15),
    D(2021, 12, 15),
    D(2022, 2, 15),
    D(2022, 4, 15),
    D(2022, 6, 15),
    D(2022, 8, 15),
    D(2022, 10, 17),
    D(2022, 12, 12),
]

ADDRESSEES = t(
    "各区镇（街道）政府（管委会、办事处），区各有关部门",
    "The governments (management committees, offices) of all towns and sub-districts; all relevant district "
    "departments",
)
INVENTED = "（本记录为虚构示例数据）"
INVENTED_EN = " (This record is invented example data.)"


def _check_dates() -> dict[str, D]:
    """The spec's deadlines for this campaign, and proof that the chosen dates respect them."""
    due = {"preparation": within_days_after(END, 10), "self-assessment": within_days_after(END, 30)}
    due["re-evaluation"] = within_days_after(LAST_SUBMISSION, 30)
    assert due["preparation"] >= PLAN_ISSUED and due["self-assessment"] >= LAST_SUBMISSION
    assert workdays_between(EXTENSION_FILED, due["re-evaluation"]) >= 7
    assert REPORT_COMPLETED <= EXTENDED_DUE and due["re-evaluation"] < REPORT_COMPLETED
    due["comprehensive-review"] = within_days_after(REPORT_COMPLETED, 30)
    assert due["comprehensive-review"] < REVIEW_COMPLETED, "the review is meant to be late"
    return due


@dataclass
class Task:
    id: str
    plan: str
    domain: str | None
    zh: str
    en: str
    target: str | None = None
    actual: str | None = None
    unit: tuple[str, str] | None = None

    def number(self, value: str | None) -> Decimal | None:
        return None if value is None else Decimal(value)


TASKS = [
    Task(
        "zz2020-t01",
        "zz2020-master",
        None,
        "区镇（街道）安全生产委员会实体化运行率达到100%",
        "All town safety committees operating as standing bodies",
        "100",
        "100",
        ("%", "%"),
    ),
    Task(
        "zz2020-t02",
        "zz2020-theme-xi",
        None,
        "各级领导干部安全生产专题学习全覆盖",
        "Every leading cadre attends work-safety study sessions",
    ),
    Task(
        "zz2020-t03",
        "zz2020-theme-entity",
        None,
        "规上企业主体责任清单建立率100%",
        "Primary-responsibility checklists in all enterprises above designated size",
        "100",
        "100",
        ("%", "%"),
    ),
    Task(
        "zz2020-t04",
        "zz2020-theme-entity",
        None,
        "企业主要负责人安全生产培训考核合格率100%",
        "All enterprise principals pass work-safety training",
        "100",
        "98.6",
        ("%", "%"),
    ),
    Task(
        "zz2020-t05",
        "zz2020-hazchem",
        "hazchem",
        "涉及重点监管危险化工工艺装置自动化控制改造完成率100%",
        "Automation retrofits of all key-supervised hazardous chemical processes",
        "100",
        "100",
        ("%", "%"),
    ),
    Task(
        "zz2020-t06",
        "zz2020-hazchem",
        "hazchem",
        "危险化学品重大危险源企业双重预防机制全面建成",
        "Dual prevention system in every enterprise with a major hazard installation",
    ),
    Task(
        "zz2020-t07",
        "zz2020-coal",
        "coal",
        "辖区煤炭经营使用单位安全排查全覆盖",
        "Safety screening of every coal trader and user in the district",
    ),
    Task(
        "zz2020-t08",
        "zz2020-non-coal",
        "non-coal",
        "采砂点、建材堆场边坡监测覆盖率100%",
        "Slope monitoring at every sand-mining site and stockyard",
        "100",
        "100",
        ("%", "%"),
    ),
    Task(
        "zz2020-t09",
        "zz2020-fire-safety",
        "fire-safety",
        "高层建筑、大型商业综合体消防安全评估覆盖率100%",
        "Fire-safety assessment of every high-rise and large commercial complex",
        "100",
        "100",
        ("%", "%"),
    ),
    Task(
        "zz2020-t10",
        "zz2020-fire-safety",
        "fire-safety",
        "新建电动自行车集中充电设施",
        "New shared charging points for electric bicycles",
        "500",
        "612",
        ("个", "points"),
    ),
    Task(
        "zz2020-t11",
        "zz2020-road",
        "road",
        "重型货车动态监控入网率100%",
        "All heavy goods vehicles on the monitoring platform",
        "100",
        "99.2",
        ("%", "%"),
    ),
    Task(
        "zz2020-t12",
        "zz2020-transport-other",
        "transport-other",
        "渔业船舶AIS配备率100%",
        "AIS fitted on every fishing vessel",
        "100",
        "100",
        ("%", "%"),
    ),
    Task(
        "zz2020-t13",
        "zz2020-construction",
        "construction",
        "危大工程专项施工方案专家论证率100%",
        "Expert review of the special plan for every high-risk works",
        "100",
        "100",
        ("%", "%"),
    ),
    Task(
        "zz2020-t14",
        "zz2020-construction",
        "construction",
        "餐饮用户安装可燃气体报警器",
        "Gas detectors fitted for restaurant gas users",
        "20000",
        "17850",
        ("户", "users"),
    ),
    Task(
        "zz2020-t15",
        "zz2020-parks",
        "parks",
        "化工园区、工业集中区封闭化管理全面建成",
        "Closed management of the chemical park and industrial clusters completed",
    ),
    Task(
        "zz2020-t16",
        "zz2020-hazwaste",
        "hazwaste",
        "危险废物规范化管理达标率90%以上",
        "Hazardous waste management meets the standard in at least 90% of producers",
        "90",
        "93.5",
        ("%", "%"),
    ),
]


def _task_done(task: Task) -> bool:
    return task.target is None or float(task.actual) >= float(task.target)


def _plans() -> list[dict]:
    plans = [
        {
            "id": "zz2020-master",
            "kind": "master",
            "title": t(
                "海门区安全生产专项整治三年行动实施方案",
                "Haimen District three-year work-safety special rectification plan",
            ),
        },
        {
            "id": "zz2020-theme-xi",
            "kind": "thematic",
            "title": t(
                "学习宣传贯彻习近平总书记关于安全生产重要论述专题实施方案",
                "Thematic plan: studying and implementing General Secretary Xi Jinping's important expositions on "
                "work safety",
            ),
        },
        {
            "id": "zz2020-theme-entity",
            "kind": "thematic",
            "title": t(
                "落实企业安全生产主体责任专题实施方案",
                "Thematic plan: enterprises' primary responsibility for work safety",
            ),
        },
    ]
    for domain in DOMAINS:
        zh, en = DOMAIN_NAMES[domain]
        plans.append(
            {
                "id": f"zz2020-{domain}",
                "kind": "industry",
                "domain": domain,
                "title": t(f"{zh}安全专项整治三年行动实施方案", f"Industry plan: {en}"),
            }
        )
    return plans


def _target_tasks() -> list[dict]:
    result = []
    for task in TASKS:
        if task.target is None:
            measure = Flow(kind="qualitative", done=True)
        else:
            measure = Flow(
                kind="quantitative",
                target=task.number(task.target),
                actual=task.number(task.actual),
                unit=t(*task.unit),
            )
        item = {"id": task.id, "plan": task.plan, "title": t(task.zh, task.en), "measure": measure}
        if task.domain:
            item["domain"] = task.domain
        result.append(item)
    return result


# ---------------------------------------------------------------------------------------------


@dataclass
class Zz2020:
    ctx: Ctx
    hazards: list[HazardInfo]
    by_town: dict[str, list[HazardInfo]]
    accidents: dict
    due: dict[str, D]
    notices: dict[str, str]  # role → notice ID
    classified_hazard: str = ""
    script_hazard: str = ""
    untranslated: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()


def build(ctx: Ctx, accidents: dict) -> Zz2020:
    due = _check_dates()
    spec = CampaignHazards(
        campaign=CAMPAIGN,
        towns=TOWNS,
        domains=HAZARD_WEIGHTS,
        plan_of={d: f"zz2020-{d}" for d in DOMAINS},
        first=START + days(14),
        last=D(2022, 12, 20),
        status_on=STATUS_ON,
        open_from=D(2022, 10, 15),
        supervision=[(next_workday(d), f"zz2020-listing-{d:%Y%m}") for d in SUPERVISION_DATES],
    )
    hazards = make_hazards(ctx, spec, ctx.hazards_wanted)
    by_town = {town: [h for h in hazards if h.town == town] for town in TOWNS}
    z = Zz2020(ctx, hazards, by_town, accidents, due, {})
    _special_hazards(z)
    _campaign(z)
    _listing_notices(z)
    _circulars(z)
    _evaluation_plan(z)
    for town in TOWNS:
        _self_assessment(z, town)
    _extension(z)
    for town in TOWNS:
        _sub_report(z, town)
    _overall_report(z)
    _review(z)
    _rectification(z)
    _mechanisms(z)
    for h in hazards:
        ctx.add(f"{DIR}/hazards/{h.id}.yml", "hazard", h.record, f"hazard dossier {h.id}")
    return z


def _special_hazards(z: Zz2020) -> None:
    """The dossiers other features test against: classified, script text, untranslated, unverified."""
    general = [h for h in z.hazards if not h.major and h.closed]
    chem = [h for h in general if h.domain == "hazchem"] or general
    secret = chem[len(chem) // 2]
    secret.record["classification"] = "秘密"
    secret.record["title"] = t(
        "某涉密单位危险化学品库房隐患（涉密）", "Hazardous chemicals store of a classified unit (classified)"
    )
    secret.record["discovery"]["description"] = t(
        "绝密测试短语-不得出现在网站-甲：该单位承担国防科研配套任务，危险化学品储存仓库与涉密试验区间距不足，详细位置不予公开。",
        "CLASSIFIED-MARKER-ALPHA: the unit supports defence research; its hazardous chemicals store is too close "
        "to the restricted test area; exact location withheld.",
    )
    z.classified_hazard = secret.id
    reported = [h for h in general if h.record["discovery"]["source"] == "public-report" and h is not secret] or general
    script = reported[0]
    d = script.record["discovery"]["description"]
    script.record["discovery"]["description"] = t(
        d["zh"] + "举报人在网上留言中粘贴了<script>alert(1)</script>等代码字样，按原文登记。",
        d["en"] + " The reporter's online message contained the text <script>alert(1)</script>; recorded verbatim.",
    )
    z.script_hazard = script.id
    others = [h for h in general if h not in (secret, script)]
    step = max(1, len(others) // 4)
    chosen = others[step // 2 :: step][:4]
    for h in chosen:
        h.record = untranslate(h.record)
    z.untranslated = tuple(h.id for h in chosen)
    # Classified dossiers go through the classified channel, not the town's published lists.
    z.by_town[secret.town] = [h for h in z.by_town[secret.town] if h is not secret]
    listed = z.by_town[UNVERIFIED_TOWN]
    z.unverified = tuple(h.id for h in listed[-3:]) if len(listed) >= 6 else ()


def _ref_list(items: list[HazardInfo], lang: str = "zh", limit: int = 5) -> str:
    """References to the first few hazards; the text says how many there are in all."""
    return ("、" if lang == "zh" else ", ").join(f"[[{h.id}]]" for h in items[:limit])


def _campaign(z: Zz2020) -> None:
    zh = (
        "<!-- generated by python -m generators example-data · 虚构示例数据 -->\n"
        "# 海门区安全生产专项整治三年行动\n\n"
        "根据国务院安委会和省、市部署，全区于2020年4月至2022年12月开展安全生产专项整治三年行动，"
        "设1个总方案、2个专题实施方案和9个重点行业领域实施方案，分为动员部署、集中攻坚、巩固提升三个阶段。\n\n"
        "整治结束后，按照[[海安委办〔2022〕17号]]印发的[[haimen-evaluation-spec-2022|《海门区安全生产专项整治评估规范》]]"
        "开展终期评估。\n\n> 本页所述整治、数据、企业和人员均为虚构的示例数据，仅用于演示档案库的功能。\n"
    )
    en = (
        "<!-- generated by python -m generators example-data · invented example data -->\n"
        "# Haimen three-year work-safety special rectification campaign\n\n"
        "Following the State Council Work Safety Committee and the province and city, the district ran the three-year "
        "campaign from April 2020 to December 2022: one master plan, two thematic plans and nine industry plans, in "
        "three "
        "phases (mobilisation, concentrated effort, consolidation).\n\n"
        "After the campaign the final evaluation follows the [[haimen-evaluation-spec-2022|evaluation rules]] issued "
        "with [[海安委办〔2022〕17号]].\n\n> The campaign, figures, enterprises and people described here are invented "
        "example data, for demonstrating the archive only.\n"
    )
    z.ctx.add(
        f"{DIR}/campaign.yml",
        "campaign",
        {
            "type": "campaign",
            "id": CAMPAIGN,
            "title": t(
                "海门区安全生产专项整治三年行动（2020—2022年）",
                "Haimen three-year work-safety special rectification campaign (2020–2022)",
            ),
            "start": START,
            "end": END,
            "lead_department": "emergency",
            "scope": {"towns": FlowList(TOWNS), "domains": FlowList(DOMAINS)},
            "description": z.ctx.prose_file(f"campaigns/{CAMPAIGN}/description", zh, en),
            "plans": _plans(),
            "target_tasks": _target_tasks(),
            "results_reported": {"on": RESULTS_REPORTED, "to": "org-dept"},
        },
        "the campaign: plans and target tasks",
    )


def _listing_notices(z: Zz2020) -> None:
    """挂牌督办 notices: one per batch date that listed at least one major hazard."""
    batches: dict[str, list[HazardInfo]] = {}
    for h in z.hazards:
        if h.listed_by:
            batches.setdefault(h.listed_by, []).append(h)
    numbers: dict[int, int] = {}
    for notice_id in sorted(batches):
        items = batches[notice_id]
        day = items[0].record["supervision"]["listed_on"]
        numbers[day.year] = numbers.get(day.year, 0) + 1
        lines_zh = "\n".join(
            f"- [[{h.id}]]　{h.record['entity']['name']['zh']}（{TOWN_NAMES[h.town][0]}）" for h in items
        )
        lines_en = "\n".join(
            f"- [[{h.id}]] {h.record['entity']['name'].get('en', h.record['entity']['name']['zh'])} "
            f"({TOWN_NAMES[h.town][1]})"
            for h in items
        )
        z.ctx.add(
            f"notices/{notice_id}.yml",
            "notice",
            {
                "type": "notice",
                "id": notice_id,
                "kind": "notice",
                "document_number": z.ctx.document_number(day.year),
                "issuer": "office",
                "date": day,
                "title": t(
                    f"关于对{day.year}年第{numbers[day.year]}批重大事故隐患实行挂牌督办的通知",
                    f"Notice on listing batch {numbers[day.year]} of {day.year} of major accident hazards for "
                    "supervision",
                ),
                "addressees": ADDRESSEES,
                "body": prose(
                    f"经研究，决定对以下{len(items)}项重大事故隐患实行区级挂牌督办。各相关区镇（街道）和行业主管部门要督促企业"
                    f"落实治理责任、措施、资金、时限和应急预案“五到位”，按期完成整改并申请验收销号。\n\n{lines_zh}\n\n{INVENTED}",
                    f"The following {len(items)} major accident hazards are listed for district-level supervision. "
                    "Towns and departments shall see that the enterprises put the five elements in place "
                    "(responsibility, measures, funds, deadline, emergency plan), finish on time and apply for "
                    f"acceptance and closure.\n\n{lines_en}\n\n{INVENTED_EN.strip()}",
                ),
                "classification": "内部",
                "campaign": CAMPAIGN,
                "printed_by": "office",
                "printed_on": day,
                "copy_to": t("区安委会各成员单位", "All member units of the District Safety Committee"),
                "archival": z.ctx.archival(day.year, "D30"),
            },
            "notice listing major hazards for supervision (挂牌督办)",
        )


def _circulars(z: Zz2020) -> None:
    """Reserve the 2023 numbers in date order: overall-report circular, classified, withdrawn, review."""
    z.notices["overall"] = "zz2020-circular-overall"
    z.notices["review"] = "zz2020-circular-review"


def _evaluation_plan(z: Zz2020) -> None:
    due = z.due
    schedule = [Flow(stage=s, due=due[s]) for s in ("preparation", "self-assessment", "re-evaluation")]
    schedule.append(Flow(stage="comprehensive-review", due=within_days_after(due["re-evaluation"], 30)))
    schedule.append(Flow(stage="rectification", due=D(2023, 9, 30)))  # no statutory deadline: the plan's own
    sections = [
        {
            "topic": "purpose",
            "body": prose(
                "依据[[海安委办〔2022〕17号]]及其附件[[haimen-evaluation-spec-2022|《海门区安全生产专项整治评估规范》]]第八条至第十三条，"
                "对[[zz2020]]开展终期评估，全面梳理主要做法，总结典型经验，剖析问题短板，固化长效机制。",
                "Under articles 8–13 of the [[haimen-evaluation-spec-2022|evaluation rules]] issued with "
                "[[海安委办〔2022〕17号]], "
                "the final evaluation of [[zz2020]] reviews what was done, the lessons, the weak points and the "
                "mechanisms to keep.",
            ),
        },
        {
            "topic": "scope",
            "body": prose(
                f"评估范围为全区{len(TOWNS)}个区镇（街道）和9个重点行业领域，覆盖总方案、2个专题实施方案和9个行业领域实施方案。",
                f"All {len(TOWNS)} towns and sub-districts and the nine industry domains; the master plan, two "
                "thematic and nine industry plans.",
            ),
        },
        {
            "topic": "schedule",
            "body": prose(
                "2023年1月10日前完成评估准备；1月30日前完成基层自评；基层自评结束后30日内完成行业复评；行业复评结束后30日内完成综合评议。",
                "Preparation by 10 January 2023; self-assessment by 30 January; re-evaluation within 30 days after the "
                "self-assessment ends; comprehensive review within 30 days after the re-evaluation ends.",
            ),
        },
        {
            "topic": "division",
            "body": prose(
                "组长负责评估工作总体协调；区应急管理局承担领导小组日常工作；各行业部门负责本行业领域复评；第三方专家参与现场核查。",
                "The head coordinates; the Emergency Management Bureau runs the group's daily work; each industry "
                "department "
                "re-evaluates its domain; third-party experts join the on-site checks.",
            ),
        },
    ]
    z.ctx.add(
        f"{DIR}/evaluation-plan.yml",
        "evaluation-plan",
        {
            "type": "evaluation-plan",
            "id": "zz2020-evaluation-plan",
            "title": t(
                "海门区安全生产专项整治三年行动评估工作方案", "Evaluation plan for the Haimen three-year campaign"
            ),
            "campaign": CAMPAIGN,
            "issued_on": PLAN_ISSUED,
            "leading_group": [
                {"person": "p-emergency-head", "role": t("组长", "Head")},
                {"person": "p-office-staff", "role": t("副组长", "Deputy head")},
                {"person": "p-emergency-staff", "role": t("成员（办公室主任）", "Member (secretary)")},
                {"person": "p-fire-officer", "role": t("成员", "Member")},
                {"person": "p-housing-staff", "role": t("成员", "Member")},
                {"person": "p-transport-staff", "role": t("成员", "Member")},
                {"person": "p-expert-1", "role": t("第三方专家", "Third-party expert"), "third_party": True},
                {"person": "p-expert-2", "role": t("第三方专家", "Third-party expert"), "third_party": True},
            ],
            "schedule": schedule,
            "methods": FlowList(["ledger-review", "on-site", "symposium", "questionnaire", "random-visit"]),
            "sections": sections,
            "classification": "内部",
            "archival": z.ctx.archival(2023, "Y"),
        },
        "evaluation preparation: plan, leading group, schedule",
    )


def _submission_dates() -> dict[str, D]:
    dates, day = {}, D(2023, 1, 11)
    for town in TOWNS[:-1]:
        day = next_workday(day)
        if day > D(2023, 1, 20):
            day = D(2023, 1, 11)
        dates[town] = day
        day += days(1)
    dates[TOWNS[-1]] = LAST_SUBMISSION
    return dates


SUBMITTED = _submission_dates()


def _previous_workday(day: D) -> D:
    day -= days(1)
    while not is_workday(day):
        day -= days(1)
    return day


def _rate(part: int, whole: int) -> str:
    return str(round_half_up(100 * part / whole, 1)) if whole else "—"


def _town_sections(z: Zz2020, town: str) -> list[dict]:
    zh_name, en_name = TOWN_NAMES[town]
    items = z.by_town[town]
    closed = [h for h in items if h.closed]
    major = [h for h in items if h.major]
    overdue = [h for h in items if not h.closed and h.deadline < STATUS_ON]
    now, before = town_totals(z.accidents, town, 2022), town_totals(z.accidents, town, 2021)
    done = sum(_task_done(task) for task in TASKS)
    refs_major, refs_major_en = _ref_list(major) or "无", _ref_list(major, "en") or "none"
    body = {
        "targets": (
            f"对照总方案和子方案{len(TASKS)}项目标任务逐条自评，已完成{done}项，其余正在推进。",
            f"Against the {len(TASKS)} target tasks of the plans: {done} completed, the rest in progress.",
        ),
        "hazards": (
            f"专项整治期间共排查问题隐患{len(items)}项，其中重大隐患{len(major)}项（{refs_major}），"
            f"已整改销号{len(closed)}项，整改率{_rate(len(closed), len(items))}%；逾期未整改{len(overdue)}项。"
            "所有隐患均建立“一患一档”。",
            f"{len(items)} hazards found during the campaign, {len(major)} of them major ({refs_major_en}); "
            f"{len(closed)} closed, a rectification rate of {_rate(len(closed), len(items))}%; {len(overdue)} overdue. "
            "Every hazard has its own dossier.",
        ),
        "mechanisms": (
            "建立安全生产网格化管理、隐患“清单制+责任制”闭环管理等长效机制。",
            "Grid management and closed-loop hazard lists with named responsibility made permanent.",
        ),
        "accidents": (
            f"2022年发生生产安全事故{now.count}起、死亡{now.deaths}人、直接经济损失{now.loss}万元，"
            f"起数同比{change(now.count, before.count, 'zh')}，死亡人数同比{change(now.deaths, before.deaths, 'zh')}。",
            f"2022: {now.count} accidents, {now.deaths} deaths, direct loss CNY {int(now.loss * 10000):,}; accidents "
            f"{change(now.count, before.count, 'en')} year on year, deaths {change(now.deaths, before.deaths, 'en')}.",
        ),
        "philosophy": (
            "党（工）委会议每季度专题学习习近平总书记关于安全生产重要论述，统筹发展和安全。",
            "The town's Party committee studies the General Secretary's expositions on work safety every quarter.",
        ),
        "responsibility": (
            "落实“党政同责、一岗双责”和“三管三必须”，督促企业建立主体责任20项重点事项清单。",
            "Joint Party–government responsibility and the 'three musts' applied; enterprises keep the 20-item "
            "checklist.",
        ),
        "major-risks": (
            "对危险化学品、粉尘涉爆、有限空间作业等重大风险实施分级管控。",
            "Graded control of major risks: hazardous chemicals, dust explosions, confined spaces.",
        ),
        "enforcement": (
            "充实基层执法力量，推行“互联网+执法”和“执法+专家”模式。",
            "More local inspectors; online enforcement and inspector-plus-expert teams.",
        ),
        "other": ("无其他需要说明的事项。", "Nothing further to report."),
    }
    return [{"topic": topic, "body": prose(f"{zh_name}：{zh}", f"{en_name}: {en}")} for topic, (zh, en) in body.items()]


def dossier_evidence(hazard_id: str) -> Flow:
    return Flow(title=t("隐患档案（一患一档）", "Hazard dossier"), method="ledger-review", ref=hazard_id)


def _status_at(h: HazardInfo) -> str:
    return h.status


def _self_assessment(z: Zz2020, town: str) -> None:
    zh_name, en_name = TOWN_NAMES[town]
    submitted = SUBMITTED[town]
    task_list = []
    for task in TASKS:
        status = "completed" if _task_done(task) else "partial"
        if town == POOR_TOWN and task.id == "zz2020-t14":
            status = "not-completed"
        task_list.append(
            {
                "task": task.id,
                "status": status,
                "completion": t(
                    "已完成" if status == "completed" else "部分完成，正在推进",
                    "Completed" if status == "completed" else "Partly completed; work continues",
                ),
                "evidence": [
                    Flow(
                        title=t("整治台账及佐证材料", "Campaign ledger and supporting records"), method="ledger-review"
                    )
                ],
            }
        )
    z.ctx.add(
        f"{DIR}/self-assessments/{town}.yml",
        "self-assessment",
        {
            "type": "self-assessment",
            "id": f"zz2020-sa-{town}",
            "title": t(
                f"{zh_name}安全生产专项整治三年行动自评报告", f"{en_name}: self-assessment of the three-year campaign"
            ),
            "campaign": CAMPAIGN,
            "town": town,
            "submitted_on": submitted,
            "approval": Flow(by=f"p-{town}-leader", on=_previous_workday(submitted)),
            "sections": _town_sections(z, town),
            "target_task_list": task_list,
            "hazard_list": [
                {"hazard": h.id, "status": _status_at(h), "evidence": [dossier_evidence(h.id)]} for h in z.by_town[town]
            ],
            "experience_list": [
                {
                    "title": t("隐患排查“网格员+专家”模式", "Grid workers paired with experts for hazard screening"),
                    "description": t(
                        "每个网格配备一名安全专家，隐患发现率明显提高。",
                        "Each grid has a safety expert; more hazards are found.",
                    ),
                    "evidence": [Flow(title=t("网格化管理工作台账", "Grid management ledger"), method="ledger-review")],
                },
                {
                    "title": t("企业安全生产“红黄蓝”分级监管", "Red–yellow–blue graded supervision of enterprises"),
                    "evidence": [
                        Flow(
                            title=t("分级监管名录及会议纪要", "Graded supervision register and minutes"),
                            method="ledger-review",
                            ref="zz2020-mech-1",
                        )
                    ],
                },
            ],
            "classification": "内部",
            "archival": z.ctx.archival(2023, "D30"),
        },
        f"self-assessment of {town}: report and the three lists",
    )


def _extension(z: Zz2020) -> None:
    z.ctx.add(
        f"{DIR}/extension-requests.yml",
        "extension-request",
        [
            {
                "type": "extension-request",
                "id": "zz2020-ext-reeval",
                "title": t(
                    "关于申请延长三年行动行业复评完成时限的请示",
                    "Request to extend the deadline of the three-year campaign's re-evaluation",
                ),
                "campaign": CAMPAIGN,
                "stage": "re-evaluation",
                "filed_on": EXTENSION_FILED,
                "requested_due": EXTENDED_DUE,
                "explanation": prose(
                    f"行业复评原定于{format_date(z.due['re-evaluation'], 'zh')}前完成。"
                    f"因评估范围涉及{len(TOWNS)}个区镇（街道）、"
                    f"{len(z.hazards)}项问题隐患需逐项“过筛式”核查，评估内容复杂繁多，依据[[haimen-evaluation-spec-2022|《评估规范》]]"
                    "第十条第（五）项，申请延期至2023年3月17日。",
                    f"The re-evaluation was due by {format_date(z.due['re-evaluation'], 'en')}. With {len(TOWNS)} "
                    "towns and "
                    f"{len(z.hazards)} hazards to sieve-check one by one, article 10(5) of the "
                    "[[haimen-evaluation-spec-2022|evaluation rules]] allows an extension; requested until 17 March "
                    "2023.",
                ),
                "decision": {"granted": True, "on": EXTENSION_DECIDED, "by": "office"},
                "classification": "内部",
                "archival": z.ctx.archival(2023, "D30"),
            }
        ],
        "the granted extension request for the re-evaluation",
    )


def _verifications(z: Zz2020, town: str, revised: bool = False) -> list[Flow]:
    rng = z.ctx.rng
    result = []
    day = D(2023, 2, 1)
    for index, h in enumerate(z.by_town[town]):
        if h.id in z.unverified:
            continue  # left out on purpose: the sieve check must find them
        day_i = add_workdays(day, index % 25)
        verdict = ("inconsistent" if rng.random() < 0.03 else "confirmed") if h.closed else "not-rectified"
        if town == REVISED_TOWN and index == 0:
            verdict = "inconsistent" if revised else "confirmed"
        entry = Flow(
            hazard=h.id,
            verified_on=day_i,
            method="on-site" if h.major or index % 3 == 0 else "ledger-review",
            result=verdict,
        )
        if verdict != "confirmed":
            entry["note"] = t(
                "现场情况与台账记载不一致，已要求补充整改" if verdict == "inconsistent" else "整改期限内，正在整改",
                "Site and ledger disagree; further rectification required"
                if verdict == "inconsistent"
                else "Within its deadline; rectification under way",
            )
        result.append(entry)
    return result


def _sub_report(z: Zz2020, town: str) -> None:
    zh_name, en_name = TOWN_NAMES[town]
    grade = GRADES[town]
    items = z.by_town[town]
    open_items = [h for h in items if not h.closed]
    problems_zh = (
        f"仍有{len(open_items)}项隐患未完成整改（{_ref_list(open_items)}）。" if open_items else "隐患均已整改销号。"
    )
    problems_en = (
        f"{len(open_items)} hazards still open ({_ref_list(open_items, 'en')})."
        if open_items
        else "All hazards closed."
    )
    if town == POOR_TOWN:
        problems_zh += "目标任务[[zz2020-t14]]未完成，部分企业主体责任落实不到位，评定为“差”。"
        problems_en += (
            " Target task [[zz2020-t14]] not completed; several enterprises neglect their duties; graded Poor."
        )
    sections = [
        {
            "topic": "experience",
            "body": prose(
                f"{zh_name}推行隐患排查“网格员+专家”模式，成效明显。",
                f"{en_name} pairs grid workers with experts for hazard screening, with clear results.",
            ),
        },
        {"topic": "problems", "body": prose(problems_zh, problems_en)},
        {
            "topic": "suggestions",
            "body": prose(
                "建议对照[[haimen-evaluation-spec-2022|《评估规范》]]第十二条制定整改方案，明确责任、措施和时限。",
                "Draw up a rectification plan under article 12 of the "
                "[[haimen-evaluation-spec-2022|evaluation rules]], with responsibility, measures and deadlines.",
            ),
        },
    ]
    base = {
        "type": "sub-report",
        "id": f"zz2020-sub-{town}",
        "title": t(f"三年行动行业复评子项报告（{zh_name}）", f"Re-evaluation sub-report: {en_name}"),
        "campaign": CAMPAIGN,
        "town": town,
        "grade": grade,
        "sections": sections,
        "verifications": _verifications(z, town),
        "approval": Flow(by="p-district-leader", on=REPORT_APPROVED),
        "fed_back_on": FED_BACK,
        "classification": "内部",
        "archival": z.ctx.archival(2023, "D30"),
    }
    z.ctx.add(f"{DIR}/re-evaluation/sub-reports/{town}.yml", "sub-report", base, f"re-evaluation sub-report for {town}")
    if town == REVISED_TOWN:
        revised = dict(base)
        revised.update(
            {
                "id": f"zz2020-sub-{town}-v2",
                "version": 2,
                "supersedes": base["id"],
                "change_note": t(
                    "更正一项隐患的核查结果（复核发现台账与现场不符），其余内容不变。",
                    "One hazard's verification result corrected (re-check found ledger and site disagree); nothing "
                    "else changed.",
                ),
                "verifications": _verifications(z, town, revised=True),
                "approval": Flow(by="p-district-leader", on=D(2023, 3, 28)),
                "fed_back_on": D(2023, 3, 30),
                "archival": z.ctx.archival(2023, "D30"),
            }
        )
        z.ctx.add(
            f"{DIR}/re-evaluation/sub-reports/{town}-v2.yml",
            "sub-report",
            revised,
            f"revised re-evaluation sub-report for {town} (version 2)",
        )


def _grade_counts() -> dict[str, int]:
    counts = {g: 0 for g in ("优", "良", "中", "差")}
    for grade in GRADES.values():
        counts[grade] += 1
    return counts


def _overall_report(z: Zz2020) -> None:
    total, closed = len(z.hazards), sum(1 for h in z.hazards if h.closed)
    major = [h for h in z.hazards if h.major]
    extended = sum(1 for h in z.hazards if h.record.get("extensions"))
    now, before = district_totals(z.accidents, 2022), district_totals(z.accidents, 2019)
    g = _grade_counts()
    sections = [
        {
            "topic": "situation",
            "body": prose(
                f"全区{len(TOWNS)}个区镇（街道）全部完成基层自评。专项整治期间共排查问题隐患{total}项，其中重大隐患{len(major)}项，"
                f"已整改销号{closed}项，整改率{_rate(closed, total)}%；{extended}项经批准延期整改。",
                f"All {len(TOWNS)} towns submitted self-assessments. {total} hazards were found, {len(major)} of "
                "them major; "
                f"{closed} are closed ({_rate(closed, total)}%); {extended} had approved extensions.",
            ),
        },
        {
            "topic": "methods",
            "body": prose(
                "领导小组通过调阅台账资料、现场核查、召开座谈、问卷调查和随机走访等方式，对隐患清单逐项开展“过筛式”核查。"
                "经区安委办同意，复评时限延长至2023年3月17日（[[zz2020-ext-reeval|延期申请]]）。",
                "The leading group reviewed ledgers, verified on site, held symposiums, ran questionnaires and made "
                "random "
                "visits, sieve-checking every listed hazard. The District Safety Office extended the deadline to 17 "
                "March 2023 "
                "([[zz2020-ext-reeval|extension request]]).",
            ),
        },
        {
            "topic": "results",
            "body": prose(
                f"2022年全区发生生产安全事故{now.count}起、死亡{now.deaths}人，"
                f"与2019年相比起数{change(now.count, before.count, 'zh')}、"
                f"死亡人数{change(now.deaths, before.deaths, 'zh')}。"
                f"分级认定：优{g['优']}个、良{g['良']}个、中{g['中']}个、差{g['差']}个。",
                f"In 2022 the district had {now.count} accidents and {now.deaths} deaths: accidents "
                f"{change(now.count, before.count, 'en')} "
                f"and deaths {change(now.deaths, before.deaths, 'en')} against 2019. Grades: {g['优']} Excellent, "
                f"{g['良']} Good, "
                f"{g['中']} Fair, {g['差']} Poor.",
            ),
        },
        {
            "topic": "problems",
            "body": prose(
                f"部分区镇隐患整改不彻底，[[zz2020-sub-{POOR_TOWN}|{TOWN_NAMES[POOR_TOWN][0]}子项报告]]评定为“差”；"
                "个别重大隐患治理资金落实滞后。",
                f"Some towns did not finish rectification; the [[zz2020-sub-{POOR_TOWN}|{TOWN_NAMES[POOR_TOWN][1]} "
                "sub-report]] "
                "grades it Poor; funds for some major hazards came late.",
            ),
        },
        {
            "topic": "measures",
            "body": prose(
                "各区镇对照子项报告制定整改方案；行业主管部门对问题突出区镇和重大隐患组织“回头看”。",
                "Each town draws up a rectification plan from its sub-report; departments hold look-back inspections "
                "of "
                "problem towns and major hazards.",
            ),
        },
    ]
    z.ctx.add(
        f"{DIR}/re-evaluation/overall-report.yml",
        "overall-report",
        {
            "type": "overall-report",
            "id": "zz2020-overall-report",
            "title": t(
                "海门区安全生产专项整治三年行动行业复评总体报告",
                "Re-evaluation overall report of the Haimen three-year campaign",
            ),
            "campaign": CAMPAIGN,
            "completed_on": REPORT_COMPLETED,
            "approval": Flow(by="p-district-leader", on=REPORT_APPROVED),
            "circulated": Flow(on=REPORT_CIRCULATED, notice=z.notices["overall"]),
            "methods": FlowList(["ledger-review", "on-site", "symposium", "questionnaire", "random-visit"]),
            "sections": sections,
            "classification": "公开",
            "archival": z.ctx.archival(2023, "Y"),
        },
        "re-evaluation overall report",
    )
    _circular(
        z,
        "overall",
        REPORT_CIRCULATED,
        "zz2020-overall-report",
        "关于海门区安全生产专项整治三年行动行业复评情况的通报",
        "Circular on the re-evaluation of the Haimen three-year campaign",
        "现将[[zz2020-overall-report|《海门区安全生产专项整治三年行动行业复评总体报告》]]予以通报。"
        f"{TOWN_NAMES[POOR_TOWN][0]}评定为“差”，依据[[haimen-evaluation-spec-2022|《评估规范》]]第十六条实行“一票否决”。"
        "各区镇（街道）要对照子项报告认真整改。",
        "The [[zz2020-overall-report|re-evaluation overall report]] is circulated herewith. "
        f"{TOWN_NAMES[POOR_TOWN][1]} is graded Poor and, under article 16 of the "
        "[[haimen-evaluation-spec-2022|evaluation rules]], is subject to the one-vote veto. Every town shall act on "
        "its sub-report.",
        (
            "海门区安全生产专项整治三年行动行业复评总体报告",
            "Re-evaluation overall report of the Haimen three-year campaign",
        ),
    )


def _circular(
    z: Zz2020,
    role: str,
    day: D,
    report: str,
    title_zh: str,
    title_en: str,
    zh: str,
    en: str,
    attachment: tuple[str, str],
) -> None:
    notice_id = z.notices[role]
    z.ctx.add(
        f"notices/{notice_id}.yml",
        "notice",
        {
            "type": "notice",
            "id": notice_id,
            "kind": "circular",
            "document_number": z.ctx.document_number(day.year, CIRCULAR_NUMBERS[role]),
            "issuer": "office",
            "date": day,
            "title": t(title_zh, title_en),
            "addressees": ADDRESSEES,
            "body": z.ctx.prose_file(
                f"notices/{notice_id}",
                f"<!-- generated by python -m generators example-data · 虚构示例数据 -->\n{zh}\n\n{INVENTED}\n",
                f"<!-- generated by python -m generators example-data · invented example data -->\n{en}\n\n"
                f"{INVENTED_EN.strip()}\n",
            ),
            "attachments": [{"title": t(*attachment), "ref": report}],
            "classification": "公开",
            "campaign": CAMPAIGN,
            "printed_by": "office",
            "printed_on": day,
            "copy_to": t(
                "区委组织部，区安委会各成员单位",
                "Organisation Department; all member units of the District Safety Committee",
            ),
            "archival": z.ctx.archival(day.year, "Y"),
        },
        f"circular ({role})",
    )


def _review(z: Zz2020) -> None:
    grades = [
        Flow(
            domain=d,
            grade=DOMAIN_GRADES[d],
            summary=t(
                f"{DOMAIN_NAMES[d][0]}领域整治成效评定为“{DOMAIN_GRADES[d]}”",
                f"{DOMAIN_NAMES[d][1].capitalize()}: graded {DOMAIN_GRADES[d]}",
            ),
        )
        for d in DOMAINS
    ]
    grades[1]["summary"] = t(
        "辖区无煤矿企业，煤炭经营使用单位排查全覆盖",
        "No coal mines in the district; all coal traders and users screened",
    )
    sections = [
        {
            "topic": "situation",
            "body": prose(
                "区安委办根据[[zz2020-overall-report]]及各子项报告，通过随机抽查、现场核查、调阅资料、明查暗访和召开座谈，"
                "对9个重点行业领域专项整治成效进行综合评议。",
                "From [[zz2020-overall-report]] and the sub-reports, the District Safety Office reviewed the nine "
                "domains by spot "
                "checks, on-site verification, ledger review, announced and unannounced visits and symposiums.",
            ),
        },
        {
            "topic": "results",
            "body": prose(
                "消防领域评定为“优”，城市建设、非煤矿山、危险废物领域评定为“中”。",
                "Fire safety is graded Excellent; urban construction, non-coal mines and hazardous waste Fair.",
            ),
        },
        {
            "topic": "problems",
            "body": prose(
                "综合评议较规定时限延后4天完成，原因是补充核查城市建设领域重大隐患。",
                "The review finished 4 days after its deadline because major construction hazards were re-checked.",
            ),
        },
        {
            "topic": "measures",
            "body": prose(
                "评议结果纳入年度安全生产目标管理考核，并报送区委组织部。",
                "The results enter the annual work-safety assessment and go to the Organisation Department.",
            ),
        },
    ]
    z.ctx.add(
        f"{DIR}/comprehensive-review.yml",
        "comprehensive-review",
        {
            "type": "comprehensive-review",
            "id": "zz2020-review",
            "title": t(
                "海门区安全生产专项整治三年行动综合评议报告", "Comprehensive review of the Haimen three-year campaign"
            ),
            "campaign": CAMPAIGN,
            "reviewer": "office",
            "completed_on": REVIEW_COMPLETED,
            "approval": Flow(by="p-district-leader", on=REVIEW_APPROVED),
            "circulated": Flow(on=REVIEW_CIRCULATED, notice=z.notices["review"]),
            "domain_grades": grades,
            "sections": sections,
            "classification": "公开",
            "archival": z.ctx.archival(2023, "Y"),
        },
        "comprehensive review (completed late on purpose)",
    )
    _circular(
        z,
        "review",
        REVIEW_CIRCULATED,
        "zz2020-review",
        "关于海门区安全生产专项整治三年行动综合评议情况的通报",
        "Circular on the comprehensive review of the Haimen three-year campaign",
        "现将[[zz2020-review|《海门区安全生产专项整治三年行动综合评议报告》]]予以通报，评议结果纳入年度目标管理考核。",
        "The [[zz2020-review|comprehensive review report]] is circulated herewith; its grades enter the annual "
        "assessment.",
        ("海门区安全生产专项整治三年行动综合评议报告", "Comprehensive review of the Haimen three-year campaign"),
    )


def _rectification(z: Zz2020) -> None:
    rng = z.ctx.rng
    for index, town in enumerate(TOWNS):
        zh_name, en_name = TOWN_NAMES[town]
        issued = next_workday(D(2023, 5, 8) + days(index % 8))
        open_items = [h for h in z.by_town[town] if not h.closed]
        items = [
            {
                "problem": t(
                    "部分隐患整改不彻底，台账资料不完整", "Some hazards not fully rectified; ledgers incomplete"
                ),
                "responsible": f"p-{town}-leader",
                "measures": t(
                    f"对{len(open_items)}项未销号隐患逐项督办，补齐“一患一档”资料",
                    f"Follow up each of the {len(open_items)} open hazards; complete the dossiers",
                ),
                "deadline": D(2023, 7, 31),
                "done_on": D(2023, 7, rng.randint(10, 28)),
            },
            {
                "problem": t("企业主体责任落实不到位", "Enterprises neglect their primary responsibility"),
                "responsible": town,
                "measures": t(
                    "开展企业主要负责人专题培训，推行主体责任清单", "Training for principals; responsibility checklists"
                ),
                "deadline": D(2023, 9, 30),
            },
        ]
        if town != POOR_TOWN:
            items[1]["done_on"] = D(2023, 9, rng.randint(4, 28))
        z.ctx.add(
            f"{DIR}/rectification/plans/{town}.yml",
            "rectification-plan",
            {
                "type": "rectification-plan",
                "id": f"zz2020-rect-{town}",
                "title": t(
                    f"{zh_name}安全生产专项整治评估整改方案", f"{en_name}: rectification plan after the evaluation"
                ),
                "campaign": CAMPAIGN,
                "town": town,
                "issued_on": issued,
                "items": items,
                "reported_to": FlowList(["emergency", "office"]),
                "classification": "内部",
                "archival": z.ctx.archival(2023, "D10"),
            },
            f"rectification plan of {town}",
        )
    majors = [h for h in z.hazards if h.major]
    look_backs = []
    for index, (department, towns, day) in enumerate(
        [
            ("emergency", [POOR_TOWN, "yuelai"], D(2023, 7, 12)),
            ("fire", [POOR_TOWN, "baochang"], D(2023, 7, 20)),
            ("housing", ["yudong", "gangxinqu"], D(2023, 8, 9)),
            ("transport", [POOR_TOWN], D(2023, 8, 23)),
        ]
    ):
        record = {
            "type": "look-back",
            "id": f"zz2020-lookback-{index + 1}",
            "title": t(
                f"{SHORT_NAMES[department][0]}专项整治评估“回头看”",
                f"Look-back inspection by the {SHORT_NAMES[department][1]}",
            ),
            "campaign": CAMPAIGN,
            "department": department,
            "towns": FlowList(towns),
            "date": day,
            "findings": t(
                "突出问题已基本解决，重大隐患整改到位，个别企业应急预案未及时修订。",
                "The main problems are solved and major hazards fixed; a few emergency plans are not yet revised.",
            ),
            "hazards": FlowList([h.id for h in majors if h.town in towns][:6]),
            "classification": "内部",
            "archival": z.ctx.archival(2023, "D10"),
        }
        if index == 3:
            record = untranslate(record)  # left untranslated on purpose
        look_backs.append(record)
    z.ctx.add(f"{DIR}/rectification/look-backs.yml", "look-back", look_backs, "look-back inspections (回头看)")
    checks = []
    for index, town in enumerate([POOR_TOWN, "changle", "sanxing", "kaifaqu", "yudong"]):
        zh_name, en_name = TOWN_NAMES[town]
        checks.append(
            {
                "type": "supervision-check",
                "id": f"zz2020-check-{town}",
                "title": t(f"区安委办对{zh_name}整改落实情况的督查", f"Office check of {en_name}'s rectification"),
                "campaign": CAMPAIGN,
                "by": "office",
                "town": town,
                "date": next_workday(D(2023, 10, 9) + days(index * 3)),
                "findings": t(
                    "整改方案各项措施基本落实，纳入年度巡查考核。",
                    "The plan's measures are largely in place; noted for the annual assessment.",
                ),
                "classification": "内部",
                "archival": z.ctx.archival(2023, "D10"),
            }
        )
    checks[3]["classification"] = "秘密"
    checks[3]["title"] = t(
        "区安委办对涉密企业整改落实情况的督查", "Office check of a classified enterprise's rectification"
    )
    checks[3]["findings"] = t(
        "绝密测试短语-不得出现在网站-丙：开发区涉密配套企业重大危险源整改情况，具体内容按涉密管理。",
        "CLASSIFIED-MARKER-GAMMA: rectification at a classified supplier's major hazard installation; details "
        "restricted.",
    )
    z.ctx.add(f"{DIR}/rectification/supervision-checks.yml", "supervision-check", checks, "office supervision checks")


def _mechanisms(z: Zz2020) -> None:
    items = [
        ("emergency", None, D(2020, 9, 15), "安全生产网格化监管工作制度", "Grid-based work-safety supervision rules"),
        (
            "emergency",
            "hazchem",
            D(2021, 3, 10),
            "危险化学品企业重大危险源包保责任制",
            "Named officials for every hazardous-chemical major hazard",
        ),
        (
            "fire",
            "fire-safety",
            D(2021, 5, 20),
            "人员密集场所消防安全“户籍化”管理办法",
            "Registration-based fire-safety management of crowded places",
        ),
        (
            "transport",
            "road",
            D(2021, 8, 2),
            "重型货车动态监控闭环管理机制",
            "Closed-loop monitoring of heavy goods vehicles",
        ),
        (
            "housing",
            "construction",
            D(2021, 11, 15),
            "危大工程“三检一验”制度",
            "Three checks and one acceptance for high-risk works",
        ),
        (
            "commerce",
            "parks",
            D(2022, 1, 18),
            "工业园区封闭化管理运行规程",
            "Operating rules for closed management of industrial parks",
        ),
        (
            "ecology",
            "hazwaste",
            D(2022, 6, 8),
            "危险废物全过程信息化监管办法",
            "Full-chain digital supervision of hazardous waste",
        ),
    ]
    records = []
    for index, (issuer, domain, day, zh, en) in enumerate(items):
        record = {
            "type": "mechanism",
            "id": f"zz2020-mech-{index + 1}",
            "title": t(zh, en),
            "campaign": CAMPAIGN,
            "issued_on": day,
            "issuer": issuer,
            "description": t(
                f"固化专项整治经验做法形成的长效机制：{zh}。", f"Long-term mechanism made from campaign practice: {en}."
            ),
            "classification": "公开",
            "archival": z.ctx.archival(day.year, "D30"),
        }
        if domain:
            record["domain"] = domain
        records.append(record)
    records[4] = untranslate(records[4])  # untranslated on purpose
    records.append(
        {
            "type": "mechanism",
            "id": "zz2020-mech-8",
            "title": t("安全生产专项整治评估规范", "Work-safety special rectification evaluation rules"),
            "campaign": CAMPAIGN,
            "issued_on": D(2022, 3, 18),
            "issuer": "office",
            "description": t(
                "以[[海安委办〔2022〕17号]]印发，将专项整治评估固化为常态制度。",
                "Issued with [[海安委办〔2022〕17号]]; makes the evaluation of campaigns a standing rule.",
            ),
            "document": "haianweiban-2022-17",
            "classification": "公开",
            "archival": z.ctx.archival(2022, "Y"),
        }
    )
    z.ctx.add(f"{DIR}/mechanisms.yml", "mechanism", records, "long-term mechanisms (长效机制)")
