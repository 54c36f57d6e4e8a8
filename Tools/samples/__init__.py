"""The PilotEval sample generator, as a package; Tools/generate-samples.py runs it.

Modules, each with one job:
  common        seed, XML namespaces, seeded random, number and text formatting
  roster        rounds, regions, pilot units, archetypes, experts (data)
  texts         the Chinese texts units and experts write (data)
  rubric        the rubric read from XML and a Python mirror of its scoring
  unit          one unit's persistent traits and capability by round
  answers       a performance fraction turned into an answer to a criterion
  unit_round    one unit in one round: data, answers, submission XML
  reviews       the expert reviews of one unit in one round
  broken        the deliberately broken files in submissions/broken/
  round_writer  one round's files on disk and its README.md
  cli           the command line (main)

The model (see README.md of a generated round):
  * each unit has a latent capability in 0..1 (region, administrative level
    and an archetype shape it), a per-section profile, a per-criterion
    offset, a tendency to overstate, and a growth rate;
  * its true performance on a criterion is capability + section profile +
    criterion offset + a little round noise; what it claims is that plus
    its overstatement; its <data> statistics follow the true performance
    (self-reported ratios inflated slightly by overstatement);
  * experts (E01..E12, a panel of five per region) perceive the true
    performance with their own bias and noise, and correct claims that are
    clearly above what they see, more readily for units that overstate;
    E04 is lenient, E09 is harsh, E07 is erratic;
  * between rounds capability grows by rate × (1 − capability): most
    laggards improve, a few stall;
  * after each round but the last, the programme office arranges 结对帮扶
    pairings (OUT/<round>/pairings.csv): about half of the units that are
    not exemplars, picked at random, learn from the strongest exemplar of
    their region (or of the whole programme); a paired unit gains an extra
    PAIRING_BOOST × (1 − capability) by the next round, so the trend
    analysis has a planted effect to find.
"""
