"""The re-evaluation (sieve check, sub-reports, overall report), circulars and the comprehensive review."""

from __future__ import annotations

from generators.example.accidents import change, district_totals
from generators.example.context import ADDRESSEES, INVENTED, INVENTED_EN, D, prose, t
from generators.example.days import add_workdays
from generators.example.people import TOWN_NAMES, TOWNS
from generators.example.zz2020.structure import (
    CAMPAIGN,
    CIRCULAR_NUMBERS,
    DIR,
    DOMAIN_GRADES,
    DOMAIN_NAMES,
    DOMAINS,
    FED_BACK,
    GRADES,
    POOR_TOWN,
    REPORT_APPROVED,
    REPORT_CIRCULATED,
    REPORT_COMPLETED,
    REVIEW_APPROVED,
    REVIEW_CIRCULATED,
    REVIEW_COMPLETED,
    REVISED_TOWN,
    Zz2020,
    rate,
    ref_list,
)
from generators.records.yamlout import Flow, FlowList


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


def sub_report(z: Zz2020, town: str) -> None:
    zh_name, en_name = TOWN_NAMES[town]
    grade = GRADES[town]
    items = z.by_town[town]
    open_items = [h for h in items if not h.closed]
    problems_zh = (
        f"仍有{len(open_items)}项隐患未完成整改（{ref_list(open_items)}）。" if open_items else "隐患均已整改销号。"
    )
    problems_en = (
        f"{len(open_items)} hazards still open ({ref_list(open_items, 'en')})." if open_items else "All hazards closed."
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


def overall_report(z: Zz2020) -> None:
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
                f"已整改销号{closed}项，整改率{rate(closed, total)}%；{extended}项经批准延期整改。",
                f"All {len(TOWNS)} towns submitted self-assessments. {total} hazards were found, {len(major)} of "
                "them major; "
                f"{closed} are closed ({rate(closed, total)}%); {extended} had approved extensions.",
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
                f"{zh}\n\n{INVENTED}\n",
                f"{en}\n\n{INVENTED_EN.strip()}\n",
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


def review(z: Zz2020) -> None:
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
