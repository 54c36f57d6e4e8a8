#!/usr/bin/env python3
"""Deterministic sample generator for the jgsw-pilot rubric (PilotEval).

Writes one evaluation round per requested round id:

    OUT/<round>/submissions/*.xml          one self-assessment report per unit
    OUT/<round>/submissions/broken/*.xml   deliberately broken files (must be rejected)
    OUT/<round>/reviews/*.xml              expert reviews (<unit>-<reviewer>.xml)
    OUT/<round>/README.md                  what the round contains and why

Usage:
    python3 Tools/generate-samples.py                 # round 2025H1 into Samples/
    python3 Tools/generate-samples.py --rounds 3      # 2025H1, 2025H2, 2026H1
    python3 Tools/generate-samples.py --out /tmp/s --rubric Rubrics/jgsw-pilot.xml

Python 3 standard library only. Output is deterministic: every random draw
comes from a random.Random seeded with a string naming what it is for
(unit, round, reviewer ...), nothing depends on time, the environment or
directory listing order, so a round's files are the same whether one or
three rounds are generated.

The model (see README.md of a generated round):
  * each unit has a latent capability in 0..1 (region, administrative level
    and an archetype shape it), a per-section profile, a per-criterion
    offset, a tendency to overstate, and a growth rate;
  * its true performance on a criterion is capability + section profile +
    criterion offset + a little round noise; what it claims is that plus
    its overstatement; its <data> statistics follow the true performance
    (self-reported ratios inflated slightly by overstatement);
  * experts (E01..E12, a panel of five per region) perceive the true
    performance with their own bias and noise, and correct claims that are
    clearly above what they see, more readily for units that overstate;
    E04 is lenient, E09 is harsh, E07 is erratic;
  * between rounds capability grows by rate × (1 − capability): most
    laggards improve, a few stall;
  * after each round but the last, the programme office arranges 结对帮扶
    pairings (OUT/<round>/pairings.csv): about half of the units that are
    not exemplars, picked at random, learn from the strongest exemplar of
    their region (or of the whole programme); a paired unit gains an extra
    PAIRING_BOOST × (1 − capability) by the next round, so the trend
    analysis has a planted effect to find.
"""

import argparse
import math
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

SEED = "piloteval-samples-v1"
RUBRIC_NS = "urn:piloteval:rubric:1"
SUB_NS = "urn:piloteval:submission:1"
REV_NS = "urn:piloteval:review:1"

# round id -> (year, month of submission, first day, last day)
ROUNDS = [
    ("2025H1", 2025, 6, 6, 30),
    ("2025H2", 2025, 12, 5, 26),
    ("2026H1", 2026, 6, 5, 30),
]

# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------

# region -> (province admin code for DB standards, capability effect)
REGIONS = {
    "广西": ("45", -0.03),
    "四川": ("51", 0.02),
    "湖北": ("42", 0.02),
    "浙江": ("33", 0.06),
    "江苏": ("32", 0.05),
    "山东": ("37", 0.03),
    "广东": ("44", 0.04),
    "河南": ("41", -0.02),
    "湖南": ("43", 0.0),
    "福建": ("35", 0.02),
    "天津": ("12", 0.0),
    "云南": ("53", -0.04),
}
LEVEL_EFFECT = {"省级": 0.05, "市级": 0.0, "县级": -0.08}

MGT = "机关事务管理局"
SVC = "机关事务服务中心"
NRG = "公共机构节能中心"
LOG = "机关后勤服务中心"

# id, name, region, level, category, admin code used for local standards
UNITS = [
    ("GX-00-01", "广西壮族自治区机关事务管理局", "广西", "省级", MGT, "45"),
    ("GX-NN-01", "南宁市机关事务管理局", "广西", "市级", MGT, "4501"),
    ("GX-LZ-01", "柳州市机关事务管理局", "广西", "市级", MGT, "4502"),
    ("GX-GL-01", "桂林市机关后勤服务中心", "广西", "市级", LOG, "4503"),
    ("GX-NN-02", "宾阳县机关事务服务中心", "广西", "县级", SVC, "4501"),
    ("SC-00-01", "四川省机关事务管理局", "四川", "省级", MGT, "51"),
    ("SC-CD-01", "成都市机关事务管理局", "四川", "市级", MGT, "5101"),
    ("SC-MY-01", "绵阳市机关事务管理局", "四川", "市级", MGT, "5107"),
    ("SC-YB-01", "宜宾市公共机构节能中心", "四川", "市级", NRG, "5115"),
    ("SC-CD-02", "成都市双流区机关事务服务中心", "四川", "县级", SVC, "5101"),
    ("SC-LS-01", "乐山市机关后勤服务中心", "四川", "市级", LOG, "5111"),
    ("HB-00-01", "湖北省机关事务管理局", "湖北", "省级", MGT, "42"),
    ("HB-WH-01", "武汉市机关事务管理局", "湖北", "市级", MGT, "4201"),
    ("HB-SY-01", "十堰市机关事务服务中心", "湖北", "市级", SVC, "4203"),
    ("HB-YC-01", "宜昌市机关事务服务中心", "湖北", "市级", SVC, "4205"),
    ("HB-SY-02", "郧西县机关事务服务中心", "湖北", "县级", SVC, "4203"),
    ("ZJ-00-01", "浙江省机关事务管理局", "浙江", "省级", MGT, "33"),
    ("ZJ-HZ-01", "杭州市机关事务管理局", "浙江", "市级", MGT, "3301"),
    ("ZJ-NB-01", "宁波市机关事务管理局", "浙江", "市级", MGT, "3302"),
    ("ZJ-HU-01", "湖州市公共机构节能中心", "浙江", "市级", NRG, "3305"),
    ("ZJ-HU-02", "安吉县机关事务服务中心", "浙江", "县级", SVC, "3305"),
    ("JS-00-01", "江苏省机关事务管理局", "江苏", "省级", MGT, "32"),
    ("JS-NJ-01", "南京市机关事务管理局", "江苏", "市级", MGT, "3201"),
    ("JS-SZ-01", "苏州市机关事务管理局", "江苏", "市级", MGT, "3205"),
    ("JS-WX-01", "无锡市机关后勤服务中心", "江苏", "市级", LOG, "3202"),
    ("JS-SZ-02", "昆山市机关事务服务中心", "江苏", "县级", SVC, "3205"),
    ("SD-00-01", "山东省机关事务管理局", "山东", "省级", MGT, "37"),
    ("SD-JN-01", "济南市机关事务服务中心", "山东", "市级", SVC, "3701"),
    ("SD-QD-01", "青岛市机关事务管理局", "山东", "市级", MGT, "3702"),
    ("SD-WF-01", "潍坊市公共机构节能中心", "山东", "市级", NRG, "3707"),
    ("SD-WF-02", "寿光市机关事务服务中心", "山东", "县级", SVC, "3707"),
    ("GD-00-01", "广东省机关事务管理局", "广东", "省级", MGT, "44"),
    ("GD-GZ-01", "广州市机关事务管理局", "广东", "市级", MGT, "4401"),
    ("GD-SZ-01", "深圳市机关事务管理局", "广东", "市级", MGT, "4403"),
    ("GD-FS-01", "佛山市机关后勤服务中心", "广东", "市级", LOG, "4406"),
    ("GD-FS-02", "佛山市顺德区机关事务服务中心", "广东", "县级", SVC, "4406"),
    ("HA-00-01", "河南省机关事务管理局", "河南", "省级", MGT, "41"),
    ("HA-ZZ-01", "郑州市机关事务管理局", "河南", "市级", MGT, "4101"),
    ("HA-LY-01", "洛阳市机关后勤服务中心", "河南", "市级", LOG, "4103"),
    ("HA-ZZ-02", "新郑市机关事务服务中心", "河南", "县级", SVC, "4101"),
    ("HN-00-01", "湖南省机关事务管理局", "湖南", "省级", MGT, "43"),
    ("HN-CS-01", "长沙市机关事务管理局", "湖南", "市级", MGT, "4301"),
    ("HN-ZZ-01", "株洲市公共机构节能中心", "湖南", "市级", NRG, "4302"),
    ("HN-CS-02", "浏阳市机关事务服务中心", "湖南", "县级", SVC, "4301"),
    ("FJ-00-01", "福建省机关事务管理局", "福建", "省级", MGT, "35"),
    ("FJ-FZ-01", "福州市机关事务管理局", "福建", "市级", MGT, "3501"),
    ("FJ-XM-01", "厦门市机关事务管理局", "福建", "市级", MGT, "3502"),
    ("FJ-QZ-02", "晋江市机关事务服务中心", "福建", "县级", SVC, "3505"),
    ("TJ-00-01", "天津市机关事务管理局", "天津", "省级", MGT, "12"),
    ("TJ-00-02", "天津市公共机构节能中心", "天津", "省级", NRG, "12"),
    ("TJ-HP-01", "天津市和平区机关事务服务中心", "天津", "县级", SVC, "12"),
    ("YN-00-01", "云南省机关事务管理局", "云南", "省级", MGT, "53"),
    ("YN-KM-01", "昆明市机关事务管理局", "云南", "市级", MGT, "5301"),
    ("YN-QJ-01", "曲靖市机关后勤服务中心", "云南", "市级", LOG, "5303"),
    ("YN-DL-01", "大理白族自治州机关事务管理局", "云南", "市级", MGT, "5329"),
    ("YN-BS-02", "腾冲市机关事务服务中心", "云南", "县级", SVC, "5305"),
]

# Archetypes give the round a story; every other unit is "typical".
#   exemplar   strong and balanced, honest
#   lopsided   strong overall but weak in 标准制修订 (fails the section floor)
#   overstater middling, claims much more than it does
#   laggard    weak; most improve over rounds ("stall" ones do not)
ARCHETYPES = {
    "SC-00-01": "exemplar",   # first-batch pilot (2018)
    "HB-SY-01": "exemplar",   # first-batch pilot (2018)
    "ZJ-00-01": "exemplar",
    "JS-SZ-01": "exemplar",
    "ZJ-HZ-01": "exemplar",
    "GD-SZ-01": "lopsided",
    "HA-LY-01": "overstater",
    "YN-QJ-01": "overstater",
    "GX-GL-01": "overstater",
    "SD-WF-02": "overstater",
    "YN-BS-02": "laggard",
    "GX-NN-02": "laggard",
    "HN-CS-02": "laggard",
    "HA-ZZ-02": "laggard-stall",
    "TJ-HP-01": "laggard-stall",
}
VETOED_UNIT = {"2025H1": "HB-YC-01"}          # major safety incident in the period
SUPERVISION_NOTICE = {"2025H1": "HA-ZZ-02"}    # D3: criticised by a supervision check
PAIRING_SHARE = 0.5                            # share of non-exemplars paired after a round
PAIRING_BOOST = 0.12                           # extra growth of a paired unit by the next round
GB18030_UNIT = "GD-FS-01"                      # the one file written in GB18030
DUPLICATE_OF = "GX-NN-01"                      # broken/ duplicate submission copies this unit

# --------------------------------------------------------------------------
# Experts
# --------------------------------------------------------------------------

# id -> (bias on perceived performance, noise sd, readiness to correct)
EXPERTS = {
    "E01": (0.00, 0.05, 1.0),
    "E02": (0.00, 0.05, 1.0),
    "E03": (0.02, 0.04, 1.0),
    "E04": (0.10, 0.06, 0.4),   # lenient
    "E05": (0.00, 0.05, 1.0),
    "E06": (-0.02, 0.05, 1.0),
    "E07": (0.00, 0.09, 0.9),   # erratic
    "E08": (0.00, 0.04, 1.0),
    "E09": (-0.10, 0.05, 1.3),  # harsh
    "E10": (0.00, 0.05, 1.0),
    "E11": (0.03, 0.05, 0.9),
    "E12": (-0.03, 0.05, 1.0),
}

# --------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------

EVIDENCE = {
    "C1.1": [("组织保障/领导小组通知.pdf", "关于成立机关事务标准化试点工作领导小组的通知"),
             ("组织保障/试点任务分工表.xlsx", "标准化试点工作任务分工及责任清单"),
             ("组织保障/领导小组会议纪要.pdf", "标准化试点工作领导小组专题会议纪要"),
             ("组织保障/年度工作要点.pdf", "{year}年标准化试点工作要点")],
    "C1.2": [("组织保障/标准化人员名单.xlsx", "标准化工作人员名单及职责"),
             ("组织保障/培训签到表.pdf", "标准化专题培训签到表及课件"),
             ("组织保障/培训结业证书.pdf", "省级标准化业务培训结业证书"),
             ("组织保障/专家指导记录.pdf", "标准化专家现场指导记录")],
    "C1.3": [("组织保障/试点工作方案.pdf", "机关事务标准化试点工作实施方案"),
             ("组织保障/标准化管理办法.pdf", "机关事务标准化管理办法"),
             ("组织保障/经费预算批复.pdf", "{year}年部门预算批复（标准化试点经费）")],
    "C1.4": [("组织保障/台账目录.xlsx", "试点工作台账总目录"),
             ("组织保障/台账管理规定.pdf", "试点工作台账管理规定")],
    "C2.1": [("标准体系/标准体系表.pdf", "机关事务标准体系表（正式印发稿）"),
             ("标准体系/印发通知.pdf", "关于印发机关事务标准体系的通知"),
             ("标准体系/标准明细表.xlsx", "标准明细表及统计表"),
             ("标准体系/体系结构图.pdf", "标准体系结构图")],
    "C2.2": [("标准体系/业务事项清单.xlsx", "机关事务业务事项与标准对照清单"),
             ("标准体系/覆盖率测算说明.pdf", "标准业务覆盖率测算说明")],
    "C2.3": [("标准体系/标准复审制度.pdf", "标准复审管理规定"),
             ("标准体系/复审结论.pdf", "{year}年标准复审结论汇总表"),
             ("标准体系/标准清理通知.pdf", "关于废止和修订部分标准的通知")],
    "C2.4": [("标准体系/体系表修订说明.pdf", "标准体系表修订说明"),
             ("标准体系/动态维护机制.pdf", "标准体系动态维护工作机制")],
    "C3.1": [("标准制修订/地方标准发布公告.pdf", "地方标准发布公告"),
             ("标准制修订/标准文本汇编.pdf", "主导制定地方标准文本汇编"),
             ("标准制修订/立项批复.pdf", "地方标准制修订项目立项批复")],
    "C3.2": [("标准制修订/起草单位证明.pdf", "国家/行业标准起草单位证明"),
             ("标准制修订/标准征求意见稿.pdf", "参与起草标准的征求意见稿")],
    "C3.3": [("标准制修订/审查会议纪要.pdf", "标准技术审查会议纪要"),
             ("标准制修订/征求意见汇总.xlsx", "标准征求意见汇总处理表"),
             ("标准制修订/编制说明.pdf", "标准编制说明")],
    "C4.1": [("标准实施/宣贯实施方案.pdf", "标准宣贯实施方案"),
             ("标准实施/宣贯培训照片.pdf", "标准宣贯培训现场照片"),
             ("标准实施/岗位标准手册.pdf", "岗位标准手册（口袋书）"),
             ("标准实施/知晓率抽测.xlsx", "岗位人员标准知晓率抽测结果")],
    "C4.2": [("标准实施/执行记录抽查表.xlsx", "标准执行记录抽查统计表"),
             ("标准实施/标准实施情况报告.pdf", "{year}年标准实施情况报告"),
             ("标准实施/服务记录样本.pdf", "公务用车、会议服务等执行记录样本")],
    "C4.3": [("标准实施/监督检查办法.pdf", "标准实施监督检查办法"),
             ("标准实施/检查问题清单.xlsx", "监督检查问题清单"),
             ("标准实施/整改台账.xlsx", "问题整改台账及销号记录")],
    "C4.4": [("标准实施/信息系统截图.pdf", "机关事务管理信息系统标准嵌入功能截图"),
             ("标准实施/信息化建设方案.pdf", "机关事务信息化平台建设方案")],
    "C5.1": [("评价改进/自我评价报告.pdf", "{year}年标准化工作自我评价报告"),
             ("评价改进/自我评价记录.xlsx", "自我评价打分记录")],
    "C5.2": [("评价改进/满意度调查报告.pdf", "服务对象满意度调查报告"),
             ("评价改进/调查问卷.pdf", "满意度调查问卷样表")],
    "C5.3": [("评价改进/持续改进计划.pdf", "标准化工作持续改进计划"),
             ("评价改进/改进措施落实情况.pdf", "改进措施落实情况说明")],
    "C6.1": [("成效与示范/试点任务书.pdf", "标准化试点任务书"),
             ("成效与示范/目标完成情况.xlsx", "试点目标任务完成情况对照表")],
    "C6.2": [("成效与示范/能耗统计报表.xlsx", "公共机构能源资源消费统计报表"),
             ("成效与示范/节能成效分析.pdf", "降本节能成效分析报告")],
    "C6.3": [("成效与示范/经验推广简报.pdf", "经验做法刊发简报"),
             ("成效与示范/现场会通知.pdf", "标准化工作现场会通知"),
             ("成效与示范/考察学习记录.pdf", "外地单位考察学习接待记录"),
             ("成效与示范/帮扶指导记录.pdf", "对口指导非试点单位工作记录")],
}

BONUS_EVIDENCE = {
    "B1": ("加分/国家标准发布公告.pdf", "国家标准发布公告及起草单位名单"),
    "B2": ("加分/行业标准发布公告.pdf", "行业标准发布公告及起草单位名单"),
    "B3": ("加分/国家级表彰决定.pdf", "国家级表彰决定"),
    "B4": ("加分/省部级表彰通报.pdf", "省部级表彰通报"),
    "B5": ("加分/典型案例通报.pdf", "国管局标准化创新典型案例通报"),
}
FALSE_BONUS_EVIDENCE = {
    "B4": ("加分/市级表彰文件.pdf", "市直机关工委表彰文件"),
    "B5": ("加分/媒体报道.pdf", "地方媒体专题报道截图"),
}

NA_REASONS = {
    "C3.2": ["本单位为县级试点单位，未承担国家标准、行业标准起草任务",
             "试点期内上级未安排本单位参与国家或行业标准制修订"],
    "C4.4": ["本单位未单独建设机关事务管理信息系统，公务用车、公物仓等业务使用省级统一平台",
             "本级机关事务信息化平台纳入市级统一建设，尚未交付使用"],
}

LOCAL_STANDARD_TITLES = [
    "机关办公用房维修管理规范", "公务用车运行服务规范", "机关会议服务规范",
    "机关食堂餐饮服务规范", "公共机构能耗定额", "机关物业服务质量规范",
    "公共机构生活垃圾分类管理规范", "机关公物仓管理规范", "党政机关办公用房使用管理规范",
    "机关文印服务规范", "公共机构节水管理规范", "机关事务服务满意度评价指南",
    "公务接待服务规范", "机关安全保卫服务规范",
]
NATIONAL_STANDARD_TITLES = [
    ("national", "机关事务管理 术语"), ("national", "公共机构能源资源管理绩效评价导则"),
    ("industry", "机关运行成本统计指南"), ("industry", "机关会议服务质量评价规范"),
]
RECTIFICATION_TITLES = [
    "会议室设备巡检记录不全", "食堂留样记录缺失", "公务用车派车单未按标准填写",
    "办公用房使用台账未及时更新", "物业保洁检查频次不足", "能耗分项计量表未按期校验",
    "公物仓出入库登记不规范", "消防设施月检记录缺页",
]
PROMOTIONS = {
    "national": "试点经验做法在国管局《机关事务工作动态》刊发",
    "provincial": "试点经验做法在省级机关事务主管部门简报推广",
    "municipal": "在市直机关事务工作会议上作交流发言",
}

DOWN_COMMENTS = {
    "C1.1": ["领导小组专题研究会议纪要仅见1份，研究频次不足。", "分工文件未明确各处室具体任务，按实际档次核定。"],
    "C1.2": ["培训签到表与课件不对应，部分培训不予认定。", "未见专家指导记录。"],
    "C1.3": ["试点经费未在部门预算中单列。", "标准化管理办法尚为征求意见稿。"],
    "C1.4": ["台账分类混乱，部分记录缺失。", "台账未实现电子化，检索困难。"],
    "C2.1": ["标准体系表为内部印发稿，未以正式文件发布。", "岗位工作标准子体系缺项较多。"],
    "C2.2": ["业务事项清单不完整，覆盖率按核实数据计算。"],
    "C2.3": ["未见复审结论文件。", "清理结果未公布。"],
    "C2.4": ["体系表发布后未见修订记录。"],
    "C3.2": ["起草单位证明显示仅参与征求意见，不属于参与起草。"],
    "C3.3": ["标准文本部分条款不可检查，编写不完全符合GB/T 1.1要求。", "未见标准技术审查会议纪要。"],
    "C4.1": ["宣贯仅覆盖机关干部，未覆盖外包服务人员。", "未见岗前培训记录。"],
    "C4.2": ["现场抽查执行记录，符合率低于申报数据，按抽查结果核定。"],
    "C4.3": ["整改台账未销号，闭环不完整。", "年度监督检查仅开展1次。"],
    "C4.4": ["系统仅实现线上审批，标准要求未嵌入业务流程。"],
    "C5.1": ["自我评价报告问题分析较简单。"],
    "C5.2": ["满意度调查样本量偏小，按复核结果计。"],
    "C5.3": ["改进措施未见落实效果验证。"],
    "C6.1": ["部分目标任务未完成，完成率按任务书逐项核定。"],
    "C6.2": ["能耗数据口径与统计报表不一致，按统计报表核定。"],
    "C6.3": ["经验推广材料为本单位内部简报，不予认定。", "未见对口指导工作记录。"],
}
GENERIC_DOWN = ["经核查台账，自评偏高，按实际情况核定。", "佐证材料不能完全支撑自评结论，酌情核减。",
                "现场查看情况与申报材料存在差距，予以调整。"]
UP_COMMENTS = ["现场核查发现工作成效优于自评，予以调整。", "补充查阅材料后认定，按实际档次计分。"]
PLAIN_COMMENTS = ["材料齐全，认可自评结果。", "建议进一步规范佐证材料归档。", "工作扎实，特色明显。"]
MISSING_COMMENTS = ["单位未填报本项，根据现场核查评定。"]
EVIDENCE_REJECT = ["材料为事后补制，不予认可。", "材料与本指标无关。", "文件未加盖公章，不予认可。"]
BONUS_REJECT = {"B4": "表彰文件为市级，不属于省部级表彰。", "B5": "媒体报道不属于国管局典型案例通报。"}
NOTES = ["详见台账目录第{n}册。", "本期新增材料已补充归档。", "相关工作纳入{year}年度重点任务推进。"]
INCIDENT_VETO_TEXT = "{year}年4月机关食堂燃气泄漏引发火灾，造成2人受伤，属重大安全责任事故。"

# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def rng_for(*parts):
    """A random.Random seeded by a string: stable across runs and Python builds."""
    return random.Random("|".join((SEED,) + tuple(str(p) for p in parts)))


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def fmt(x, places=3):
    """A number as SPEC writes it: -?[0-9]+(.[0-9]+)?, no exponent, no -0."""
    s = ("%." + str(places) + "f") % x
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def attrs(pairs):
    return "".join(' %s="%s"' % (k, esc(str(v))) for k, v in pairs if v is not None)


# --------------------------------------------------------------------------
# Rubric
# --------------------------------------------------------------------------


class Criterion:
    def __init__(self, el, section):
        r = "{%s}" % RUBRIC_NS
        self.id = el.get("id")
        self.title = el.get("title")
        self.points = float(el.get("points"))
        self.section = section
        self.optional = el.get("applicable") == "optional"
        self.key = el.get("key") == "true"
        self.measured = el.find(r + "measure") is not None
        ev = el.find(r + "evidence")
        self.evidence_min = 0 if ev is None else int(ev.get("min", "1"))
        self.method = None
        for m in ("levels", "scale", "bands", "checklist", "judgement"):
            node = el.find(r + m)
            if node is not None:
                self.method = m
                break
        if m == "levels":
            self.levels = [(l.get("code"), float(l.get("points"))) for l in node]
        elif m == "scale":
            self.lo, self.hi = float(node.get("from")), float(node.get("to"))
        elif m == "bands":
            self.bands = [(None if b.get("min") is None else float(b.get("min")),
                           None if b.get("max") is None else float(b.get("max")),
                           float(b.get("points"))) for b in node]
        elif m == "checklist":
            self.items = [(i.get("id"), float(i.get("points")), i.get("select") is not None)
                          for i in node]
        elif m == "judgement":
            self.step = float(node.get("step", "0")) or None


class Rubric:
    def __init__(self, path):
        r = "{%s}" % RUBRIC_NS
        root = ET.parse(path).getroot()
        self.id = root.get("id")
        self.version = root.get("version")
        self.criteria = []
        self.sections = []
        for sec in root.findall(r + "section"):
            self.sections.append((sec.get("id"), sec.get("title")))
            for c in sec.iter(r + "criterion"):
                self.criteria.append(Criterion(c, sec.get("id")))
        self.by_id = {c.id: c for c in self.criteria}
        self.bonuses = [(b.get("id"), float(b.get("points"))) for b in root.findall(r + "bonuses/" + r + "bonus")]
        self.deductions = [(d.get("id"), float(d.get("points")), d.get("select"))
                           for d in root.findall(r + "deductions/" + r + "deduction")]
        self.vetoes = [(v.get("id"), v.get("select")) for v in root.findall(r + "vetoes/" + r + "veto")]


# Python mirrors of the rubric's XPath (data -> value); checked against the rubric at start.
MEASURES = {
    "C2.2": lambda d: d["cov_covered"] / d["cov_items"],
    "C3.1": lambda d: float(sum(1 for s in d["standards"] if s["type"] == "local" and s["status"] == "published")),
    "C4.2": lambda d: d["impl_conforming"] / d["impl_checked"],
    "C5.2": lambda d: d["satisfaction"] if d["satisfaction"] is not None else float("nan"),
    "C6.2": lambda d: d["energy_change"] if d["energy_change"] is not None else float("nan"),
}
SELECTS = {
    ("C1.2", "e"): lambda d: d["training_persons"] >= d["staff_total"],
    ("C2.3", "d"): lambda d: d["catalogue_public"],
    ("C4.1", "e"): lambda d: d["awareness"] >= 0.9,
    ("C6.3", "a"): lambda d: any(p in ("national", "provincial") for p in d["promotions"]),
}


def check_rubric_matches(rub):
    for c in rub.criteria:
        if c.id not in EVIDENCE:
            sys.exit("generate-samples: no evidence texts for criterion %s" % c.id)
        if c.measured and c.id not in MEASURES:
            sys.exit("generate-samples: no data model for measured criterion %s" % c.id)
        if c.method == "checklist":
            for iid, _, sel in c.items:
                if sel and (c.id, iid) not in SELECTS:
                    sys.exit("generate-samples: no data model for %s item %s" % (c.id, iid))


def earned(c, ans, data):
    """Points of one answer by SPEC §2 (evidence rule excluded); None: missing."""
    if c.method == "levels":
        if ans.get("level") is None:
            return None
        return dict(c.levels)[ans["level"]]
    if c.method in ("scale", "bands"):
        v = ans.get("value")
        if v is None and c.measured:
            v = MEASURES[c.id](data)
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        if c.method == "scale":
            return c.points * clamp((v - c.lo) / (c.hi - c.lo), 0.0, 1.0)
        for lo, hi, p in c.bands:
            if (lo is None or lo <= v) and (hi is None or v < hi):
                return p
        return 0.0
    if c.method == "checklist":
        checks = ans.get("checks")
        if checks is None:
            return None
        return min(c.points, sum(p for iid, p, _ in c.items if iid in checks))
    if c.method == "judgement":
        return ans.get("points")
    raise ValueError(c.method)


# --------------------------------------------------------------------------
# Unit model
# --------------------------------------------------------------------------


class Unit:
    def __init__(self, row, rub):
        self.id, self.name, self.region, self.level, self.category, self.code = row
        self.arch = ARCHETYPES.get(self.id, "typical")
        r = rng_for("traits", self.id)
        base = 0.73 + REGIONS[self.region][1] + LEVEL_EFFECT[self.level] + r.gauss(0, 0.11)
        if self.arch == "exemplar":
            self.cap0 = r.uniform(0.93, 0.97)
            self.over = r.uniform(0.0, 0.02)
        elif self.arch == "lopsided":
            self.cap0 = r.uniform(0.97, 0.99)
            self.over = r.uniform(0.0, 0.02)
        elif self.arch == "overstater":
            self.cap0 = clamp(base, 0.5, 0.66)
            self.over = r.uniform(0.22, 0.32)
        elif self.arch.startswith("laggard"):
            self.cap0 = r.uniform(0.36, 0.5)
            self.over = r.uniform(0.02, 0.12)
        else:
            self.cap0 = clamp(base, 0.54, 0.82)
            self.over = clamp(r.gauss(0.06, 0.05), 0.0, 0.18)
        # section profile and per-criterion offsets: persistent across rounds
        self.sec_bias = {}
        for sid, _ in rub.sections:
            sd = 0.03 if self.arch in ("exemplar", "lopsided") else 0.07
            self.sec_bias[sid] = r.gauss(0, sd)
        if self.arch == "lopsided":
            self.sec_bias["S3"] = -0.5
        self.crit_off = {c.id: r.gauss(0, 0.03 if self.arch == "exemplar" else 0.07) for c in rub.criteria}
        # growth between rounds
        if self.arch == "laggard-stall":
            self.growth = r.uniform(-0.02, 0.04)
        elif self.cap0 < 0.6:
            self.growth = r.uniform(0.25, 0.45) if r.random() < 0.8 else r.uniform(-0.02, 0.05)
        elif self.arch == "exemplar":
            self.growth = r.uniform(0.0, 0.15)
        else:
            self.growth = r.uniform(0.05, 0.25)
        # structural facts that decide 合理缺项
        na_national = {"省级": 0.05, "市级": 0.25, "县级": 0.75}[self.level]
        na_platform = {"省级": 0.0, "市级": 0.12, "县级": 0.55}[self.level]
        self.na = {}
        if r.random() < na_national:
            self.na["C3.2"] = NA_REASONS["C3.2"][0 if self.level == "县级" else 1]
        if r.random() < na_platform:
            self.na["C4.4"] = r.choice(NA_REASONS["C4.4"])
        self.staff_total = {"省级": r.randint(140, 280), "市级": r.randint(60, 150),
                            "县级": r.randint(22, 60)}[self.level]
        self.biz_items = r.randint(36, 64)
        self.energy_prev = round(r.uniform(9.0, 19.0), 2)
        self.std_titles = list(LOCAL_STANDARD_TITLES)
        r.shuffle(self.std_titles)
        self.nat_titles = list(NATIONAL_STANDARD_TITLES)
        r.shuffle(self.nat_titles)
        self.paired_after = set()   # round indexes after which the unit was paired (see arrange_pairings)

    def capability(self, round_index):
        cap, over = self.cap0, self.over
        for k in range(1, round_index + 1):
            r = rng_for("growth", ROUNDS[k][0], self.id)
            boost = PAIRING_BOOST if (k - 1) in self.paired_after else 0.0
            cap = clamp(cap + (self.growth + boost) * (1 - cap) + r.gauss(0, 0.015), 0.05, 0.99)
            over *= 0.75   # experts' corrections teach units to claim less
        return cap, over


# --------------------------------------------------------------------------
# One unit in one round
# --------------------------------------------------------------------------


def level_for(c, f, r):
    """The level whose share of the points is nearest f (ties: random)."""
    best = sorted(c.levels, key=lambda lv: (abs(lv[1] / c.points - f), r.random()))
    return best[0][0]


def judgement_for(c, f):
    step = c.step or 0.5
    return clamp(round(f * c.points / step) * step, 0.0, c.points)


def checks_for(c, f, r, data):
    plain = [iid for iid, _, sel in c.items if not sel]
    out = []
    for k, iid in enumerate(plain):
        thr = (k + 0.5) / len(plain) * 0.95
        if f + r.gauss(0, 0.08) > thr:
            out.append(iid)
    sel = [iid for iid, _, s in c.items if s and SELECTS[(c.id, iid)](data)]
    return out, sel


class UnitRound:
    def __init__(self, unit, rub, ri):
        self.unit, self.rub, self.ri = unit, rub, ri
        self.round, self.year, month, d0, d1 = ROUNDS[ri]
        r = rng_for("submission", self.round, unit.id)
        self.r = r
        self.cap, self.over = unit.capability(ri)
        self.submitted = "%04d-%02d-%02d" % (self.year, month, r.randint(d0, d1))
        # true performance per criterion, and what the unit claims
        self.t, self.q = {}, {}
        for c in rub.criteria:
            t = self.cap + unit.sec_bias[c.section] + unit.crit_off[c.id] + r.gauss(0, 0.04)
            self.t[c.id] = clamp(t, 0.02, 1.0)
            self.q[c.id] = clamp(self.t[c.id] + self.over * r.uniform(0.4, 1.0) + r.uniform(0, 0.04), 0.0, 1.0)
        self.ledger_problems = int(round(max(0.0, (0.55 - self.t["C1.4"]) * 8 + r.gauss(0, 0.5))))
        self.true_data = self.make_data(inflate=0.0)
        self.data = self.make_data(inflate=self.over)
        self.make_answers()
        self.make_bonuses()

    # ---- data ----------------------------------------------------------
    def make_data(self, inflate):
        u, t = self.unit, self.t
        r = rng_for("data", self.round, u.id)   # same draws for true and reported data
        d = {}
        d["staff_total"] = u.staff_total
        d["training_sessions"] = max(0, int(round(1 + 4 * t["C1.2"] + r.gauss(0, 0.6))))
        d["training_persons"] = int(round(u.staff_total * clamp(0.3 + 1.0 * (t["C1.2"] + inflate * 0.5) + r.gauss(0, 0.08), 0.1, 1.8)))
        d["cov_items"] = u.biz_items
        d["cov_covered"] = int(round(u.biz_items * clamp(0.42 + 0.56 * (t["C2.2"] + inflate * 0.3) + r.gauss(0, 0.03), 0.2, 1.0)))
        d["catalogue_public"] = t["C2.3"] + r.gauss(0, 0.1) > 0.55
        n_local = int(clamp(math.floor(t["C3.1"] * 5.0 + r.gauss(0, 0.5)), 0, 6))
        if u.level == "县级":
            n_local = min(n_local, 2)
        titles = u.std_titles          # the unit's standards keep their order across rounds
        d["standards"] = []
        for k in range(n_local):
            year = min(self.year, 2023 + k % 3)
            d["standards"].append({"type": "local", "status": "published",
                                   "code": "DB%s/T %d-%d" % (u.code, 1000 + (int(u.code) * 37 + k * 113) % 8000, year),
                                   "title": titles[k]})
        for k in range(r.randint(0, 2)):
            d["standards"].append({"type": "local", "status": "drafting",
                                   "plan": "%d-%03d" % (self.year, r.randint(10, 180)),
                                   "title": titles[n_local + k]})
        n_nat = 0 if "C3.2" in u.na else int(clamp(math.floor(t["C3.2"] * 2.6 + r.gauss(0, 0.4)), 0, 3))
        self.national_count = n_nat
        nat = u.nat_titles
        for k in range(n_nat):
            d["standards"].append({"type": nat[k][0], "status": "published", "role": "participant",
                                   "title": nat[k][1]})
        d["awareness"] = round(clamp(0.68 + 0.3 * (t["C4.1"] + inflate * 0.5) + r.gauss(0, 0.025), 0.4, 0.99), 2)
        d["awareness_sampled"] = r.randint(30, 80)
        d["impl_checked"] = r.randint(120, 300)
        d["impl_conforming"] = int(round(d["impl_checked"] * clamp(0.55 + 0.45 * (t["C4.2"] + inflate * 0.4) + r.gauss(0, 0.02), 0.3, 1.0)))
        sat_missing = self.cap < 0.45 and r.random() < 0.5    # no survey done: C5.2 has no value
        d["survey_n"] = r.randint(200, 900)
        sat = round(clamp(0.78 + 0.21 * (t["C5.2"] + inflate * 0.4) + r.gauss(0, 0.015), 0.6, 0.995), 3)
        d["satisfaction"] = None if sat_missing else sat
        ch = round(clamp(-(0.062 * t["C6.2"] - 0.012) + r.gauss(0, 0.006) - inflate * 0.01, -0.09, 0.03), 3)
        d["energy_change"] = ch
        d["energy_prev"] = u.energy_prev
        d["energy_cur"] = round(u.energy_prev * (1 + ch), 2)
        pr = []
        x = t["C6.3"] + r.gauss(0, 0.08)
        if x > 0.9:
            pr.append("national")
        if x > 0.62:
            pr.append("provincial")
        if x > 0.35:
            pr.append("municipal")
        d["promotions"] = pr
        recs = []
        n_rec = r.randint(2, 7)
        titles = list(RECTIFICATION_TITLES)
        r.shuffle(titles)
        for k in range(n_rec):
            overdue = r.random() < 0.3 * (1 - self.cap) ** 2
            recs.append(("R%s-%02d" % (self.round, k + 1), overdue, titles[k]))
        d["rectifications"] = recs
        d["incident_major"] = 1 if VETOED_UNIT.get(self.round) == u.id else 0
        d["incident_general"] = 1 if r.random() < 0.15 else 0
        return d

    # ---- answers -------------------------------------------------------
    def make_answers(self):
        u, r = self.unit, self.r
        self.answers = {}
        for c in self.rub.criteria:
            a = {}
            if c.id in u.na:
                a["na"] = u.na[c.id]
                self.answers[c.id] = a
                continue
            q = self.q[c.id]
            if c.method == "levels":
                a["level"] = level_for(c, q, r)
            elif c.method == "judgement":
                a["points"] = judgement_for(c, q)
            elif c.method == "checklist":
                plain, sel = checks_for(c, q, r, self.data)
                a["checks"] = plain + sel       # the data decides select items
                a["write_checks"] = list(plain)
                # now and then a unit also ticks a select item (ignored by the rules)
                if r.random() < 0.12:
                    a["write_checks"] += [iid for iid, _, s in c.items if s][:1]
            elif c.id == "C3.2":
                a["value"] = float(self.national_count + (1 if self.over > 0.2 and r.random() < 0.5 else 0))
            elif c.id == "C6.1":
                a["value"] = round(clamp(0.55 + 0.45 * q + r.gauss(0, 0.02), 0.3, 1.0), 2)
            elif c.measured:
                pass                            # value comes from <data>
            else:
                raise ValueError("no answer model for %s" % c.id)
            # weak units leave some items unanswered
            if not c.measured and self.cap < 0.45 and r.random() < 0.07:
                a = {"omitted": True}
                self.answers[c.id] = a
                continue
            # evidence
            need = c.evidence_min
            p_short = (0.005 + 0.15 * (1 - self.cap) ** 2) * (0.4 if c.key else 1.0)
            if need and r.random() < p_short:
                k = need - 1
            else:
                k = need + (1 if r.random() < 0.5 else 0) + (1 if r.random() < 0.25 * self.cap else 0)
            pool = EVIDENCE[c.id]
            a["evidence"] = [(("台账/%d/" % self.year) + ref, title.format(year=self.year))
                             for ref, title in pool[:min(k, len(pool))]]
            if r.random() < 0.1:
                a["note"] = r.choice(NOTES).format(n=r.randint(1, 12), year=self.year)
            self.answers[c.id] = a
        # notes that carry the numbers behind a measure
        if "C4.2" in self.answers and "evidence" in self.answers["C4.2"] and r.random() < 0.5:
            self.answers["C4.2"]["note"] = "抽查标准执行记录%d份，符合标准要求%d份；执行率<90%%的岗位已列入整改。" % (
                self.data["impl_checked"], self.data["impl_conforming"])
        if "C2.2" in self.answers and "evidence" in self.answers["C2.2"] and r.random() < 0.4:
            self.answers["C2.2"]["note"] = "梳理机关事务业务事项%d项，已有标准覆盖%d项。" % (
                self.data["cov_items"], self.data["cov_covered"])

    def make_bonuses(self):
        u, r, cap = self.unit, rng_for("bonus", self.round, self.unit.id), self.cap
        s3 = self.t["C3.2"]
        claims = []   # (id, genuine)
        if u.level != "县级" and s3 > 0.85 and "C3.2" not in u.na and r.random() < 0.45:
            claims.append(("B1", True))
        if s3 > 0.75 and "C3.2" not in u.na and r.random() < 0.2:
            claims.append(("B2", True))
        if cap > 0.9 and r.random() < 0.3:
            claims.append(("B3", True))
        if cap > 0.75 and r.random() < 0.15:
            claims.append(("B4", True))
        if cap > 0.9 and r.random() < 0.35:
            claims.append(("B5", True))
        if self.over > 0.18 and r.random() < 0.8:
            fake = "B5" if r.random() < 0.5 else "B4"
            if fake not in [b for b, _ in claims]:
                claims.append((fake, False))
        self.bonuses = sorted(claims)
        self.self_deduction = 1 if r.random() < 0.06 else 0   # an honest unit declares 台账 gaps itself

    # ---- self score (rough, for choosing what experts correct) ------------
    def claim_fraction(self, c):
        a = self.answers[c.id]
        if "na" in a or "omitted" in a:
            return None
        e = earned(c, a, self.data)
        return None if e is None else e / c.points

    # ---- XML -----------------------------------------------------------
    def submission_xml(self, encoding="UTF-8", comment=None):
        u, d = self.unit, self.data
        L = ['<?xml version="1.0" encoding="%s"?>' % encoding]
        if comment:
            L.append("<!-- %s -->" % comment)
        L.append('<submission xmlns="%s" rubric="%s" rubric-version="%s">' % (SUB_NS, self.rub.id, self.rub.version))
        L.append("  <unit%s>%s</unit>" % (attrs([("id", u.id), ("region", u.region), ("level", u.level),
                                                ("category", u.category)]), esc(u.name)))
        L.append('  <round id="%s" submitted="%s"/>' % (self.round, self.submitted))
        for c in self.rub.criteria:
            a = self.answers[c.id]
            if "omitted" in a:
                continue
            if "na" in a:
                L.append('  <response criterion="%s" applicable="false" reason="%s"/>' % (c.id, esc(a["na"])))
                continue
            at = [("criterion", c.id)]
            if "level" in a:
                at.append(("level", a["level"]))
            if "value" in a:
                at.append(("value", fmt(a["value"])))
            if "points" in a:
                at.append(("points", fmt(a["points"])))
            inner = ['    <check item="%s"/>' % iid for iid in a.get("write_checks", [])]
            inner += ['    <evidence ref="%s">%s</evidence>' % (esc(ref), esc(title)) for ref, title in a.get("evidence", [])]
            if a.get("note"):
                inner.append("    <note>%s</note>" % esc(a["note"]))
            if c.measured and not inner and len(at) == 1:
                continue                       # nothing to say: the data answers
            if inner:
                L.append("  <response%s>" % attrs(at))
                L.extend(inner)
                L.append("  </response>")
            else:
                L.append("  <response%s/>" % attrs(at))
        for bid, genuine in self.bonuses:
            ref, title = BONUS_EVIDENCE[bid] if genuine else FALSE_BONUS_EVIDENCE[bid]
            L.append('  <bonus id="%s">' % bid)
            L.append('    <evidence ref="%s">%s</evidence>' % (esc(("台账/%d/" % self.year) + ref), esc(title)))
            L.append("  </bonus>")
        if self.self_deduction:
            L.append('  <deduction id="D1" count="%d"/>' % self.self_deduction)
        L.append("  <data>")
        L.append('    <staff total="%d"/>' % d["staff_total"])
        L.append('    <training sessions="%d" persons="%d"/>' % (d["training_sessions"], d["training_persons"]))
        L.append('    <coverage items="%d" covered="%d"/>' % (d["cov_items"], d["cov_covered"]))
        L.append('    <catalogue public="%s"/>' % ("true" if d["catalogue_public"] else "false"))
        for s in d["standards"]:
            at = [("type", s["type"]), ("status", s["status"]), ("code", s.get("code")),
                  ("plan", s.get("plan")), ("role", s.get("role"))]
            L.append("    <standard%s>%s</standard>" % (attrs(at), esc(s["title"])))
        L.append('    <awareness rate="%s" sampled="%d"/>' % (fmt(d["awareness"]), d["awareness_sampled"]))
        L.append('    <implementation checked="%d" conforming="%d"/>' % (d["impl_checked"], d["impl_conforming"]))
        if d["satisfaction"] is not None:
            L.append('    <survey respondents="%d" satisfaction="%s"/>' % (d["survey_n"], fmt(d["satisfaction"])))
        L.append('    <energy indicator="单位建筑面积能耗" unit="kgce/m2" previous="%s" current="%s" change="%s"/>' % (
            fmt(d["energy_prev"], 2), fmt(d["energy_cur"], 2), fmt(d["energy_change"])))
        for p in d["promotions"]:
            L.append('    <promotion level="%s">%s</promotion>' % (p, esc(PROMOTIONS[p])))
        for rid, overdue, title in d["rectifications"]:
            L.append('    <rectification id="%s" overdue="%s">%s</rectification>' % (
                rid, "true" if overdue else "false", esc(title)))
        L.append('    <incidents major="%d" general="%d"/>' % (d["incident_major"], d["incident_general"]))
        L.append("  </data>")
        L.append("</submission>")
        return "\n".join(L) + "\n"

    # ---- reviews -------------------------------------------------------
    def reviews(self, reviewers):
        out = []
        for eid in reviewers:
            out.append((eid, self.review_xml(eid)))
        return out

    def expert_answer(self, c, p, r):
        """What expert with perceived performance p would answer for c."""
        if c.method == "levels":
            return {"level": level_for(c, p, r)}
        if c.method == "judgement":
            return {"points": judgement_for(c, p)}
        if c.method == "checklist":
            plain, _ = checks_for(c, p, r, self.data)
            sel = [iid for iid, _, s in c.items if s and SELECTS[(c.id, iid)](self.true_data)]
            return {"checks": plain + sel}
        if c.id == "C3.2":
            return {"value": float(self.national_count)}
        if c.id == "C6.1":
            return {"value": round(clamp(0.55 + 0.45 * p, 0.3, 1.0), 2)}
        if c.measured:
            v = MEASURES[c.id](self.true_data)
            return {"value": round(v, 3)}
        raise ValueError(c.id)

    def review_xml(self, eid):
        u, rub = self.unit, self.rub
        bias, sd, ready = EXPERTS[eid]
        r = rng_for("review", self.round, u.id, eid)
        L = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<review xmlns="%s" rubric="%s" unit="%s" round="%s" reviewer="%s">' % (
                 REV_NS, rub.id, u.id, self.round, eid)]
        p_down = clamp((0.5 + 2.0 * self.over) * ready, 0.0, 0.97)
        tol = 0.12 if ready <= 1.0 else 0.08
        for c in rub.criteria:
            a = self.answers[c.id]
            if "na" in a:
                continue
            p = clamp(self.t[c.id] + bias + r.gauss(0, sd), 0.0, 1.0)
            claim = self.claim_fraction(c)
            mine = self.expert_answer(c, p, r)
            if c.measured:
                # measured values come from the unit's own statistics: an expert
                # recomputes them only when the data look inflated
                true_v = MEASURES[c.id](self.true_data)
                rep_v = MEASURES[c.id](self.data)
                if math.isnan(rep_v) or math.isnan(true_v):
                    # no usable statistic: now and then an expert supplies one from the site visit
                    if c.id == "C5.2" and r.random() < 0.3:
                        v = round(clamp(0.78 + 0.21 * p, 0.6, 0.99), 2)
                        L.append(self.score_line(c, {"value": v}, "单位未开展满意度调查，现场随机访谈服务对象后按%s核定。" % fmt(v)))
                    continue
                mine_f = earned(c, mine, self.true_data) / c.points
                if claim is not None and claim - mine_f > 0.05 and r.random() < p_down:
                    L.append(self.score_line(c, mine, r.choice(DOWN_COMMENTS.get(c.id, GENERIC_DOWN))))
                elif r.random() < 0.04:
                    L.append('  <score criterion="%s">%s</score>' % (c.id, esc(r.choice(PLAIN_COMMENTS))))
            else:
                mine_f = earned(c, mine, self.true_data) / c.points
                if claim is None:
                    if "omitted" in a and r.random() < 0.35:
                        L.append(self.score_line(c, mine, r.choice(MISSING_COMMENTS)))
                elif claim - mine_f > tol and r.random() < p_down:
                    L.append(self.score_line(c, mine, r.choice(DOWN_COMMENTS.get(c.id, GENERIC_DOWN) + GENERIC_DOWN)))
                elif mine_f - claim > 0.25 and r.random() < 0.12:
                    L.append(self.score_line(c, mine, r.choice(UP_COMMENTS)))
                elif r.random() < 0.04:
                    L.append('  <score criterion="%s">%s</score>' % (c.id, esc(r.choice(PLAIN_COMMENTS))))
            # evidence that does not hold up
            n_ev = len(a.get("evidence", []))
            if n_ev and claim is not None and claim - self.t[c.id] > 0.1:
                if r.random() < (0.04 + 0.45 * self.over) * ready:
                    L.append('  <evidence criterion="%s" rejected="1">%s</evidence>' % (c.id, esc(r.choice(EVIDENCE_REJECT))))
        for bid, genuine in self.bonuses:
            if not genuine and r.random() < 0.85 * min(ready, 1.0) + 0.1:
                L.append('  <bonus id="%s" rejected="true">%s</bonus>' % (bid, esc(BONUS_REJECT[bid])))
        # 台账 problems the expert finds on site: most of the real ones, rarely one more
        n_d1 = sum(1 for _ in range(self.ledger_problems) if r.random() < 0.75 * min(ready, 1.0) + 0.15)
        if r.random() < 0.05 * ready:
            n_d1 += 1
        if n_d1 > 0:
            L.append('  <deduction id="D1" count="%d">抽查台账发现%d处资料不完整、不规范。</deduction>' % (n_d1, n_d1))
        if SUPERVISION_NOTICE.get(self.round) == u.id:
            L.append('  <deduction id="D3" count="1">%d年3月省级督查通报该单位试点台账弄虚补签问题。</deduction>' % self.year)
        if VETOED_UNIT.get(self.round) == u.id and eid == self.first_reviewer:
            L.append('  <veto id="V1" triggered="true">%s</veto>' % esc(INCIDENT_VETO_TEXT.format(year=self.year)))
        L.append("</review>")
        return "\n".join(L) + "\n"

    def score_line(self, c, ans, comment):
        at = [("criterion", c.id)]
        if "level" in ans:
            at.append(("level", ans["level"]))
        if "value" in ans:
            at.append(("value", fmt(ans["value"])))
        if "points" in ans:
            at.append(("points", fmt(ans["points"])))
        if "checks" in ans:
            inner = "".join('<check item="%s"/>' % iid for iid in sorted(ans["checks"]))
            return '  <score%s>%s%s</score>' % (attrs(at), inner, esc(comment))
        return '  <score%s>%s</score>' % (attrs(at), esc(comment))


# --------------------------------------------------------------------------
# Broken files
# --------------------------------------------------------------------------


def broken_files(rub, rounds_by_id, rnd):
    """(file name, text) of submissions that must be rejected, each saying why."""
    base = rounds_by_id[DUPLICATE_OF]
    year = base.year
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    sub_open = '<submission xmlns="%s" rubric="%s" rubric-version="%s">\n' % (SUB_NS, rub.id, rub.version)

    def small(uid, name, region, level, extra, version=None, unit_name_suffix=""):
        so = sub_open if version is None else sub_open.replace('rubric-version="%s"' % rub.version,
                                                               'rubric-version="%s"' % version)
        return (so +
                '  <unit id="%s" region="%s" level="%s" category="%s">%s%s</unit>\n' % (
                    uid, region, level, MGT if name.endswith(MGT) else SVC, name, unit_name_suffix) +
                '  <round id="%s" submitted="%d-%02d-28"/>\n' % (rnd, year, ROUNDS[[x[0] for x in ROUNDS].index(rnd)][2]) +
                '  <response criterion="C1.1" level="B">\n'
                '    <evidence ref="台账/%d/组织保障/领导小组通知.pdf">关于成立机关事务标准化试点工作领导小组的通知</evidence>\n'
                '    <evidence ref="台账/%d/组织保障/试点任务分工表.xlsx">标准化试点工作任务分工及责任清单</evidence>\n'
                '  </response>\n' % (year, year) +
                extra +
                '  <data>\n    <incidents major="0" general="0"/>\n  </data>\n'
                '</submission>\n')

    def comment(zh, en):
        return "<!-- 必须拒收：%s\n     Must be rejected: %s -->\n" % (zh, en)

    files = []
    files.append(("01-not-well-formed.xml", head + comment(
        "XML 格式不良（response 元素未闭合，标签不匹配）。",
        "not well-formed XML (a response element is never closed; tags do not match).") +
        small("GX-BS-01", "百色市机关事务管理局", "广西", "市级",
              '  <response criterion="C1.3" points="2">\n    <note>制度汇编已印发</note>\n')))
    files.append(("02-xxe-external-entity.xml", head + comment(
        "DOCTYPE 声明外部实体（XXE），试图读取 file:///etc/passwd。",
        "the DOCTYPE declares an external entity (XXE) that tries to read file:///etc/passwd.") +
        '<!DOCTYPE submission [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n' +
        small("SC-DZ-01", "达州市机关事务管理局", "四川", "市级", "", unit_name_suffix="&secret;")))
    lol = "".join('  <!ENTITY lol%d "%s">\n' % (k, ("&lol%d;" % (k - 1)) * 10) for k in range(1, 10))
    files.append(("03-billion-laughs.xml", head + comment(
        "实体递归展开（billion laughs），展开后约十亿个字符。",
        "entity expansion bomb (billion laughs): about a billion characters once expanded.") +
        '<!DOCTYPE submission [\n  <!ENTITY lol0 "lol">\n' + lol + ']>\n' +
        small("HN-YY-01", "岳阳市机关事务管理局", "湖南", "市级", "", unit_name_suffix="&lol9;")))
    files.append(("04-unknown-criterion.xml", head + comment(
        "答复了细则中不存在的指标 C7.1。",
        "a response names criterion C7.1, which the rubric does not have.") +
        small("HB-XY-01", "襄阳市机关事务服务中心", "湖北", "市级",
              '  <response criterion="C7.1" level="A">\n'
              '    <evidence ref="台账/%d/其他/党建工作.pdf">机关党建工作总结</evidence>\n  </response>\n' % year)))
    files.append(("05-value-not-a-number.xml", head + comment(
        "value 不是数字（写成“95%”）。",
        'a value is not a number (written "95%").') +
        small("JS-YZ-01", "扬州市机关事务管理局", "江苏", "市级",
              '  <response criterion="C6.1" value="95%%">\n'
              '    <evidence ref="台账/%d/成效与示范/目标完成情况.xlsx">试点目标任务完成情况对照表</evidence>\n  </response>\n' % year)))
    files.append(("06-required-not-applicable.xml", head + comment(
        "必选指标 C2.1（标准体系表，★关键项）被答为不适用，只有可选指标才能作合理缺项。",
        "required criterion C2.1 is answered applicable=\"false\"; only optional criteria may be omitted.") +
        small("SD-YT-01", "烟台市机关事务服务中心", "山东", "市级",
              '  <response criterion="C2.1" applicable="false" reason="标准体系表正在编制中"/>\n')))
    dup = base.submission_xml()
    dup = dup.replace(head, head + comment(
        "与 %s 的自评报告重复（同一单位、同一轮次，按路径字节序在后）。" % DUPLICATE_OF,
        "duplicates the submission of %s (same unit and round, later in path byte order)." % DUPLICATE_OF), 1)
    dup = dup.replace('submitted="%s"' % base.submitted, 'submitted="%s30"' % base.submitted[:8], 1)
    files.append(("07-duplicate-%s.xml" % DUPLICATE_OF, dup))
    files.append(("08-wrong-rubric-version.xml", head + comment(
        "细则版本不符（rubric-version=\"2022.1\"，本轮使用 %s）。" % rub.version,
        "wrong rubric version (rubric-version=\"2022.1\"; this round uses %s)." % rub.version) +
        small("FJ-ZZ-01", "漳州市机关事务管理局", "福建", "市级", "", version="2022.1")))
    if rnd == ROUNDS[0][0]:
        files += first_submission_mistakes(small, comment, head, year, base)
    return files


def deterministic_docx(text):
    """A minimal Word document (.docx, a ZIP archive) with fixed timestamps, as bytes."""
    import io
    import zipfile
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/></Types>\n'),
        ("word/document.xml",
         '<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         '<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>\n' % text),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, body in parts:
            info = zipfile.ZipInfo(name, date_time=(2025, 6, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, body.encode("utf-8"))
    return buffer.getvalue()


def first_submission_mistakes(small, comment, head, year, base):
    """The mistakes units make in a first submission (first round only): (name, text or bytes, encoding).

    All but the last are rejected; the percentage written as a whole number is scored, with a warning."""
    files = []
    gbk = head + comment(
        "文件以 GBK/GB18030 编码保存，首行却声明 UTF-8（在 Windows 记事本中“另存为 ANSI”即如此）。",
        "saved in GBK/GB18030 while the first line declares UTF-8 (what saving as ANSI in Windows Notepad does).") + \
        small("GX-YL-01", "玉林市机关事务管理局", "广西", "市级", "")
    files.append(("09-gbk-declared-utf8.xml", gbk, "gb18030"))
    files.append(("10-word-document.xml", deterministic_docx("自评报告（Word 版）"), None))
    files.append(("11-bare-ampersand.xml", head + comment(
        "佐证材料名称中的“&”未写作 &amp;。",
        "an evidence title holds a bare '&', not written &amp;.") +
        small("HN-HY-01", "衡阳市机关事务管理局", "湖南", "市级",
              '  <response criterion="C1.4" level="A">\n'
              '    <evidence ref="台账/%d/组织保障/台账目录.xlsx">办公用房维修 & 改造台账目录</evidence>\n'
              '  </response>\n' % year), "utf-8"))
    template = head + comment(
        "模板未填写就提交：单位编号、轮次、提交日期、单位全称都是空的。",
        "the template sent unfilled: unit id, round, submission date and full name are empty.") + \
        re.sub(r'<round id="[^"]*" submitted="[0-9-]+"', '<round id="" submitted=""', small("", "", "", "", ""), count=1)
    files.append(("12-unfilled-template.xml", template, "utf-8"))
    percent = base.submission_xml()
    percent = re.sub(r'<unit id="[^"]*"', '<unit id="GX-WZ-01"', percent, count=1)
    percent = re.sub(r'>[^<]*</unit>', '>梧州市机关事务管理局</unit>', percent, count=1)
    percent = re.sub(r'(<response criterion="C6.1" value=")[0-9.]+(")', r'\g<1>92\g<2>', percent, count=1)
    assert 'value="92"' in percent
    percent = percent.replace(head, head + (
        "<!-- 不拒收，但有警告：试点目标完成率 92% 写成了 92，应为 0.92；按 92 计会直接得满分。\n"
        "     Accepted with a warning: the goal completion rate 92% is written 92, not 0.92. -->\n"), 1)
    files.append(("13-percent-as-whole-number.xml", percent, "utf-8"))
    return files


# --------------------------------------------------------------------------
# Round
# --------------------------------------------------------------------------


def panels():
    r = rng_for("panels")
    experts = sorted(EXPERTS)
    out = {}
    for region in sorted(REGIONS):
        out[region] = sorted(r.sample(experts, 5))
    return out


def arrange_pairings(units, ri):
    """The pairings arranged after round ri: [(unit id, partner id)] in unit order.

    Exemplars and lopsided units are never paired; of the others, each is paired
    with probability PAIRING_SHARE (its own seeded draw), with the exemplar of the
    highest initial capability in its region, else of the whole programme."""
    rnd = ROUNDS[ri][0]
    leaders = [u for u in units if u.arch == "exemplar"]
    best_overall = max(leaders, key=lambda u: (u.cap0, u.id))
    pairs = []
    for u in units:
        if u.arch in ("exemplar", "lopsided"):
            continue
        if rng_for("pairing", rnd, u.id).random() >= PAIRING_SHARE:
            continue
        local = [v for v in leaders if v.region == u.region]
        partner = max(local, key=lambda v: (v.cap0, v.id)) if local else best_overall
        pairs.append((u.id, partner.id))
    return pairs


def clear_xml(folder):
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".xml"):
                os.remove(os.path.join(folder, name))


def write(path, text, encoding="utf-8"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))


def generate_round(rub, units, ri, out):
    rnd = ROUNDS[ri][0]
    base = os.path.join(out, rnd)
    sub_dir = os.path.join(base, "submissions")
    rev_dir = os.path.join(base, "reviews")
    brk_dir = os.path.join(sub_dir, "broken")
    for d in (sub_dir, rev_dir, brk_dir):
        clear_xml(d)
    pan = panels()
    r = rng_for("round", rnd)
    no_review = set(r.sample([u.id for u in units
                              if u.id not in (VETOED_UNIT.get(rnd), SUPERVISION_NOTICE.get(rnd))], 3))
    urs = {}
    n_reviews = 0
    for u in units:
        ur = UnitRound(u, rub, ri)
        urs[u.id] = ur
        if u.id == GB18030_UNIT:
            text = ur.submission_xml("GB18030", comment=(
                "本文件以 GB18030 编码保存（非 UTF-8），用于演示 PilotEval 接受 libxml2 可读的各种编码。"
                " This file is deliberately encoded in GB18030, not UTF-8, to show that any encoding"
                " libxml2 reads is accepted."))
            write(os.path.join(sub_dir, u.id + ".xml"), text, "gb18030")
        else:
            write(os.path.join(sub_dir, u.id + ".xml"), ur.submission_xml())
        if u.id in no_review:
            ur.reviewers = []
        else:
            rr = rng_for("reviewers", rnd, u.id)
            panel = list(pan[u.region])
            rr.shuffle(panel)
            n = rr.choice([3, 3, 4, 4, 5, 5, 5])
            ur.reviewers = sorted(panel[:n])
        ur.first_reviewer = ur.reviewers[0] if ur.reviewers else None
        for eid, text in ur.reviews(ur.reviewers):
            write(os.path.join(rev_dir, "%s-%s.xml" % (u.id, eid)), text)
            n_reviews += 1
    for entry in broken_files(rub, urs, rnd):
        name, text, encoding = entry if len(entry) == 3 else (entry[0], entry[1], "utf-8")
        path = os.path.join(brk_dir, name)
        if encoding is None:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(text)
        else:
            write(path, text, encoding)
    pairings_path = os.path.join(base, "pairings.csv")
    if ri + 1 < len(ROUNDS):
        pairs = arrange_pairings(units, ri)
        write(pairings_path, "unit,partner\n" + "".join("%s,%s\n" % p for p in pairs))
    elif os.path.exists(pairings_path):
        os.remove(pairings_path)
    write(os.path.join(base, "README.md"), readme(rub, units, urs, rnd, pan, n_reviews))
    return len(units), n_reviews


def readme(rub, units, urs, rnd, pan, n_reviews):
    L = ["# Sample round %s (rubric %s %s)" % (rnd, rub.id, rub.version), "",
         "Generated by `Tools/generate-samples.py`; do not edit by hand, rerun the generator.", "",
         "- `submissions/`: %d self-assessment reports, one per pilot unit (`%s.xml` is encoded in GB18030)." % (len(units), GB18030_UNIT),
         "- `submissions/broken/`: files with the mistakes units make; each says what is wrong in a comment at"
         " the top (the duplicate of %s sorts after the original in path byte order). All are rejected except"
         " `13-percent-as-whole-number.xml` (first round only), which is scored with a warning." % DUPLICATE_OF,
         "- `reviews/`: %d expert reviews, `<unit>-<reviewer>.xml`; units without a review: %s." % (
             n_reviews, ", ".join(sorted(u.id for u in units if not urs[u.id].reviewers))),
         "- `pairings.csv`: 结对帮扶 pairings the programme office arranged after this round"
         " (`unit,partner`; none after the last round); `piloteval record --pairings` reads it.",
         "- Vetoed: %s (`<incidents major=\"1\"/>` in its data, confirmed by one expert)." % (VETOED_UNIT.get(rnd) or "none"),
         "", "Expert panels by region:", ""]
    for region in sorted(pan):
        L.append("- %s: %s" % (region, " ".join(pan[region])))
    L += ["", "E04 is lenient, E09 harsh, E07 erratic; the others are close to the truth.", "",
          "Latent model (the truth the scores should recover; capability and overstatement are 0..1):", "",
          "| unit | name | region | level | archetype | capability | overstatement | reviewers |",
          "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for u in units:
        ur = urs[u.id]
        L.append("| %s | %s | %s | %s | %s | %.2f | %.2f | %d |" % (
            u.id, u.name, u.region, u.level, u.arch, ur.cap, ur.over, len(ur.reviewers)))
    return "\n".join(L) + "\n"


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description="Generate deterministic PilotEval sample rounds for jgsw-pilot.")
    ap.add_argument("--rounds", type=int, default=1, choices=range(1, len(ROUNDS) + 1),
                    help="how many rounds to generate, from 2025H1 (default 1)")
    ap.add_argument("--out", default=os.path.join(repo, "Samples"), help="output folder (default Samples/)")
    ap.add_argument("--rubric", default=os.path.join(repo, "Rubrics", "jgsw-pilot.xml"),
                    help="rubric file (default Rubrics/jgsw-pilot.xml)")
    args = ap.parse_args(argv)
    rub = Rubric(args.rubric)
    check_rubric_matches(rub)
    units = [Unit(row, rub) for row in UNITS]
    for ri in range(len(ROUNDS) - 1):           # every round's pairings, whatever --rounds says
        paired = {uid for uid, _ in arrange_pairings(units, ri)}
        for u in units:
            if u.id in paired:
                u.paired_after.add(ri)
    for ri in range(args.rounds):
        n_sub, n_rev = generate_round(rub, units, ri, args.out)
        print("%s: %d submissions, %d reviews, broken files -> %s" % (
            ROUNDS[ri][0], n_sub, n_rev, os.path.join(args.out, ROUNDS[ri][0])))


if __name__ == "__main__":
    main()
