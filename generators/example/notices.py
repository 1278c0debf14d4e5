"""Notices that exist for the other features: a classified one and a withdrawn one (invented)."""

from __future__ import annotations

from generators.example.context import ADDRESSEES, INVENTED, INVENTED_EN, Ctx, D, prose, t

CLASSIFIED_NOTICE = "haianweiban-2023-classified"
WITHDRAWN_NOTICE = "haianweiban-2023-lookback-withdrawn"


def build(ctx: Ctx, classified_hazard: str) -> None:
    day = D(2023, 4, 10)
    ctx.add(
        f"notices/{CLASSIFIED_NOTICE}.yml",
        "notice",
        {
            "type": "notice",
            "id": CLASSIFIED_NOTICE,
            "kind": "circular",
            "document_number": ctx.document_number(2023, 11),
            "issuer": "office",
            "date": day,
            "title": t(
                "关于涉密配套企业危险化学品专项检查情况的通报",
                "Circular on the hazardous chemicals inspection of classified suppliers",
            ),
            "addressees": t(
                "区应急管理局，海门经济技术开发区管委会",
                "Emergency Management Bureau; Development Zone Management Committee",
            ),
            "body": prose(
                "绝密测试短语-不得出现在网站-乙：对承担国防科研配套任务的企业开展危险化学品专项检查，"
                f"发现问题3项（含[[{classified_hazard}]]），已督促整改。具体单位名称和位置按涉密要求管理。\n\n{INVENTED}",
                "CLASSIFIED-MARKER-BETA: hazardous chemicals inspection of enterprises supporting defence research "
                f"found three problems (among them [[{classified_hazard}]]), now being rectified. Names and "
                f"locations are restricted.\n\n{INVENTED_EN.strip()}",
            ),
            "classification": "机密",
            "copy_number": "000007",
            "urgency": "加急",
            "campaign": "zz2020",
            "printed_by": "office",
            "printed_on": day,
            "archival": ctx.archival(2023, "Y"),
        },
        "a classified circular: must never reach the site",
    )
    day = D(2023, 5, 8)
    ctx.add(
        f"notices/{WITHDRAWN_NOTICE}.yml",
        "notice",
        {
            "type": "notice",
            "id": WITHDRAWN_NOTICE,
            "kind": "notice",
            "document_number": ctx.document_number(2023, 18),
            "issuer": "office",
            "date": day,
            "title": t(
                "关于开展专项整治评估整改“回头看”工作的通知",
                "Notice on look-back inspections after the campaign evaluation",
            ),
            "addressees": ADDRESSEES,
            "body": prose(
                "为巩固[[zz2020]]评估成果，定于2023年6月开展整改“回头看”，请各区镇（街道）做好迎检准备。\n\n"
                f"{INVENTED}",
                "To consolidate the evaluation of [[zz2020]], look-back inspections are set for June 2023; towns "
                f"shall prepare.\n\n{INVENTED_EN.strip()}",
            ),
            "withdrawn": {
                "date": D(2023, 5, 12),
                "reason": t(
                    "与各行业主管部门按评估规范第十二条组织的“回头看”重复，予以撤回。",
                    "Duplicates the look-back inspections the departments organise under article 12; withdrawn.",
                ),
            },
            "classification": "公开",
            "campaign": "zz2020",
            "printed_by": "office",
            "printed_on": day,
            "archival": ctx.archival(2023, "D30"),
        },
        "a withdrawn notice",
    )
