"""One unit in one round: its true performance, data, answers, bonuses and submission XML.

The expert reviews of the same unit and round are written by UnitReviews (reviews.py),
which UnitRound inherits.
"""

import math

from .answers import checks_for, judgement_for, level_for
from .common import SUB_NS, attrs, clamp, esc, fmt, rng_for
from .reviews import UnitReviews
from .roster import ROUNDS, VETOED_UNIT
from .rubric import earned
from .texts import BONUS_EVIDENCE, EVIDENCE, FALSE_BONUS_EVIDENCE, NOTES, PROMOTIONS, RECTIFICATION_TITLES


class UnitRound(UnitReviews):
    """One unit in one round; the reviews come from UnitReviews."""

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
