"""Seed, XML namespaces and the small helpers every part of the generator uses.

rng_for gives the seeded random.Random behind every draw; fmt and esc write
numbers and text as the submission and review formats want them.
"""

import random

SEED = "piloteval-samples-v1"
RUBRIC_NS = "urn:piloteval:rubric:1"
SUB_NS = "urn:piloteval:submission:1"
REV_NS = "urn:piloteval:review:1"


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
