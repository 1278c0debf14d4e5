"""Invented names and the hazard wording staff search for (消防通道, 动火作业, 有限空间 …).

Every pair is (Chinese, English). Nothing here names a real enterprise or person.
"""

from __future__ import annotations

SURNAMES = [
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("吴", "Wu"),
    ("周", "Zhou"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("朱", "Zhu"),
    ("高", "Gao"),
    ("沈", "Shen"),
    ("施", "Shi"),
    ("顾", "Gu"),
    ("陆", "Lu"),
    ("茅", "Mao"),
    ("倪", "Ni"),
    ("季", "Ji"),
    ("瞿", "Qu"),
    ("龚", "Gong"),
    ("袁", "Yuan"),
]
GIVEN = [
    ("建国", "Jianguo"),
    ("海燕", "Haiyan"),
    ("志强", "Zhiqiang"),
    ("晓东", "Xiaodong"),
    ("丽华", "Lihua"),
    ("卫东", "Weidong"),
    ("静", "Jing"),
    ("磊", "Lei"),
    ("敏", "Min"),
    ("军", "Jun"),
    ("红梅", "Hongmei"),
    ("振华", "Zhenhua"),
    ("春燕", "Chunyan"),
    ("国平", "Guoping"),
    ("亚峰", "Yafeng"),
    ("小军", "Xiaojun"),
    ("文斌", "Wenbin"),
    ("玉琴", "Yuqin"),
    ("宏伟", "Hongwei"),
    ("佳怡", "Jiayi"),
    ("俊杰", "Junjie"),
    ("雪梅", "Xuemei"),
    ("德明", "Deming"),
    ("秋生", "Qiusheng"),
    ("美娟", "Meijuan"),
    ("永康", "Yongkang"),
]

BRANDS = [
    ("恒达", "Hengda"),
    ("通盛", "Tongsheng"),
    ("江海", "Jianghai"),
    ("东灶", "Dongzao"),
    ("瑞丰", "Ruifeng"),
    ("新源", "Xinyuan"),
    ("华泰", "Huatai"),
    ("金港", "Jingang"),
    ("宏宇", "Hongyu"),
    ("海晟", "Haisheng"),
    ("润邦", "Runbang"),
    ("天成", "Tiancheng"),
    ("长江", "Changjiang"),
    ("永鑫", "Yongxin"),
    ("锦程", "Jincheng"),
    ("嘉禾", "Jiahe"),
    ("蓝海", "Lanhai"),
    ("启东", "Qidong"),
    ("叠石", "Dieshi"),
    ("银河", "Yinhe"),
    ("青龙", "Qinglong"),
    ("富民", "Fumin"),
    ("安澜", "Anlan"),
    ("德润", "Derun"),
    ("星辰", "Xingchen"),
    ("联发", "Lianfa"),
    ("鸿运", "Hongyun"),
    ("沙地", "Shadi"),
    ("圩角", "Weijiao"),
    ("汇丰", "Huifeng"),
]
ROADS = [
    ("人民路", "Renmin Road"),
    ("长江路", "Changjiang Road"),
    ("北京路", "Beijing Road"),
    ("工业路", "Gongye Road"),
    ("纬三路", "Weisan Road"),
    ("经二路", "Jing'er Road"),
    ("沿江公路", "Yanjiang Highway"),
    ("海兴路", "Haixing Road"),
    ("通海路", "Tonghai Road"),
    ("东洲路", "Dongzhou Road"),
    ("青海路", "Qinghai Road"),
    ("富江路", "Fujiang Road"),
]

# Kinds of enterprise per domain: (Chinese suffix, English suffix).
ENTERPRISE_KINDS = {
    "hazchem": [
        ("化工有限公司", "Chemical Co., Ltd."),
        ("精细化工有限公司", "Fine Chemicals Co., Ltd."),
        ("化学品仓储有限公司", "Chemical Storage Co., Ltd."),
        ("加油站", "Filling Station"),
    ],
    "coal": [("能源有限公司", "Energy Co., Ltd.")],
    "non-coal": [("建材有限公司", "Building Materials Co., Ltd."), ("砂石有限公司", "Sand and Gravel Co., Ltd.")],
    "fire-safety": [
        ("商贸城", "Trade Mall"),
        ("大酒店", "Hotel"),
        ("家纺有限公司", "Home Textiles Co., Ltd."),
        ("养老院", "Care Home"),
        ("KTV娱乐有限公司", "KTV Entertainment Co., Ltd."),
    ],
    "road": [
        ("物流有限公司", "Logistics Co., Ltd."),
        ("汽车运输有限公司", "Motor Transport Co., Ltd."),
        ("危险货物运输有限公司", "Dangerous Goods Transport Co., Ltd."),
    ],
    "transport-other": [
        ("港务有限公司", "Port Co., Ltd."),
        ("快递有限公司", "Express Co., Ltd."),
        ("渔业合作社", "Fishery Cooperative"),
    ],
    "construction": [
        ("建设工程有限公司", "Construction Engineering Co., Ltd."),
        ("置业有限公司", "Real Estate Co., Ltd."),
        ("燃气有限公司", "Gas Co., Ltd."),
    ],
    "parks": [
        ("机械制造有限公司", "Machinery Co., Ltd."),
        ("木业有限公司", "Wood Products Co., Ltd."),
        ("金属制品有限公司", "Metal Products Co., Ltd."),
        ("纺织科技有限公司", "Textile Technology Co., Ltd."),
    ],
    "hazwaste": [
        ("环保科技有限公司", "Environmental Technology Co., Ltd."),
        ("电镀有限公司", "Electroplating Co., Ltd."),
    ],
    "gas": [
        ("餐饮有限公司", "Catering Co., Ltd."),
        ("液化气供应站", "LPG Supply Station"),
        ("燃气有限公司", "Gas Co., Ltd."),
    ],
}

# Hazard wording per domain: (category, Chinese, English, may be major).
HAZARDS = {
    "hazchem": [
        (
            "unsafe-condition",
            "危险化学品储存仓库内甲类物品与乙类物品混存，未按规定分区分类储存",
            "Class A and Class B goods stored together in the hazardous chemicals warehouse, not separated by class",
            True,
        ),
        (
            "unsafe-act",
            "动火作业未办理动火作业许可证，作业现场未配备灭火器材",
            "Hot work carried out without a hot-work permit and without fire extinguishers on site",
            False,
        ),
        (
            "unsafe-act",
            "有限空间作业未执行“先通风、再检测、后作业”要求，未设置监护人员",
            "Confined-space entry without ventilating and testing first, and no attendant posted",
            True,
        ),
        (
            "management-defect",
            "特种作业人员（危险化工工艺操作）未持证上岗",
            "Special-operations workers (hazardous chemical processes) working without certificates",
            True,
        ),
        (
            "management-defect",
            "企业应急预案未按规定备案，未开展年度应急演练",
            "Emergency plan not filed as required; no annual emergency drill held",
            False,
        ),
        (
            "unsafe-condition",
            "储罐区可燃有毒气体检测报警装置失效，未与紧急切断装置联锁",
            "Combustible and toxic gas detectors in the tank farm out of order and not interlocked with the "
            "emergency shut-off",
            True,
        ),
        (
            "unsafe-condition",
            "危险化学品储存场所安全出口数量不足，疏散通道堆放杂物",
            "Too few emergency exits at the hazardous chemicals store; evacuation route cluttered",
            False,
        ),
    ],
    "non-coal": [
        (
            "unsafe-condition",
            "露天堆场边坡未定期开展稳定性监测，存在滑塌风险",
            "Slope of the open stockyard not monitored for stability; risk of collapse",
            False,
        ),
        (
            "management-defect",
            "特种作业人员（铲车司机）未持证上岗，安全培训记录缺失",
            "Special-operations worker (loader driver) without a certificate; no training record",
            False,
        ),
    ],
    "fire-safety": [
        (
            "unsafe-condition",
            "消防通道被堆放货物占用，净宽度不足4米",
            "Fire lane blocked by stored goods; clear width under 4 metres",
            False,
        ),
        (
            "unsafe-condition",
            "安全出口上锁，疏散指示标志和应急照明损坏",
            "Emergency exit locked; evacuation signs and emergency lighting broken",
            True,
        ),
        (
            "unsafe-condition",
            "人员密集场所使用易燃可燃材料装修",
            "Combustible decoration materials used in a crowded place",
            True,
        ),
        (
            "management-defect",
            "消防控制室值班人员未持证上岗，未落实24小时双人值班",
            "Fire control room operators without certificates; no 24-hour two-person watch",
            False,
        ),
        (
            "unsafe-act",
            "电动自行车在楼道、安全出口处停放充电",
            "Electric bicycles parked and charged in the stairwell and at the emergency exit",
            False,
        ),
        (
            "unsafe-condition",
            "“三合一”场所住宿与生产经营区域未有效防火分隔",
            "Living quarters not fire-separated from production in a 'three-in-one' premises",
            True,
        ),
        (
            "management-defect",
            "未制定灭火和应急疏散预案，员工不会使用灭火器",
            "No fire-fighting and evacuation plan; staff cannot use extinguishers",
            False,
        ),
    ],
    "road": [
        (
            "unsafe-condition",
            "重型货车卫星定位装置未接入动态监控平台",
            "Heavy goods vehicles' satellite positioning devices not connected to the monitoring platform",
            False,
        ),
        (
            "unsafe-act",
            "驾驶员疲劳驾驶、超时驾驶，动态监控记录缺失",
            "Drivers driving while fatigued and over hours; monitoring records missing",
            False,
        ),
        (
            "unsafe-condition",
            "危险货物运输车辆罐体未按期检验，紧急切断阀失效",
            "Tank of a dangerous-goods vehicle overdue for inspection; emergency shut-off valve failed",
            True,
        ),
        (
            "management-defect",
            "企业未制定道路运输事故应急预案，未开展应急演练",
            "No road-transport accident emergency plan; no drills held",
            False,
        ),
        (
            "management-defect",
            "押运员、驾驶员等从业人员资格证过期",
            "Escorts' and drivers' qualification certificates expired",
            False,
        ),
    ],
    "transport-other": [
        (
            "unsafe-condition",
            "渔业船舶救生衣、救生圈配备不足，AIS设备未正常开启",
            "Too few lifejackets and lifebuoys on the fishing vessel; AIS not switched on",
            False,
        ),
        (
            "unsafe-condition",
            "码头装卸作业区安全出口堵塞，未设置警示标志",
            "Emergency exit of the wharf loading area blocked; no warning signs",
            False,
        ),
        (
            "unsafe-condition",
            "快递分拨中心消防通道被包裹占用",
            "Fire lane of the parcel sorting centre blocked by parcels",
            False,
        ),
    ],
    "construction": [
        (
            "unsafe-condition",
            "深基坑支护未按专项施工方案施工，未开展监测",
            "Deep excavation support not built to the special construction plan; no monitoring",
            True,
        ),
        (
            "management-defect",
            "塔吊司机、信号工等特种作业人员无证上岗",
            "Tower crane operators and signallers (special operations) working without certificates",
            True,
        ),
        (
            "unsafe-condition",
            "高处作业临边、洞口防护缺失",
            "Edge and opening protection missing for work at height",
            False,
        ),
        (
            "unsafe-act",
            "施工现场动火作业未配备看火人，未清理周边可燃物",
            "Hot work on site without a fire watch and without clearing combustibles",
            False,
        ),
        (
            "unsafe-condition",
            "高大模板支撑体系未经验收即浇筑混凝土",
            "Concrete poured on high formwork support before acceptance",
            True,
        ),
    ],
    "parks": [
        (
            "unsafe-condition",
            "粉尘涉爆企业除尘系统未按规定设置泄爆装置",
            "Dust-explosion risk: dust collection system without explosion venting",
            True,
        ),
        (
            "management-defect",
            "有限空间未设置警示标识，未建立有限空间管理台账",
            "Confined spaces without warning signs and without a register",
            False,
        ),
        (
            "unsafe-condition",
            "粉尘涉爆车间积尘未及时清理，电气设备不防爆",
            "Dust-explosion risk: accumulated dust in the workshop, electrical equipment not explosion-proof",
            True,
        ),
        (
            "management-defect",
            "园区封闭化管理卡口未正常运行，危险化学品车辆进出无登记",
            "Park access control points not operating; hazardous chemical vehicles enter without registration",
            False,
        ),
    ],
    "hazwaste": [
        (
            "unsafe-condition",
            "危险废物贮存场所未设置防渗漏措施和识别标志",
            "Hazardous waste store without anti-seepage measures and identification signs",
            False,
        ),
        (
            "management-defect",
            "危险废物超期贮存，转移联单填报不规范",
            "Hazardous waste stored beyond the permitted period; transfer manifests incomplete",
            False,
        ),
        (
            "unsafe-condition",
            "废矿物油与其他危险废物混存，应急预案未备案",
            "Waste mineral oil stored together with other hazardous waste; emergency plan not filed",
            False,
        ),
    ],
    "gas": [
        (
            "unsafe-condition",
            "餐饮场所使用液化石油气未安装可燃气体报警器和紧急切断装置",
            "LPG used in a restaurant without a gas detector and an emergency shut-off device",
            True,
        ),
        (
            "unsafe-condition",
            "燃气软管超过2米且穿墙使用，存在老化龟裂",
            "Gas hose longer than 2 metres running through a wall; cracked with age",
            False,
        ),
        (
            "management-defect",
            "瓶装燃气供应站超量储存，安全出口被钢瓶堵塞",
            "Bottled gas station storing more than permitted; emergency exit blocked by cylinders",
            True,
        ),
        (
            "unsafe-condition",
            "城镇燃气管道被违章建筑占压",
            "Town gas pipeline built over by an illegal structure",
            False,
        ),
    ],
}

MAJOR_CLAUSES = {
    "hazchem": (
        "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第{n}项",
        "Criteria for major accident hazards in chemical and hazardous chemical enterprises (trial), item {n}",
    ),
    "fire-safety": (
        "《重大火灾隐患判定方法》（GB 35181-2017）第6.{n}条",
        "GB 35181-2017 Determination of major fire hazards, clause 6.{n}",
    ),
    "road": (
        "《道路危险货物运输安全生产重大事故隐患判定标准》第{n}条",
        "Criteria for major accident hazards in road dangerous-goods transport, article {n}",
    ),
    "construction": (
        "《房屋市政工程生产安全重大事故隐患判定标准（2022版）》第{n}条",
        "Criteria for major accident hazards in building and municipal works (2022), article {n}",
    ),
    "parks": (
        "《工贸行业重大生产安全事故隐患判定标准（2017版）》第{n}项",
        "Criteria for major accident hazards in industry and trade (2017), item {n}",
    ),
    "gas": (
        "《城镇燃气经营安全重大隐患判定标准》第{n}条",
        "Criteria for major safety hazards in town gas operations, article {n}",
    ),
}
