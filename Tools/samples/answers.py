"""How a performance fraction (0..1) becomes an answer to a criterion.

Shared by the units' self-assessments and the experts' scores.
"""

from .common import clamp
from .rubric import SELECTS


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
