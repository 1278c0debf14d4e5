"""A small, complete and correct campaign evaluation, file by file, for the rules' tests.

Each test replaces or removes one file (or one line) to make exactly one violation. The campaign
``c1`` runs a whole year (2023), so all five stages are required; scope: towns sanxing and
changle, domains hazchem and fire-safety; lead department emergency. Dates:

* campaign end 2023-12-31 (Sun); preparation due +10 = 2024-01-10 (Wed); plan issued 2024-01-08;
* self-assessment due +30 = 2024-01-30 (Tue); sanxing submitted 01-25, changle 01-26 (last);
* re-evaluation due 2024-01-26 + 30 = 2024-02-25 (Sun) → 2024-02-26 (Mon); overall report 02-26;
* comprehensive review due 2024-02-26 + 30 = 2024-03-27 (Wed); review completed 03-20;
* rectification plans issued 04-10 (sanxing) and 04-12 (changle).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from generators.records import Archive, load_archive
from tests.conftest import write_archive

AS_OF = dt.date(2024, 6, 1)

FILES: dict[str, str] = {
    "people.yml": """
        - {type: person, id: p-lead, name: {zh: 王局长}, organisation: emergency, role: {zh: 分管区领导}}
        - {type: person, id: p-sanxing, name: {zh: 李镇长}, organisation: sanxing, role: {zh: 分管领导}}
        - {type: person, id: p-changle, name: {zh: 赵镇长}, organisation: changle, role: {zh: 分管领导}}
        - {type: person, id: p-district, name: {zh: 陈副区长}, organisation: government, role: {zh: 副区长}}
        """,
    "campaign.yml": """
        type: campaign
        id: c1
        title: {zh: 测试专项整治}
        start: 2023-01-01
        end: 2023-12-31
        lead_department: emergency
        scope:
          towns: [sanxing, changle]
          domains: [hazchem, fire-safety]
        plans:
          - {id: c1-master, kind: master, title: {zh: 总方案}}
        target_tasks:
          - {id: c1-t1, plan: c1-master, title: {zh: 任务一}, measure: {kind: qualitative, done: true}}
          - {id: c1-t2, plan: c1-master, title: {zh: 任务二}, domain: hazchem,
             measure: {kind: qualitative, done: false}}
        """,
    "plan.yml": """
        type: evaluation-plan
        id: c1-plan
        title: {zh: 评估工作方案}
        campaign: c1
        issued_on: 2024-01-08
        leading_group:
          - {person: p-lead, role: {zh: 组长}}
        """,
    "self-sanxing.yml": """
        type: self-assessment
        id: c1-self-sanxing
        title: {zh: 三星镇自评报告}
        campaign: c1
        town: sanxing
        submitted_on: 2024-01-25
        approval: {by: p-sanxing, "on": 2024-01-24}
        sections: [{topic: targets, body: {zh: 情况。}}, {topic: hazards, body: {zh: 情况。}}, {topic: mechanisms, body: {zh: 情况。}}, {topic: accidents, body: {zh: 情况。}}, {topic: philosophy, body: {zh: 情况。}}, {topic: responsibility, body: {zh: 情况。}}, {topic: major-risks, body: {zh: 情况。}}, {topic: enforcement, body: {zh: 情况。}}, {topic: other, body: {zh: 情况。}}]
          # the nine evaluation contents of art. 5, one section each
        target_task_list:
          - {task: c1-t1, status: completed, completion: {zh: 已完成}}
          - {task: c1-t2, status: completed, completion: {zh: 已完成}}
        hazard_list:
          - {hazard: h-sanxing-1, status: rectified}
        experience_list:
          - {title: {zh: 经验一}}
        """,
    "self-changle.yml": """
        type: self-assessment
        id: c1-self-changle
        title: {zh: 常乐镇自评报告}
        campaign: c1
        town: changle
        submitted_on: 2024-01-26
        approval: {by: p-changle, "on": 2024-01-26}
        sections: [{topic: targets, body: {zh: 情况。}}, {topic: hazards, body: {zh: 情况。}}, {topic: mechanisms, body: {zh: 情况。}}, {topic: accidents, body: {zh: 情况。}}, {topic: philosophy, body: {zh: 情况。}}, {topic: responsibility, body: {zh: 情况。}}, {topic: major-risks, body: {zh: 情况。}}, {topic: enforcement, body: {zh: 情况。}}, {topic: other, body: {zh: 情况。}}]
          # the nine evaluation contents of art. 5, one section each
        target_task_list:
          - {task: c1-t1, status: completed, completion: {zh: 已完成}}
          - {task: c1-t2, status: partial, completion: {zh: 部分完成}}
        hazard_list:
          - {hazard: h-changle-1, status: rectifying}
        experience_list:
          - {title: {zh: 经验一}}
        """,
    "overall.yml": """
        type: overall-report
        id: c1-overall
        title: {zh: 总体报告}
        campaign: c1
        completed_on: 2024-02-26
        approval: {by: p-district, "on": 2024-02-23}
        circulated: {"on": 2024-02-28}
        """,
    "sub-sanxing.yml": """
        type: sub-report
        id: c1-sub-sanxing
        title: {zh: 三星镇子项报告}
        campaign: c1
        town: sanxing
        grade: 优
        approval: {by: p-district, "on": 2024-02-23}
        fed_back_on: 2024-02-29
        """,
    "sub-changle.yml": """
        type: sub-report
        id: c1-sub-changle
        title: {zh: 常乐镇子项报告}
        campaign: c1
        town: changle
        grade: 差
        approval: {by: p-district, "on": 2024-02-23}
        fed_back_on: 2024-02-29
        """,
    "review.yml": """
        type: comprehensive-review
        id: c1-review
        title: {zh: 综合评议报告}
        campaign: c1
        reviewer: office
        completed_on: 2024-03-20
        approval: {by: p-district, "on": 2024-03-18}
        circulated: {"on": 2024-03-22}
        domain_grades:
          - {domain: hazchem, grade: 良}
          - {domain: fire-safety, grade: 优}
        """,
    "rect-sanxing.yml": """
        type: rectification-plan
        id: c1-rect-sanxing
        title: {zh: 三星镇整改方案}
        campaign: c1
        town: sanxing
        issued_on: 2024-04-10
        items:
          - {problem: {zh: 问题}, responsible: sanxing, measures: {zh: 措施}, deadline: 2024-06-30}
        """,
    "rect-changle.yml": """
        type: rectification-plan
        id: c1-rect-changle
        title: {zh: 常乐镇整改方案}
        campaign: c1
        town: changle
        issued_on: 2024-04-12
        items:
          - {problem: {zh: 问题}, responsible: changle, measures: {zh: 措施}, deadline: 2024-06-30}
        """,
    "hazards.yml": """
        - type: hazard
          id: h-sanxing-1
          title: {zh: 隐患一}
          campaign: c1
          domain: hazchem
          town: sanxing
          entity: {name: {zh: 某化工公司}, credit_code: 91320684MA1234567X, location: {zh: 三星镇}}
          discovery: {source: campaign-screening, date: 2023-03-01, inspector: {zh: 检查员}, description: {zh: 描述},
                      category: unsafe-condition}
          grade: 一般
          deadline: 2023-04-30
          acceptance: {method: on-site, by: {zh: 验收组}, date: 2023-04-20, opinion: {zh: 合格}, conclusion: passed}
          closure: {date: 2023-04-25, approved_by: emergency}
        - type: hazard
          id: h-changle-1
          title: {zh: 隐患二}
          campaign: c1
          domain: fire-safety
          town: changle
          entity: {name: {zh: 某商场}, credit_code: 91320684MA7654321Y, location: {zh: 常乐镇}}
          discovery: {source: department-inspection, date: 2023-05-01, inspector: {zh: 检查员}, description: {zh: 描述},
                      category: management-defect}
          grade: 重大
          major_clause: {zh: 某判定标准第三条}
          deadline: 2023-08-31
        """,
}


def files(**changes: str | None) -> dict[str, str]:
    """The fixture's files with some replaced (``name_yml="..."``) or removed (``None``).

    Keyword names are file names with ``-`` and ``.`` written as ``_``: ``plan_yml``, ``self_sanxing_yml``.
    """
    out = {name: textwrap.dedent(text) for name, text in FILES.items()}
    by_key = {name.replace("-", "_").replace(".", "_"): name for name in FILES}
    for key, text in changes.items():
        name = by_key.get(key, key.replace("_yml", ".yml").replace("_", "-"))
        if text is None:
            out.pop(name, None)
        else:
            out[name] = textwrap.dedent(text)
    return out


def edit(name: str, old: str, new: str) -> str:
    """One fixture file with one exact piece of text replaced (fails loudly if it is not there)."""
    text = textwrap.dedent(FILES[name])
    assert old in text, f"{old!r} not in {name}"
    return text.replace(old, new, 1)


def build(folder: Path, content: dict[str, str]) -> Archive:
    """Load the base archive plus ``content`` from ``folder``; the fixture must load without errors."""
    archive, diagnostics = load_archive(write_archive(folder, {f"campaigns/{k}": v for k, v in content.items()}))
    errors = [d.format("en") for d in diagnostics if d.is_error]
    assert not errors, "\n".join(errors)
    return archive
