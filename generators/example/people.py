"""People: district leaders, evaluation staff, third-party experts, each town's leaders.

Mobile and ID numbers are invented but well formed (the ID check digit is computed), so the
site's masking is tested on realistic values.
"""

from __future__ import annotations

import datetime as dt
import random

from generators.example.context import Ctx, D, t
from generators.example.pools import GIVEN, SURNAMES

TOWNS = [
    "haimen-jd",
    "sanchang-jd",
    "binjiang-jd",
    "sanxing",
    "changle",
    "yuelai",
    "sijia",
    "yudong",
    "zhengyu",
    "baochang",
    "linjiang",
    "haiyong",
    "kaifaqu",
    "gangxinqu",
]
TOWN_NAMES = {
    "haimen-jd": ("海门街道", "Haimen Sub-district"),
    "sanchang-jd": ("三厂街道", "Sanchang Sub-district"),
    "binjiang-jd": ("滨江街道", "Binjiang Sub-district"),
    "sanxing": ("三星镇", "Sanxing Town"),
    "changle": ("常乐镇", "Changle Town"),
    "yuelai": ("悦来镇", "Yuelai Town"),
    "sijia": ("四甲镇", "Sijia Town"),
    "yudong": ("余东镇", "Yudong Town"),
    "zhengyu": ("正余镇", "Zhengyu Town"),
    "baochang": ("包场镇", "Baochang Town"),
    "linjiang": ("临江镇", "Linjiang Town"),
    "haiyong": ("海永镇", "Haiyong Town"),
    "kaifaqu": ("海门经济技术开发区", "Haimen Economic and Technological Development Zone"),
    "gangxinqu": ("海门港新区", "Haimen Port New Area"),
}
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(rng, born: dt.date) -> str:
    """An 18-digit resident ID number of Haimen (320684) with its ISO 7064 check digit."""
    body = f"320684{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def mobile(rng) -> str:
    return (
        rng.choice(["139", "138", "135", "137", "151", "152", "158", "159", "187", "188", "180", "133", "189"])
        + f"{rng.randint(0, 99_999_999):08d}"
    )


class People:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.records: list[dict] = []
        self._used: set[str] = set()

    def name(self) -> tuple[str, str]:
        rng = self.ctx.rng
        while True:
            (sz, se), (gz, ge) = rng.choice(SURNAMES), rng.choice(GIVEN)
            if sz + gz not in self._used:
                self._used.add(sz + gz)
                return sz + gz, f"{se} {ge}"

    def add(self, pid: str, organisation: str, role_zh: str, role_en: str | None) -> str:
        rng = self.ctx.rng
        zh, en = self.name()
        born = D(rng.randint(1966, 1990), rng.randint(1, 12), rng.randint(1, 28))
        self.records.append(
            {
                "type": "person",
                "id": pid,
                "name": t(zh, en),
                "organisation": organisation,
                "role": t(role_zh, role_en),
                "mobile": mobile(rng),
                "id_number": id_number(rng, born),
            }
        )
        return pid

    def add_contact(self, pid: str, organisation: str, role: tuple[str, str | None], seed: str) -> str:
        """An enterprise's responsible person, drawn from its own seed so the main draws stay put.

        Names may repeat here, as they do among thousands of real enterprises.
        """
        rng = random.Random(seed)
        (sz, se), (gz, ge) = rng.choice(SURNAMES), rng.choice(GIVEN)
        born = D(rng.randint(1962, 1992), rng.randint(1, 12), rng.randint(1, 28))
        self.records.append(
            {
                "type": "person",
                "id": pid,
                "name": t(sz + gz, f"{se} {ge}"),
                "organisation": organisation,
                "role": t(*role),
                "mobile": mobile(rng),
                "id_number": id_number(rng, born),
            }
        )
        return pid


def town_role(town: str, deputy: bool) -> tuple[str, str]:
    if town.endswith("-jd"):
        return (
            ("街道办事处副主任（分管安全生产）", "Deputy Director of the Sub-district Office (work safety)")
            if deputy
            else ("街道办事处主任", "Director of the Sub-district Office")
        )
    if town in ("kaifaqu", "gangxinqu"):
        return (
            ("管委会副主任（分管安全生产）", "Deputy Director of the Management Committee (work safety)")
            if deputy
            else ("管委会主任", "Director of the Management Committee")
        )
    return ("副镇长（分管安全生产）", "Deputy Mayor (work safety)") if deputy else ("镇长", "Mayor")


def make_people(ctx: Ctx) -> People:
    people = People(ctx)
    people.add("p-district-leader", "government", "副区长（分管安全生产）", "Deputy District Mayor (work safety)")
    people.add("p-office-director", "office", "区安委办主任", "Director of the District Safety Office")
    people.add("p-office-staff", "office", "区安委办综合协调科科长", "Head of Coordination, District Safety Office")
    people.add(
        "p-emergency-head",
        "emergency",
        "区应急管理局局长、评估工作领导小组组长",
        "Director of the Emergency Management Bureau; head of the evaluation leading group",
    )
    people.add(
        "p-emergency-staff",
        "emergency",
        "区应急管理局安全生产基础科科长",
        "Head of Work-Safety Basics, Emergency Management Bureau",
    )
    people.add("p-fire-officer", "fire", "区消防救援大队防火监督科科长", "Head of Fire Prevention, Fire Brigade")
    people.add("p-housing-head", "housing", "区住建局副局长", "Deputy Director of the Housing Bureau")
    people.add("p-housing-staff", "housing", "区住建局城镇燃气管理科科长", "Head of Town Gas, Housing Bureau")
    people.add(
        "p-transport-staff", "transport", "区交通运输局安全监督科科长", "Head of Safety Supervision, Transport Bureau"
    )
    people.add(
        "p-expert-1",
        "emergency",
        "第三方专家（注册安全工程师，受聘）",
        "Third-party expert (registered safety engineer, engaged)",
    )
    people.add(
        "p-expert-2", "emergency", "第三方专家（化工安全，受聘）", "Third-party expert (chemical safety, engaged)"
    )
    for town in TOWNS:
        people.add(f"p-{town}-leader", town, *town_role(town, True))
        people.add(f"p-{town}-head", town, *town_role(town, False))
    return people
