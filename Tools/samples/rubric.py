"""The rubric as the generator reads it, and a Python mirror of its scoring.

Criterion and Rubric read Rubrics/*.xml; MEASURES and SELECTS mirror the rubric's
XPath on the generator's own data model; earned scores one answer by SPEC section 2.
check_rubric_matches stops the run if the rubric has a criterion the model lacks.
"""

import math
import sys
import xml.etree.ElementTree as ET

from .common import RUBRIC_NS, clamp
from .texts import EVIDENCE


class Criterion:
    """One criterion of the rubric and its scoring method."""

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
    """A rubric file: sections, criteria, bonuses, deductions and vetoes."""

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
