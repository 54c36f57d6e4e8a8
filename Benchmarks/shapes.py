"""Corpus shapes for bench.py and compare.py: each writes a round (a rubric, submissions, reviews).

  samples   copies of the bundled 2025H1 sample round under new unit ids (about 8 KB a
            submission, 21 criteria, about 3.9 reviews a unit), scored with Rubrics/jgsw-pilot.xml
  notes     generated: about 4 KB a submission, 13 criteria, each response with a long
            Chinese note full of character references (&lt; &amp; &gt; &#…;), about 1.8
            reviews a unit with comments of the same kind; absolute XPath into <data>
  relative  generated: a rubric whose every XPath starts from the submission element with
            a relative path (s:data/s:metric[@name='…']/@value …), submissions with about
            40 data elements, about 3 reviews a unit

Generated shapes are deterministic: a fixed seed, and unit i depends only on the seed and i.
"""
import os, random, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "Samples", "2025H1")
NAMES = ("samples", "notes", "relative")
SUBMISSION_NS = "urn:piloteval:submission:1"
REVIEW_NS = "urn:piloteval:review:1"
# Raised whenever a generated shape changes, so an old corpus on disk is written again.
GENERATION = 1


def folder_name(shape, units):
    """The corpus folder's name under .build-bench (the samples shape keeps its old name)."""
    return "corpus-%d" % units if shape == "samples" else "corpus-%s-%d" % (shape, units)


def generate(shape, folder, units):
    """Writes the corpus (once: a marker file says it is complete); returns the rubric's path."""
    if shape not in NAMES:
        raise SystemExit("unknown shape %r (one of %s)" % (shape, ", ".join(NAMES)))
    rubric = os.path.join(ROOT, "Rubrics", "jgsw-pilot.xml") if shape == "samples" else os.path.join(folder, "rubric.xml")
    marker = os.path.join(folder, ".complete-%s-%d-v%d" % (shape, units, GENERATION))
    if shape == "samples":
        marker = os.path.join(folder, ".complete-%d" % units)
    if os.path.exists(marker):
        return rubric
    import shutil
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    if shape == "samples":
        units_iter = _sample_units(units)
    else:
        spec = NOTES if shape == "notes" else RELATIVE
        with open(rubric, "w", encoding="utf-8") as out:
            out.write(spec.rubric())
        units_iter = (spec.unit(i) for i in range(units))
    for i, (submission, reviews) in enumerate(units_iter):
        unit = "BM-%06d" % i
        shard = "%03d" % (i // 1000)
        _write(os.path.join(folder, "submissions", shard, unit + ".xml"), submission)
        for k, review in enumerate(reviews):
            _write(os.path.join(folder, "reviews", shard, "%s-%d.xml" % (unit, k)), review)
    open(marker, "w").close()
    return rubric


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


# --- samples -----------------------------------------------------------------------------

def _sample_templates():
    """(unit id, submission text, [review texts]) for every valid sample unit."""
    subs = os.path.join(SAMPLES, "submissions")
    revs = os.path.join(SAMPLES, "reviews")
    reviews = {}
    for name in sorted(os.listdir(revs)):
        if not name.endswith(".xml"):
            continue
        text = open(os.path.join(revs, name), encoding="utf-8").read()
        unit = re.search(r'\bunit="([^"]+)"', text).group(1)
        reviews.setdefault(unit, []).append(text)
    out = []
    for name in sorted(os.listdir(subs)):
        path = os.path.join(subs, name)
        if not name.endswith(".xml") or not os.path.isfile(path):
            continue
        raw = open(path, "rb").read()
        if b'encoding="UTF-8"' not in raw[:100]:
            continue  # keep the corpus in one encoding; the GB18030 sample is covered by tests
        text = raw.decode("utf-8")
        unit = re.search(r'<unit id="([^"]+)"', text).group(1)
        out.append((unit, text, reviews.get(unit, [])))
    return out


def _sample_units(n):
    templates = _sample_templates()
    for i in range(n):
        unit, text, reviews = templates[i % len(templates)]
        new = "BM-%06d" % i
        yield (text.replace('<unit id="%s"' % unit, '<unit id="%s"' % new, 1),
               [r.replace('unit="%s"' % unit, 'unit="%s"' % new, 1) for r in reviews])


# --- shared pieces of the generated shapes ------------------------------------------------

PHRASES = [
    "按照标准化工作方案", "组织开展专项检查", "形成问题清单并逐项整改", "台账资料分类归档",
    "会议纪要及签到表齐全", "服务对象满意度持续提升", "公务用车派车单规范填写", "办公用房使用情况定期核查",
    "节能改造项目按期完成", "宣贯培训覆盖全体职工", "制度文件以正式文件印发", "执行记录抽查结果良好",
    "部分岗位标准执行不到位", "信息系统嵌入标准流程", "数据留痕可追溯", "年度评价报告按时报送",
    "经验做法在全市推广", "整改措施已落实到人", "标准文本经专家审查", "持续改进计划已制定",
]
REFERENCES = ["&lt;", "&gt;", "&amp;", "&lt;=", "&amp;&amp;", "&#12289;", "&#x2264;", "&quot;"]
REGIONS = ["福建", "广东", "广西", "浙江", "江苏", "山东", "四川", "湖北"]


def _prose(rng, phrases):
    """Chinese sentences with a character or entity reference between most phrases."""
    parts = []
    for k in range(phrases):
        parts.append(rng.choice(PHRASES))
        if k + 1 < phrases:
            parts.append(rng.choice(REFERENCES) if rng.random() < 0.9 else "，")
    number = rng.randint(1, 400)
    return "".join(parts) + "（抽查%d份，合格率&lt;%d%%）。" % (number, rng.randint(60, 99))


def _header(rubric_id, version, unit, rng):
    region = rng.choice(REGIONS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<submission xmlns="%s" rubric="%s" rubric-version="%s">\n'
            '  <unit id="%s" region="%s" level="市级" category="机关事务管理局">%s第%d机关事务服务中心</unit>\n'
            '  <round id="2026H1" submitted="2026-06-%02d"/>\n' % (
                SUBMISSION_NS, rubric_id, version, unit, region, region, rng.randint(1, 99), rng.randint(1, 28)))


def _review(rubric_id, unit, reviewer, scores):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<review xmlns="%s" rubric="%s" unit="%s" round="2026H1" reviewer="%s">\n%s</review>\n' % (
                REVIEW_NS, rubric_id, unit, reviewer, "".join(scores)))


RUBRIC_HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<rubric xmlns="urn:piloteval:rubric:1" id="%s" version="1">
  <title>%s</title>
  <namespace prefix="s" uri="urn:piloteval:submission:1"/>
  <tiers>
    <tier id="exemplary" min="90" section-floor="0.6">示范</tier>
    <tier id="good" min="80">良好</tier>
    <tier id="pass" min="60">合格</tier>
    <tier id="fail" min="0">不合格</tier>
  </tiers>
  <aggregation method="trimmed-mean" trim="1"/>
'''

LEVELS = '''      <levels>
        <level code="A" points="%s">完全达到要求</level>
        <level code="B" points="%s">基本达到要求</level>
        <level code="C" points="%s">部分达到要求</level>
        <level code="D" points="0">未达到要求</level>
      </levels>
'''


def _levels(points):
    return LEVELS % (_num(points), _num(points * 0.7), _num(points * 0.4))


def _num(x):
    return ("%.1f" % x).rstrip("0").rstrip(".")


# --- notes --------------------------------------------------------------------------------

class _Notes:
    """13 criteria; every response carries a long note full of references; ~1.8 reviews a unit."""
    rubric_id = "notes-shape"
    # (id, section, method, points); methods: levels, checklist, judgement, scale, bands
    criteria = [
        ("N1", "S1", "levels", 8), ("N2", "S1", "checklist", 6), ("N3", "S1", "levels", 8),
        ("N4", "S1", "judgement", 6), ("N5", "S2", "levels", 10), ("N6", "S2", "checklist", 8),
        ("N7", "S2", "judgement", 8), ("N8", "S2", "scale", 8), ("N9", "S3", "levels", 10),
        ("N10", "S3", "checklist", 6), ("N11", "S3", "judgement", 8), ("N12", "S4", "levels", 8),
        ("N13", "S4", "bands", 6),
    ]
    # Criteria with an evidence rule (the others' responses carry only a note).
    evidenced = {"N1", "N5", "N7", "N9", "N12"}

    def rubric(self):
        out = [RUBRIC_HEAD % (self.rubric_id, "长备注形态基准计分表")]
        section = None
        for cid, sid, method, points in self.criteria:
            if sid != section:
                if section:
                    out.append("  </section>\n")
                out.append('  <section id="%s" title="第%s部分">\n' % (sid, sid[1:]))
                section = sid
            out.append('    <criterion id="%s" title="指标%s" points="%d">\n' % (cid, cid, points))
            if method == "levels":
                out.append(_levels(points))
            elif method == "checklist":
                out.append("      <checklist>\n")
                for k, item in enumerate("abcde"):
                    select = ""
                    if cid == "N2" and item == "e":
                        select = (' select="number(/s:submission/s:data/s:training/@persons) &gt;= '
                                  'number(/s:submission/s:data/s:staff/@total)"')
                    out.append('        <item id="%s" points="%s"%s>要点%s</item>\n' % (
                        item, _num(points / 4.0), select, item))
                out.append("      </checklist>\n")
            elif method == "judgement":
                out.append('      <judgement step="0.5"/>\n')
            elif method == "scale":
                out.append('      <scale from="0.5" to="0.95"/>\n'
                           '      <measure select="number(/s:submission/s:data/s:coverage/@covered) div '
                           'number(/s:submission/s:data/s:coverage/@items)"/>\n')
            else:
                out.append('      <bands>\n        <band min="4" points="%d"/>\n'
                           '        <band min="2" max="4" points="%d"/>\n      </bands>\n'
                           '      <measure select="count(/s:submission/s:data/s:standard[@status=\'published\'])"/>\n'
                           % (points, points // 2))
            if cid in self.evidenced:
                out.append('      <evidence min="1"/>\n')
            out.append('    </criterion>\n')
        out.append("  </section>\n")
        out.append('  <vetoes>\n    <veto id="V1" title="重大事故" '
                   'select="/s:submission/s:data/s:incidents/@major &gt; 0"/>\n  </vetoes>\n'
                   '  <bonuses cap="5">\n    <bonus id="B1" title="获得表彰" points="2"/>\n  </bonuses>\n'
                   '  <deductions cap="10">\n    <deduction id="D1" title="逾期未整改" points="1" '
                   'select="count(/s:submission/s:data/s:rectification[@overdue=\'true\'])"/>\n'
                   '  </deductions>\n</rubric>\n')
        return "".join(out)

    def answer(self, rng, method, points):
        """A response's attributes and checks for `method`."""
        if method == "levels":
            return ' level="%s"' % rng.choice("AABBC"), ""
        if method == "judgement":
            return ' points="%s"' % _num(rng.randint(points, points * 2) / 2.0), ""
        if method == "checklist":
            items = sorted(rng.sample("abcd", rng.randint(1, 4)))
            return "", "".join('    <check item="%s"/>\n' % item for item in items)
        return "", ""

    def unit(self, i):
        rng = random.Random("notes-%d" % i)
        unit = "BM-%06d" % i
        out = [_header(self.rubric_id, "1", unit, rng)]
        for cid, _, method, points in self.criteria:
            attributes, checks = self.answer(rng, method, points)
            out.append('  <response criterion="%s"%s>\n%s' % (cid, attributes, checks))
            if cid in self.evidenced:
                out.append('    <evidence ref="台账/%s/%d.pdf">%s</evidence>\n' % (
                    cid, rng.randint(1, 9), rng.choice(PHRASES)))
            out.append("    <note>%s</note>\n  </response>\n" % _prose(rng, rng.randint(3, 4)))
        items = rng.randint(40, 80)
        out.append('  <data>\n    <staff total="%d"/>\n    <training sessions="%d" persons="%d"/>\n'
                   '    <coverage items="%d" covered="%d"/>\n' % (
                       rng.randint(50, 200), rng.randint(1, 6), rng.randint(40, 250), items,
                       rng.randint(items // 2, items)))
        for _ in range(rng.randint(1, 5)):
            out.append('    <standard status="%s">%s</standard>\n' % (
                rng.choice(["published", "published", "drafting"]), rng.choice(PHRASES)))
        out.append('    <incidents major="0" general="%d"/>\n    <rectification overdue="%s">%s</rectification>\n'
                   '  </data>\n</submission>\n' % (
                       rng.randint(0, 2), rng.choice(["false", "false", "true"]), rng.choice(PHRASES)))
        reviews = []
        count = rng.choice([1, 1, 1, 2, 2, 2, 2, 2, 2, 3])  # 1.8 on average
        for k in range(count):
            scores = []
            for cid, _, method, points in rng.sample(self.criteria, rng.randint(3, 6)):
                attributes, checks = self.answer(rng, method, points) if rng.random() < 0.6 else ("", "")
                checks = checks.replace("    ", "").replace("\n", "")
                scores.append('  <score criterion="%s"%s>%s%s</score>\n' % (
                    cid, attributes, checks, _prose(rng, rng.randint(2, 4))))
            reviews.append(_review(self.rubric_id, unit, "E%02d" % (k + 1), scores))
        return "".join(out), reviews


# --- relative -----------------------------------------------------------------------------

class _Relative:
    """Every XPath starts from the submission element with a relative path into <data>."""
    rubric_id = "relative-shape"
    metrics = ["coverage", "checked", "conforming", "awareness", "satisfaction", "energy-change",
               "staff", "trained", "budget", "spent", "vehicles", "new-energy"]
    criteria = [
        ("R1", "S1", "levels", 6), ("R2", "S1", "checklist", 4), ("R3", "S1", "judgement", 4),
        ("R4", "S1", "scale", 6, "number(s:data/s:metric[@name='coverage']/@value)", (0.5, 0.95)),
        ("R5", "S2", "levels", 8),
        ("R6", "S2", "scale", 8, "number(s:data/s:metric[@name='conforming']/@value) div "
                                 "number(s:data/s:metric[@name='checked']/@value)", (0.6, 0.98)),
        ("R7", "S2", "bands", 6, "count(s:data/s:standard[@type='local' and @status='published'])", None),
        ("R8", "S2", "checklist", 6), ("R9", "S3", "judgement", 5),
        ("R10", "S3", "scale", 5, "number(s:data/s:metric[@name='satisfaction']/@value)", (0.8, 0.98)),
        ("R11", "S3", "scale", 5, "number(s:data/s:metric[@name='energy-change']/@value)", (0, -0.05)),
        ("R12", "S3", "levels", 5),
        ("R13", "S4", "bands", 6, "sum(s:data/s:training/@persons) div number(s:data/s:metric[@name='staff']/@value)",
         None),
        ("R14", "S4", "checklist", 5), ("R15", "S4", "levels", 6),
    ]
    selects = {
        ("R2", "d"): "s:data/s:flag[@name='catalogue']/@value = 'true'",
        ("R8", "e"): "number(s:data/s:metric[@name='awareness']/@value) &gt;= 0.9",
        ("R14", "c"): "count(s:data/s:promotion) &gt; 1",
    }

    def rubric(self):
        out = [RUBRIC_HEAD % (self.rubric_id, "相对路径形态基准计分表")]
        section = None
        for spec in self.criteria:
            cid, sid, method, points = spec[:4]
            if sid != section:
                if section:
                    out.append("  </section>\n")
                out.append('  <section id="%s" title="第%s部分">\n' % (sid, sid[1:]))
                section = sid
            out.append('    <criterion id="%s" title="指标%s" points="%d">\n' % (cid, cid, points))
            if method == "levels":
                out.append(_levels(points))
            elif method == "checklist":
                out.append("      <checklist>\n")
                for item in "abcde":
                    select = self.selects.get((cid, item))
                    out.append('        <item id="%s" points="%s"%s>要点%s</item>\n' % (
                        item, _num(points / 4.0), ' select="%s"' % select if select else "", item))
                out.append("      </checklist>\n")
            elif method == "judgement":
                out.append('      <judgement step="0.5"/>\n')
            elif method == "scale":
                out.append('      <scale from="%s" to="%s"/>\n      <measure select="%s"/>\n' % (
                    _num(spec[5][0]), spec[5][1], spec[4]))
            else:
                out.append('      <bands>\n        <band min="4" points="%d"/>\n'
                           '        <band min="2" max="4" points="%d"/>\n        <band min="1" max="2" points="%d"/>\n'
                           '      </bands>\n      <measure select="%s"/>\n' % (
                               points, points // 2, points // 3, spec[4]))
            out.append('      <evidence min="1"/>\n    </criterion>\n')
        out.append("  </section>\n")
        out.append('  <vetoes>\n    <veto id="V1" title="重大事故" select="s:data/s:incidents/@major &gt; 0"/>\n'
                   '  </vetoes>\n  <bonuses cap="5">\n    <bonus id="B1" title="获得表彰" points="2"/>\n'
                   '  </bonuses>\n  <deductions cap="10">\n    <deduction id="D1" title="逾期未整改" points="1" '
                   'select="count(s:data/s:rectification[@overdue=\'true\'])"/>\n  </deductions>\n</rubric>\n')
        return "".join(out)

    def unit(self, i):
        rng = random.Random("relative-%d" % i)
        unit = "BM-%06d" % i
        out = [_header(self.rubric_id, "1", unit, rng)]
        for spec in self.criteria:
            cid, _, method, points = spec[:4]
            if method in ("scale", "bands"):
                continue  # measured from <data>
            attributes = checks = ""
            if method == "levels":
                attributes = ' level="%s"' % rng.choice("AABBC")
            elif method == "judgement":
                attributes = ' points="%s"' % _num(rng.randint(points, points * 2) / 2.0)
            else:
                checks = "".join('    <check item="%s"/>\n' % c for c in sorted(rng.sample("abc", rng.randint(1, 3))))
            out.append('  <response criterion="%s"%s>\n%s' % (cid, attributes, checks))
            for _ in range(rng.randint(1, 3)):
                out.append('    <evidence ref="台账/2026/%s/材料%d.pdf">%s</evidence>\n' % (
                    cid, rng.randint(1, 9), rng.choice(PHRASES)))
            out.append("  </response>\n")
        for cid in ("R4", "R6", "R7", "R10", "R11", "R13"):
            out.append('  <response criterion="%s">\n    <evidence ref="台账/2026/%s/数据.xlsx">%s</evidence>\n'
                       '  </response>\n' % (cid, cid, rng.choice(PHRASES)))
        out.append("  <data>\n")
        checked = rng.randint(50, 200)
        values = {
            "coverage": "%.3f" % rng.uniform(0.4, 1.0), "checked": str(checked),
            "conforming": str(rng.randint(checked // 2, checked)), "awareness": "%.2f" % rng.uniform(0.7, 1.0),
            "satisfaction": "%.3f" % rng.uniform(0.75, 1.0), "energy-change": "%.3f" % rng.uniform(-0.08, 0.02),
            "staff": str(rng.randint(40, 300)), "trained": str(rng.randint(10, 300)),
            "budget": str(rng.randint(10, 90) * 10000), "spent": str(rng.randint(5, 90) * 10000),
            "vehicles": str(rng.randint(5, 60)), "new-energy": str(rng.randint(0, 20)),
        }
        for name in self.metrics:
            out.append('    <metric name="%s" value="%s"/>\n' % (name, values[name]))
        for _ in range(rng.randint(3, 9)):
            out.append('    <standard type="%s" status="%s" code="DB%d/T %d-2025">%s</standard>\n' % (
                rng.choice(["local", "local", "industry"]), rng.choice(["published", "published", "drafting"]),
                rng.randint(3100, 4500), rng.randint(1000, 9999), rng.choice(PHRASES)))
        for _ in range(rng.randint(2, 6)):
            out.append('    <training sessions="%d" persons="%d"/>\n' % (rng.randint(1, 4), rng.randint(10, 120)))
        out.append('    <flag name="catalogue" value="%s"/>\n' % rng.choice(["true", "false"]))
        for _ in range(rng.randint(0, 3)):
            out.append('    <promotion level="municipal">%s</promotion>\n' % rng.choice(PHRASES))
        for k in range(rng.randint(1, 4)):
            out.append('    <rectification id="R%d" overdue="%s">%s</rectification>\n' % (
                k + 1, rng.choice(["false", "false", "true"]), rng.choice(PHRASES)))
        out.append('    <incidents major="0" general="%d"/>\n  </data>\n</submission>\n' % rng.randint(0, 2))
        reviews = []
        for k in range(rng.choice([2, 3, 3, 4])):
            scores = []
            for spec in rng.sample(self.criteria, rng.randint(3, 7)):
                cid, _, method, points = spec[:4]
                attributes = ""
                if method == "levels":
                    attributes = ' level="%s"' % rng.choice("ABC")
                elif method == "judgement":
                    attributes = ' points="%s"' % _num(rng.randint(0, points * 2) / 2.0)
                elif method == "scale" and rng.random() < 0.3:
                    attributes = ' value="%.3f"' % rng.uniform(0.5, 1.0)
                scores.append('  <score criterion="%s"%s>%s</score>\n' % (cid, attributes, rng.choice(PHRASES)))
            reviews.append(_review(self.rubric_id, unit, "E%02d" % (k + 1), scores))
        return "".join(out), reviews


NOTES = _Notes()
RELATIVE = _Relative()
