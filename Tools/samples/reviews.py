"""The expert reviews of one unit in one round.

UnitReviews is a part of UnitRound (unit_round.py), kept apart so that the
submission side and the review side each stay a readable size. It uses what
UnitRound sets up: unit, rub, round, year, t (true performance), answers,
data and true_data, bonuses, ledger_problems, national_count and first_reviewer.
"""

import math

from .answers import checks_for, judgement_for, level_for
from .common import REV_NS, attrs, clamp, esc, fmt, rng_for
from .roster import EXPERTS, SUPERVISION_NOTICE, VETOED_UNIT
from .rubric import MEASURES, SELECTS, earned
from .texts import (BONUS_REJECT, DOWN_COMMENTS, EVIDENCE_REJECT, GENERIC_DOWN, INCIDENT_VETO_TEXT,
                    MISSING_COMMENTS, PLAIN_COMMENTS, UP_COMMENTS)


class UnitReviews:
    """The review side of UnitRound: one review XML per expert."""

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
