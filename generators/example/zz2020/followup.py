"""Rectification follow-up (plans, look-backs, supervision checks) and long-term mechanisms."""

from __future__ import annotations

from generators.example.context import D, days, t
from generators.example.days import next_workday
from generators.example.hazards import untranslate
from generators.example.people import TOWN_NAMES, TOWNS
from generators.example.zz2020.structure import (
    CAMPAIGN,
    DIR,
    POOR_TOWN,
    SHORT_NAMES,
    Zz2020,
)
from generators.records.yamlout import FlowList


def rectification(z: Zz2020) -> None:
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


def mechanisms(z: Zz2020) -> None:
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
