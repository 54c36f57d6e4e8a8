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

The generator itself is the package Tools/samples/ (see its __init__.py for the
model and for what each module does); this script only runs it.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from samples.cli import main  # noqa: E402  (the package sits next to this script)

if __name__ == "__main__":
    main()
