"""The campaign's structure and the dates its evaluation keeps (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generators.example.context import Ctx, D, t
from generators.example.days import within_days_after, workdays_between
from generators.example.hazards import HazardInfo
from generators.present import round_half_up
from generators.records.yamlout import Flow

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


def check_dates() -> dict[str, D]:
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


def task_done(task: Task) -> bool:
    return task.target is None or float(task.actual) >= float(task.target)


def plans() -> list[dict]:
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


def target_tasks() -> list[dict]:
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


def ref_list(items: list[HazardInfo], lang: str = "zh", limit: int = 5) -> str:
    """References to the first few hazards; the text says how many there are in all."""
    return ("、" if lang == "zh" else ", ").join(f"[[{h.id}]]" for h in items[:limit])


def rate(part: int, whole: int) -> str:
    return str(round_half_up(100 * part / whole, 1)) if whole else "—"


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
