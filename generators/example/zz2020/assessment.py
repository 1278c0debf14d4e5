"""Preparation, the towns' self-assessments and the extension request."""

from __future__ import annotations

from generators.example.accidents import change, town_totals
from generators.example.context import D, days, dossier_evidence, prose, t
from generators.example.days import is_workday, next_workday, within_days_after
from generators.example.hazards import HazardInfo
from generators.example.people import TOWN_NAMES, TOWNS
from generators.example.zz2020.structure import (
    CAMPAIGN,
    DIR,
    EXTENDED_DUE,
    EXTENSION_DECIDED,
    EXTENSION_FILED,
    LAST_SUBMISSION,
    PLAN_ISSUED,
    POOR_TOWN,
    STATUS_ON,
    TASKS,
    Zz2020,
    rate,
    ref_list,
    task_done,
)
from generators.present import format_date
from generators.records.yamlout import Flow, FlowList


def evaluation_plan(z: Zz2020) -> None:
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


def _town_sections(z: Zz2020, town: str) -> list[dict]:
    zh_name, en_name = TOWN_NAMES[town]
    items = z.by_town[town]
    closed = [h for h in items if h.closed]
    major = [h for h in items if h.major]
    overdue = [h for h in items if not h.closed and h.deadline < STATUS_ON]
    now, before = town_totals(z.accidents, town, 2022), town_totals(z.accidents, town, 2021)
    done = sum(task_done(task) for task in TASKS)
    refs_major, refs_major_en = ref_list(major) or "无", ref_list(major, "en") or "none"
    body = {
        "targets": (
            f"对照总方案和子方案{len(TASKS)}项目标任务逐条自评，已完成{done}项，其余正在推进。",
            f"Against the {len(TASKS)} target tasks of the plans: {done} completed, the rest in progress.",
        ),
        "hazards": (
            f"专项整治期间共排查问题隐患{len(items)}项，其中重大隐患{len(major)}项（{refs_major}），"
            f"已整改销号{len(closed)}项，整改率{rate(len(closed), len(items))}%；逾期未整改{len(overdue)}项。"
            "所有隐患均建立“一患一档”。",
            f"{len(items)} hazards found during the campaign, {len(major)} of them major ({refs_major_en}); "
            f"{len(closed)} closed, a rectification rate of {rate(len(closed), len(items))}%; {len(overdue)} overdue. "
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


def _status_at(h: HazardInfo) -> str:
    return h.status


def self_assessment(z: Zz2020, town: str) -> None:
    zh_name, en_name = TOWN_NAMES[town]
    submitted = SUBMITTED[town]
    task_list = []
    for task in TASKS:
        status = "completed" if task_done(task) else "partial"
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


def extension(z: Zz2020) -> None:
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
