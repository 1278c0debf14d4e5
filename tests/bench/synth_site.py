"""A synthetic built site in the site contract's shape, for search tests and the benchmark.

``write_site(out, n)`` writes n hazard dossiers per language (Chinese at the root, English
under en/), some index pages, a notice with the document number 海安委办〔2022〕17号, one
withdrawn record and one page wrongly carrying a ``data-classified`` marker (the indexer must
refuse it). Pages look like Material's output where search cares: ``<html lang>``,
``<article>`` with the H1, the hidden ``zz-record`` element, the header search form.
Deterministic for a given n and seed.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

from generators.words import search_words

TOWNS = [("sanxing", "三星镇", "Sanxing"), ("changle", "常乐镇", "Changle"), ("yuelai", "悦来镇", "Yuelai"),
         ("linjiang", "临江镇", "Linjiang"), ("haiyong", "海永镇", "Haiyong"), ("zhengyu", "正余镇", "Zhengyu"),
         ("baozhao", "包场镇", "Baozhao"), ("yuyuan", "余东镇", "Yudong"), ("sanchang", "三厂街道", "Sanchang"),
         ("haimen-street", "海门街道", "Haimen Sub-district")]
DOMAINS = [("fire-safety", "消防安全", "Fire safety"), ("hazchem", "危险化学品", "Hazardous chemicals"),
           ("construction", "建筑施工", "Construction"), ("road", "道路运输", "Road transport"),
           ("parks", "工业园区", "Industrial parks")]
HAZARDS = [
    ("消防通道被堆放货物占用，净宽度不足4米", "Fire lane blocked by stored goods; clear width under 4 metres"),
    ("危险化学品储存仓库内甲类物品与乙类物品混存，未按规定分区分类储存",
     "Class A and Class B goods stored together in the hazardous chemicals warehouse"),
    ("动火作业未办理动火作业许可证，作业现场未配备灭火器材",
     "Hot work carried out without a hot-work permit and without fire extinguishers"),
    ("有限空间作业未执行先通风、再检测、后作业要求，未设置监护人员",
     "Confined-space entry without ventilating and testing first, and no attendant posted"),
    ("安全出口上锁，疏散指示标志和应急照明损坏",
     "Emergency exit locked; evacuation signs and emergency lighting broken"),
    ("特种作业人员未持证上岗，安全培训记录缺失", "Special-operations worker without a certificate; no training record"),
    ("储罐区可燃有毒气体检测报警装置失效", "Gas detectors in the tank farm out of order"),
    ("脚手架连墙件设置不足，未按规定验收", "Too few wall ties on the scaffold; not inspected as required"),
]
BRANDS = ["恒达", "通盛", "江海", "东灶", "瑞丰", "新源", "华泰", "金港", "宏宇", "海晟", "润邦", "天成"]
BRANDS_EN = ["Hengda", "Tongsheng", "Jianghai", "Dongzao", "Ruifeng", "Xinyuan", "Huatai", "Jingang",
             "Hongyu", "Haisheng", "Runbang", "Tiancheng"]
KINDS = [("化工有限公司", "Chemical Co., Ltd."), ("商贸城", "Trade Mall"), ("物流有限公司", "Logistics Co., Ltd."),
         ("建设工程有限公司", "Construction Co., Ltd."), ("机械制造有限公司", "Machinery Co., Ltd.")]
GRADES = [("一般", "Ordinary"), ("重大", "Major")]
STATUSES = [("已整改", "Rectified"), ("整改中", "Rectifying"), ("未整改", "Not started")]
CAMPAIGNS = [("安全生产专项整治三年行动", "Three-year work-safety campaign"),
             ("消防安全专项整治", "Fire-safety campaign")]
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"]
NOTICE_NUMBER = "海安委办〔2022〕17号"
CLASSIFIED_TEXT = "绝密核心部位布防图纸"


def _page(lang: str, depth: int, title: str, body: str, marker: str = "", *, search_page: bool = False) -> str:
    base = "/".join([".."] * depth) or "."
    search = "搜索档案" if lang == "zh" else "Search the archive"
    # As on the real site (theme/site/overrides/main.html): the search page carries the runtime
    # inline, first in <head> (the indexer fills it in), its words after it; other pages load it as a file.
    said = f'<script type="application/json" id="zz-search-words">{search_words(lang)}</script>'
    inline = f'<script data-search-index="{base}/search-index/"></script>{said}' if search_page else ""
    external = "" if search_page else f'<script src="{base}/search-index/search.js" defer></script>'
    return (
        f'<!doctype html><html lang="{lang}"><head>{inline}<meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'</head><body><header class="md-header"><form class="zz-search-box" role="search" '
        f'action="{base}/search/" method="get"><input type="search" name="q" aria-label="{search}"></form>'
        f'<link rel="stylesheet" href="{base}/search-index/search.css">{external}</header>'
        f'<main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">'
        f'<h1>{html.escape(title)}</h1>{marker}{body}</article></div></main></body></html>'
    )


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel / "index.html" if rel else root / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _marker(attrs: dict[str, str]) -> str:
    rendered = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    return f'<div class="zz-record" hidden{rendered}></div>'


def hazard(i: int, rng: random.Random) -> dict:
    town = rng.choice(TOWNS)
    domain = rng.choice(DOMAINS)
    hz = rng.choice(HAZARDS)
    brand = rng.randrange(len(BRANDS))
    kind = rng.choice(KINDS)
    year = rng.choice([2021, 2022, 2023])
    return {
        "id": f"HZ-{year}-{i:05d}", "year": str(year), "town": town, "domain": domain, "hazard": hz,
        "entity": (f"南通{BRANDS[brand]}{kind[0]}", f"Nantong {BRANDS_EN[brand]} {kind[1]}"),
        "grade": GRADES[0] if rng.random() < 0.9 else GRADES[1],
        "status": rng.choice(STATUSES), "campaign": rng.choice(CAMPAIGNS),
        "road": rng.randint(1, 399), "person": rng.choice(SURNAMES), "days": rng.randint(15, 60),
        "withdrawn": i == 3,
    }


def _hazard_page(h: dict, lang: str) -> tuple[str, str]:
    zh = lang == "zh"
    k = 0 if zh else 1
    if zh:
        title = f"{h['entity'][0]}：{h['hazard'][0].split('，')[0]}"
    else:
        title = f"{h['entity'][1]}: {h['hazard'][1].split(';')[0]}"
    marker = _marker({
        "data-id": h["id"], "data-type": "hazard", "data-type-label": "问题隐患" if zh else "Hazard",
        "data-campaign": h["campaign"][k], "data-town": h["town"][1 + k], "data-domain": h["domain"][1 + k],
        "data-year": h["year"], "data-grade": h["grade"][k], "data-status": h["status"][k],
        "data-withdrawn": "true" if h["withdrawn"] else "false"})
    if zh:
        body = (f"<dl class=\"zz-fields\"><dt>编号</dt><dd>{h['id']}</dd><dt>所在区镇</dt><dd>{h['town'][1]}</dd>"
                f"<dt>行业领域</dt><dd>{h['domain'][1]}</dd><dt>单位地址</dt><dd>{h['town'][1]}人民路{h['road']}号</dd></dl>"
                f"<h2>发现</h2><p>{h['town'][1]}安全生产检查中发现：{h['hazard'][0]}。现场已责令立即整改，并纳入隐患整改台账。"
                f"检查人员为区应急管理局执法人员{h['person']}某。依据{NOTICE_NUMBER}开展评估。</p>"
                f"<h2>整改</h2><p>企业主要负责人为第一责任人，整改期限{h['days']}日，落实整改资金和措施，"
                f"整改完成后由属地区镇组织验收销号。</p>")
    else:
        body = (f"<dl class=\"zz-fields\"><dt>ID</dt><dd>{h['id']}</dd><dt>Town</dt><dd>{h['town'][2]}</dd>"
                f"<dt>Industry domain</dt><dd>{h['domain'][2]}</dd>"
                f"<dt>Address</dt><dd>No. {h['road']} Renmin Road, {h['town'][2]}</dd></dl>"
                f"<h2>Discovery</h2><p>Found during a work-safety inspection in {h['town'][2]}: {h['hazard'][1]}. "
                f"Immediate rectification was ordered and the item entered in the hazard ledger. "
                f"Inspector {h['person']}, Emergency Management Bureau. Evaluated under {NOTICE_NUMBER}.</p>"
                f"<h2>Rectification</h2><p>The principal is first responsible; the deadline is {h['days']} days; "
                f"the town accepts and closes the item when the work is done.</p>")
    return title, _page(lang, 3, title, body, marker)


def write_site(out: Path | str, n: int, seed: int = 1) -> Path:
    """Write the synthetic site for both languages; returns ``out``."""
    out = Path(out)
    rng = random.Random(seed)
    hazards = [hazard(i, rng) for i in range(1, n + 1)]
    for lang in ("zh", "en"):
        root = out if lang == "zh" else out / "en"
        zh = lang == "zh"
        rows = []
        for h in hazards:
            title, text = _hazard_page(h, lang)
            rel = f"hazards/{h['id'].lower()}"
            _write(root, rel, text)
            rows.append(f'<li><a href="{h["id"].lower()}/">{html.escape(title)}</a></li>')
        # Marked as the site marks its listings of records (generators/site/pages.py): left out of the index.
        _write(root, "hazards", _page(lang, 1, "问题隐患" if zh else "Hazards", "<ul>" + "".join(rows[:200]) + "</ul>",
                                      '<div class="zz-listing" hidden></div>'))
        for slug, name_zh, name_en in TOWNS:
            count = sum(1 for h in hazards if h["town"][0] == slug)
            body = (f"<p>{name_zh}共有问题隐患{count}项。</p>" if zh else f"<p>{name_en} has {count} hazards.</p>")
            town_marker = _marker({"data-id": slug, "data-type": "organisation",
                                   "data-town": name_zh if zh else name_en, "data-withdrawn": "false"})
            _write(root, f"towns/{slug}", _page(lang, 2, name_zh if zh else name_en, body, town_marker))
        notice_title = (f"关于开展安全生产专项整治评估工作的通知（{NOTICE_NUMBER}）" if zh
                        else f"Notice on evaluating the work-safety campaigns ({NOTICE_NUMBER})")
        notice_body = (f"<p>发文字号：{NOTICE_NUMBER}。各区镇、各有关部门：现将《海门区安全生产专项整治评估规范》"
                       "印发给你们。</p>" if zh else
                       f"<p>Document number: {NOTICE_NUMBER}. To every town and department: "
                       "the evaluation rules are issued herewith.</p>")
        notice_marker = _marker({"data-id": "haianweiban-2022-17", "data-type": "notice",
                                 "data-type-label": "通知" if zh else "Notice", "data-year": "2022",
                                 "data-doc-number": NOTICE_NUMBER, "data-withdrawn": "false"})
        _write(root, "notices/haianweiban-2022-17", _page(lang, 2, notice_title, notice_body, notice_marker))
        # A page that must never be indexed: it carries the classified marker.
        secret = _marker({"data-id": "SECRET-1", "data-type": "hazard", "data-classified": "秘密",
                          "data-withdrawn": "false"})
        _write(root, "hazards/secret-1", _page(lang, 2, "涉密记录", f"<p>{CLASSIFIED_TEXT}</p>", secret))
        _write(root, "", _page(lang, 0, "整治评估档案库" if zh else "Evaluation archive",
                               f'<p><a href="hazards/">{"问题隐患" if zh else "Hazards"}</a></p>'))
        _write(root, "search", _page(lang, 1, "搜索" if zh else "Search", '<div id="zz-search"></div>',
                                     '<div class="zz-unindexed" hidden></div>', search_page=True))
    return out
