"""Command line of the generator: reads the options, the rubric and the units, writes the rounds.

Tools/generate-samples.py calls main(); the defaults are relative to the repository root.
"""

import argparse
import os

from .roster import ROUNDS, UNITS
from .round_writer import arrange_pairings, generate_round
from .rubric import Rubric, check_rubric_matches
from .unit import Unit


def main(argv=None):
    tools = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    repo = os.path.dirname(tools)
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
