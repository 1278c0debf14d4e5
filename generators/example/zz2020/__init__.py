"""The 2020–2022 three-year campaign (zz2020) and every stage of its evaluation.

Modelled on the district's real three-year campaign (1 master, 2 thematic, 9 industry plans);
all figures, names and events are invented. Procedure dates follow the spec:

- campaign ends 2022-12-31; preparation due 2023-01-10 (10 days), self-assessment due 2023-01-30;
- the last town submits on 2023-01-30, so re-evaluation is due 2023-03-01 (30 days);
- an extension request filed 2023-02-15 (over 7 working days ahead) is granted: re-evaluation due 2023-03-17;
- the overall report is completed 2023-03-16, so the comprehensive review is due 2023-04-15, a
  Saturday, i.e. Monday 2023-04-17; it is completed 2023-04-21: the stage that finished late.
"""

from __future__ import annotations

from generators.example.context import ADDRESSEES, INVENTED, INVENTED_EN, Ctx, D, days, prose, t
from generators.example.days import next_workday
from generators.example.hazards import CampaignHazards, HazardInfo, make_hazards, untranslate
from generators.example.people import TOWN_NAMES, TOWNS, People
from generators.example.zz2020.assessment import evaluation_plan, extension, self_assessment
from generators.example.zz2020.followup import mechanisms, rectification
from generators.example.zz2020.reports import overall_report, review, sub_report
from generators.example.zz2020.structure import (
    CAMPAIGN,
    DIR,
    DOMAINS,
    END,
    HAZARD_WEIGHTS,
    RESULTS_REPORTED,
    START,
    STATUS_ON,
    SUPERVISION_DATES,
    UNVERIFIED_TOWN,
    Zz2020,
    check_dates,
    plans,
    target_tasks,
)
from generators.records.yamlout import FlowList


def build(ctx: Ctx, accidents: dict, people: People) -> Zz2020:
    due = check_dates()
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
    _contacts(z, people)
    _campaign(z)
    _listing_notices(z)
    _circulars(z)
    evaluation_plan(z)
    for town in TOWNS:
        self_assessment(z, town)
    extension(z)
    for town in TOWNS:
        sub_report(z, town)
    overall_report(z)
    review(z)
    rectification(z)
    mechanisms(z)
    for h in hazards:
        ctx.add(f"{DIR}/hazards/{h.id}.yml", "hazard", h.record, f"hazard dossier {h.id}")
    return z


def _contacts(z: Zz2020, people: People) -> None:
    """Major hazards name the enterprise's principal, with personal data the site must mask."""
    for h in z.hazards:
        if h.major:
            entity = h.record["entity"]
            name = entity["name"]
            role = (f"{name['zh']}主要负责人", f"Principal of {name['en']}" if name.get("en") else None)
            entity["contact"] = people.add_contact(f"p-contact-{h.id.lower()}", h.town, role, f"contact-{h.id}")


def _special_hazards(z: Zz2020) -> None:
    """The dossiers other features test against: classified, script text, untranslated, unverified."""
    general = [h for h in z.hazards if not h.major and h.closed]
    chem = [h for h in general if h.domain == "hazchem"] or general
    secret = chem[len(chem) // 2]
    if len(z.by_town[secret.town]) < 2:  # small archives: its town's list must not end up empty
        secret = next(h for h in general if len(z.by_town[h.town]) >= 2)
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


def _campaign(z: Zz2020) -> None:
    zh = (
        "根据国务院安委会和省、市部署，全区于2020年4月至2022年12月开展安全生产专项整治三年行动，"
        "设1个总方案、2个专题实施方案和9个重点行业领域实施方案，分为动员部署、集中攻坚、巩固提升三个阶段。\n\n"
        "整治结束后，按照[[海安委办〔2022〕17号]]印发的[[haimen-evaluation-spec-2022|《海门区安全生产专项整治评估规范》]]"
        "开展终期评估。\n\n> 本页所述整治、数据、企业和人员均为虚构的示例数据，仅用于演示档案库的功能。\n"
    )
    en = (
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
            "plans": plans(),
            "target_tasks": target_tasks(),
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
