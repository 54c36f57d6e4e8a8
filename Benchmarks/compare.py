#!/usr/bin/env python3
"""Two or more piloteval builds against xmllint, alternated on the same corpus.

usage: Benchmarks/compare.py [--shape samples|notes|relative] [--units N] [--rounds R] BIN [BIN ...]

For performance work: each round runs xmllint --noout over every file of the
corpus, then `piloteval score --format json` with each build in turn, so a
burst of load on the host hits all of them alike. Prints, per tool, the median
wall and CPU seconds over the rounds, each wall time, and the ratio of medians
to xmllint. The corpus is bench.py's (generated on first use); `--shape` picks
one of bench.py's shapes (default samples), each scored with its own rubric.
One command per shape, for the comparison on a quiet machine, after building
the binary as it ships (`swift build -c release --product piloteval
--static-swift-stdlib`, README "Building the binary you ship"):

  python3 Benchmarks/compare.py --shape samples  .build/release/piloteval
  python3 Benchmarks/compare.py --shape notes    .build/release/piloteval
  python3 Benchmarks/compare.py --shape relative .build/release/piloteval

  swift build -c release --product piloteval --static-swift-stdlib && cp .build/release/piloteval /tmp/before
  ... change, rebuild ...
  python3 Benchmarks/compare.py /tmp/before .build/release/piloteval
"""
import argparse, os, statistics, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the corpus generator and the measuring helper)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shape", choices=bench.shapes.NAMES, default="samples")
    ap.add_argument("--units", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("bins", nargs="+", help="piloteval executables to compare")
    args = ap.parse_args()
    bins = [os.path.abspath(b) for b in args.bins]
    for b in bins:
        if not os.access(b, os.X_OK):
            sys.exit("not an executable: %s" % b)
    corpus = bench.corpus_folder(args.shape, args.units)
    rubric = bench.generate(corpus, args.units, args.shape)
    files = [os.path.relpath(f, corpus) for f in bench.files_under(corpus)]
    if sum(len(f) + 1 for f in files) > 4_000_000:
        sys.exit("the corpus's file list is too long for one xmllint command line; use bench.py for it")
    tools = [("xmllint --noout", ["xmllint", "--noout", "--nonet"] + files)]
    for b in bins:
        tools.append((b, [b, "score", "--rubric", rubric, "--reviews", "reviews", "--format", "json",
                          "--quiet", "submissions"]))
    runs = {name: [] for name, _ in tools}
    for _ in range(args.rounds):
        for name, cmd in tools:
            wall, _, cpu = bench.measure(cmd, corpus)
            runs[name].append((wall, cpu))
    base = statistics.median(w for w, _ in runs[tools[0][0]])
    print("shape %s: %d rounds over %d files; medians, ratio of wall medians to xmllint; load average %s" % (
        args.shape, args.rounds, len(files), " ".join("%.2f" % x for x in os.getloadavg())))
    for name, values in runs.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        print("%-40s wall %6.2f  cpu %6.2f  ratio %.3f   walls %s" % (
            name[-40:], wall, cpu, wall / base, " ".join("%.2f" % w for w, _ in values)))


if __name__ == "__main__":
    main()
