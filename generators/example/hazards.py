"""Hazard dossiers (一患一档): discovery, grade, treatment, supervision, extensions, progress,
acceptance and closure, with dates that follow one another as they would in a real register."""

from __future__ import annotations

from dataclasses import dataclass, field

from generators.example.context import Ctx, D, days, t
from generators.example.days import next_workday
from generators.example.people import TOWN_NAMES
from generators.example.pools import BRANDS, ENTERPRISE_KINDS, HAZARDS, MAJOR_CLAUSES, ROADS, SURNAMES

SOURCES = [
    "self-inspection",
    "department-inspection",
    "office-supervision",
    "unannounced-visit",
    "public-report",
    "campaign-screening",
]
SOURCE_WEIGHTS = [20, 30, 10, 8, 7, 25]
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(rng) -> str:
    """统一社会信用代码: 91 (enterprise) + 320684 (Haimen) + organisation code + GB 32100 check."""
    body = "91320684" + "".join(rng.choice(_CODE_CHARS[:10] + "MA") for _ in range(9))
    check = (31 - sum(_CODE_CHARS.index(c) * w for c, w in zip(body, _CODE_WEIGHTS, strict=False)) % 31) % 31
    return body + _CODE_CHARS[check]


@dataclass
class CampaignHazards:
    """How one campaign's hazards are made."""

    campaign: str
    towns: list[str]
    domains: dict[str, int]  # domain → weight
    plan_of: dict[str, str]  # domain → plan ID
    first: D
    last: D
    status_on: D  # the date the self-assessments describe
    open_from: D  # hazards found after this may still be open
    supervision: list[tuple[D, str]] = field(default_factory=list)  # (date, notice ID); empty: town level
    wording: dict[str, str] = field(default_factory=dict)  # domain → HAZARDS key, if not the domain


@dataclass
class HazardInfo:
    id: str
    town: str
    domain: str
    major: bool
    found: D
    closed: D | None
    deadline: D  # the deadline in force (after any extension)
    status: str  # hazard-statuses key at status_on
    record: dict
    listed_by: str | None = None


DEPARTMENT_OF = {
    "hazchem": "区应急管理局",
    "non-coal": "区自然资源和规划局",
    "fire-safety": "区消防救援大队",
    "road": "区交通运输局",
    "transport-other": "区交通运输局",
    "construction": "区住建局",
    "parks": "区商务局",
    "hazwaste": "区生态环境局",
    "coal": "区发改委",
}
DEPARTMENT_EN = {
    "hazchem": "Emergency Management Bureau",
    "non-coal": "Natural Resources Bureau",
    "fire-safety": "Fire Brigade",
    "road": "Transport Bureau",
    "transport-other": "Transport Bureau",
    "construction": "Housing Bureau",
    "parks": "Commerce Bureau",
    "hazwaste": "Ecology Bureau",
    "coal": "Development and Reform Commission",
}


def _inspector(ctx: Ctx, source: str, domain: str) -> dict:
    rng = ctx.rng
    a, b = rng.sample(SURNAMES, 2)
    names_zh, names_en = f"{a[0]}某、{b[0]}某", f"{a[1]} and {b[1]}"
    return {
        "self-inspection": t(f"企业安全管理人员{a[0]}某", f"{a[1]}, the enterprise's safety officer"),
        "department-inspection": t(
            f"{DEPARTMENT_OF[domain]}执法人员{names_zh}", f"Inspectors {names_en}, {DEPARTMENT_EN[domain]}"
        ),
        "office-supervision": t(
            f"区安委办督查组（{names_zh}）", f"District Safety Office inspection team ({names_en})"
        ),
        "unannounced-visit": t("区安委办暗查暗访组", "District Safety Office unannounced-visit team"),
        "public-report": t(f"12350举报核查人员{a[0]}某", f"{a[1]}, 12350 hotline follow-up"),
        "campaign-screening": t(f"三年行动专班排查组（{names_zh}）", f"Campaign screening team ({names_en})"),
    }[source]


def make_hazards(ctx: Ctx, spec: CampaignHazards, count: int) -> list[HazardInfo]:
    rng = ctx.rng
    drafts = []
    domains, weights = zip(*spec.domains.items(), strict=True)
    for index in range(count):
        found = ctx.pick_date(spec.first, spec.last)
        # Every town gets at least one dossier, so every hazard list has something on it.
        town = spec.towns[index] if index < len(spec.towns) else rng.choice(spec.towns)
        drafts.append((found, town, rng.choices(domains, weights)[0], rng.random(), rng.random()))
    drafts.sort(key=lambda d: d[0])
    per_year: dict[int, int] = {}
    result = []
    for found, town, domain, major_roll, state_roll in drafts:
        per_year[found.year] = per_year.get(found.year, 0) + 1
        hid = f"HZ-{found.year}-{per_year[found.year]:04d}"
        result.append(_hazard(ctx, spec, hid, found, town, domain, major_roll, state_roll))
    return result


def _hazard(
    ctx: Ctx, spec: CampaignHazards, hid: str, found: D, town: str, domain: str, major_roll: float, state_roll: float
) -> HazardInfo:
    rng = ctx.rng
    pool = HAZARDS[spec.wording.get(domain, domain)]
    clause_key = spec.wording.get(domain, domain)
    listing = (
        next(((d, n) for d, n in spec.supervision if d >= found + days(5)), None)
        if spec.supervision
        else (next_workday(found + days(3)), None)
    )
    major = major_roll < 0.10 and clause_key in MAJOR_CLAUSES and listing is not None and any(p[3] for p in pool)
    category, desc_zh, desc_en, _ = rng.choice([p for p in pool if p[3]] if major else pool)
    source = rng.choices(SOURCES, SOURCE_WEIGHTS)[0]
    brand = rng.choice(BRANDS)
    kind = rng.choice(ENTERPRISE_KINDS[spec.wording.get(domain, domain)])
    road = rng.choice(ROADS)
    number = rng.randint(1, 399)
    town_zh, town_en = TOWN_NAMES[town]
    entity_zh, entity_en = f"南通{brand[0]}{kind[0]}", f"Nantong {brand[1]} {kind[1]}"
    spot = rng.randint(1, 6)
    description = t(
        f"{desc_zh}（{spot}号区域）。现场已责令立即整改，并纳入隐患整改台账。",
        f"{desc_en} (area {spot}). Immediate rectification was ordered and the item entered in the hazard ledger.",
    )
    title = t(f"{entity_zh}：{desc_zh.split('，')[0]}", f"{entity_en}: {desc_en.split(';')[0].split(',')[0]}")

    if major:
        listed_on = listing[0]
        deadline = listed_on + days(rng.randint(90, 150))
    else:
        deadline = found + days(rng.randint(15, 60))
    open_ = found >= spec.open_from and state_roll < 0.55
    overdue = not open_ and state_roll > 0.955 and found < spec.status_on - days(90)
    if open_ and deadline <= spec.status_on:
        deadline = spec.status_on + days(rng.randint(20, 60))
    extended = state_roll > 0.88 and not overdue
    record: dict = {
        "type": "hazard",
        "id": hid,
        "title": title,
        "campaign": spec.campaign,
        "plan": spec.plan_of[domain],
        "domain": domain,
        "town": town,
        "entity": {
            "name": t(entity_zh, entity_en),
            "credit_code": credit_code(rng),
            "location": t(f"{town_zh}{road[0]}{number}号", f"No. {number} {road[1]}, {town_en}"),
        },
        "discovery": {
            "source": source,
            "date": found,
            "inspector": _inspector(ctx, source, domain),
            "description": description,
            "category": category,
        },
        "grade": "重大" if major else "一般",
    }
    effective = deadline
    if major:
        n = rng.randint(1, 12)
        clause_zh, clause_en = MAJOR_CLAUSES[clause_key]
        funds = rng.randint(5, 120)
        record["major_clause"] = t(clause_zh.format(n=n), clause_en.format(n=n))
        record["treatment"] = {
            "plan": t(
                "企业制定重大事故隐患治理方案，明确治理目标、措施、资金、时限和责任人员，报属地区镇和行业主管部门备案。",
                "The enterprise drew up a treatment plan for the major hazard (targets, measures, funds, "
                "deadline, persons responsible), filed with the town and the industry department.",
            ),
            "five_in_place": {
                "responsibility": t(
                    "企业主要负责人为第一责任人，分管负责人具体落实",
                    "The principal is first responsible; the deputy in charge carries it out",
                ),
                "measures": t(
                    "停用相关设施，落实工程技术措施和临时管控措施",
                    "Facilities taken out of use; engineering and interim control measures",
                ),
                "funds": t(f"落实治理资金{funds}万元", f"CNY {funds * 10000:,} set aside for the work"),
                "deadline": deadline,
                "emergency_plan": t(
                    "制定专项应急预案并组织一次应急演练", "Special emergency plan drawn up and one drill held"
                ),
            },
        }
        supervisor = town if listing[1] is None else "office"
        record["supervision"] = {
            "level": "town" if listing[1] is None else "district",
            "body": supervisor,
            **({"document": listing[1]} if listing[1] else {}),
            "listed_on": listing[0],
        }
    record["deadline"] = deadline
    if extended:
        requested = max(found + days(1), deadline - days(rng.randint(3, 10)))
        effective = deadline + days(rng.randint(30, 60))
        record["extensions"] = [
            {
                "requested_on": requested,
                "old_deadline": deadline,
                "new_deadline": effective,
                "reason": t(
                    "整改涉及设备采购和停产检修，需延长整改期限",
                    "Rectification needs equipment purchases and a production stop",
                ),
                "approved_by": "office" if major else town,
                "approved_on": requested + days(rng.randint(1, 3)),
            }
        ]
    closed: D | None = None
    if not open_ and not overdue:
        latest = min(effective, spec.status_on - days(8))
        closed = max(found + days(4), latest - days(rng.randint(0, 20)))
        if closed > latest:
            closed = latest
        if closed <= found + days(3):
            closed = found + days(4)
    record["progress"] = _progress(ctx, found, closed, effective, spec.status_on, open_ or overdue)
    if open_ and state_roll < 0.12:
        record["progress"] = []  # found just before the evaluation: nothing done yet
    if closed is not None:
        accepted = closed - days(rng.randint(0, 2))
        accepted = max(accepted, record["progress"][-1]["date"])
        closed = max(closed, accepted)
        record["acceptance"] = {
            "method": "expert" if major else rng.choice(["on-site", "on-site", "documents"]),
            "by": t(
                f"{DEPARTMENT_OF[domain]}、{town_zh}联合验收组",
                f"Joint acceptance team of the {DEPARTMENT_EN[domain]} and {town_en}",
            ),
            "date": accepted,
            "opinion": t(
                "整改措施落实到位，资料齐全，同意销号。", "Measures in place and records complete; closure agreed."
            ),
            "conclusion": "passed",
        }
        record["closure"] = {"date": closed, "approved_by": "p-office-director" if major else town}
        if major:
            record["supervision"]["lifted_on"] = closed
    status = "rectified" if closed else ("rectifying" if len(record["progress"]) > 0 else "not-started")
    year = (closed or found).year
    record["archival"] = ctx.archival(year, "Y" if major else "D30")
    return HazardInfo(hid, town, domain, major, found, closed, effective, status, record, listing[1] if major else None)


def _progress(ctx: Ctx, found: D, closed: D | None, deadline: D, status_on: D, still_open: bool) -> list[dict]:
    rng = ctx.rng
    end = closed or min(deadline, status_on - days(1))
    if end <= found + days(1):
        end = found + days(2)
    span = (end - found).days
    photo = f"IMG_{rng.randint(1000, 9999)}.jpg"
    entries = [
        {
            "date": found + days(1),
            "note": t(
                "已下达整改通知书，企业制定整改方案", "Rectification order issued; the enterprise drew up a plan"
            ),
            "before": t(f"整改前现场照片（{photo}）", f"Photo before rectification ({photo})"),
        }
    ]
    if span > 6:
        entries.append(
            {
                "date": found + days(span // 2),
                "note": t(
                    "整改措施落实过半，已完成隔离和警示", "Over half of the measures done; area isolated and signposted"
                ),
            }
        )
    if not still_open:
        entries.append(
            {
                "date": end,
                "note": t("整改完成，企业提交整改报告", "Rectification finished; the enterprise submitted its report"),
                "after": t("整改后现场照片及整改报告", "Photos after rectification and the rectification report"),
            }
        )
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates) and len(set(dates)) == len(dates), dates
    return entries


def untranslate(value):
    """Drop every English text inside a record (to show the untranslated fallback)."""
    if isinstance(value, dict):
        return type(value)((k, untranslate(v)) for k, v in value.items() if k != "en")
    if isinstance(value, list):
        return [untranslate(v) for v in value]
    return value
