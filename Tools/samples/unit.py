"""One pilot unit's persistent traits and its capability round by round."""

from .common import clamp, rng_for
from .roster import ARCHETYPES, LEVEL_EFFECT, PAIRING_BOOST, REGIONS, ROUNDS
from .texts import LOCAL_STANDARD_TITLES, NA_REASONS, NATIONAL_STANDARD_TITLES


class Unit:
    """A pilot unit: its roster row and the traits drawn once for all rounds."""

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
