"""The rounds, regions, pilot units, archetypes and expert panel the samples are about.

Pure data: changing a value here changes the generated Samples/.
"""

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
