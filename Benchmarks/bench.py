#!/usr/bin/env python3
"""Batch-scoring benchmark: piloteval against xmllint's parse-only floor, in one run.

Builds a synthetic round of N units (default 10,000) from the bundled sample
round — each synthetic unit is a copy of a real sample submission under a new
unit id, with that sample's expert reviews (about 4 per unit on average) — then
measures, side by side on the same files:

  xmllint --noout FILES...   one process over every submission and review
                             (the single-threaded parse floor a user would run)
  piloteval score --format json --reviews ... SUBMISSIONS  (all cores)

and prints wall time, files/s, MB/s, peak RSS and the piloteval/xmllint ratio.

usage: Benchmarks/bench.py [--shape samples|notes|relative] [--units N] [--jobs J] [--repeat R] [--bin PATH]

Shapes (Benchmarks/shapes.py): `samples` (the default: copies of the sample round,
Rubrics/jgsw-pilot.xml), `notes` (generated: ~4 KB submissions with long Chinese
notes full of character references, 13 criteria, ~1.8 reviews a unit) and
`relative` (generated: a rubric whose XPath starts with relative paths such as
s:data/s:metric, and a corpus to match). Generated shapes bring their own rubric.
"""
import argparse, os, resource, shutil, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shapes  # noqa: E402  (the corpus shapes)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(folder, units, shape="samples"):
    """Writes the corpus of `shape` into `folder` (once); returns the rubric to score it with."""
    return shapes.generate(shape, folder, units)


def corpus_folder(shape, units):
    """Where the generated corpus of `shape` with `units` units lives."""
    return os.path.join(ROOT, ".build-bench", shapes.folder_name(shape, units))


def files_under(folder):
    """The corpus's submissions and reviews (not a generated shape's rubric), sorted."""
    found = []
    for part in ("submissions", "reviews"):
        for base, _, names in os.walk(os.path.join(folder, part)):
            found += [os.path.join(base, n) for n in names if n.endswith(".xml")]
    return sorted(found)


def measure(cmd, cwd):
    """Wall seconds and peak RSS (MiB) of one command, via GNU time."""
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, preexec_fn=_big_stack)
    wall = time.monotonic() - start
    last = p.stderr.decode("utf-8", "replace").strip().splitlines()
    if p.returncode != 0:
        sys.exit("benchmark command failed (%d): %s\n%s" % (p.returncode, " ".join(cmd[:4]), "\n".join(last[-5:])))
    user, system, rss = last[-1].split()
    return wall, int(rss) / 1024, float(user) + float(system)


def _big_stack():
    # xmllint takes every file as an argument; a larger stack raises the argument limit.
    resource.setrlimit(resource.RLIMIT_STACK, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shape", choices=shapes.NAMES, default="samples", help="the corpus's shape (default: samples)")
    ap.add_argument("--units", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=3, help="runs of each tool; the best is reported")
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "piloteval"))
    ap.add_argument("--corpus", default=None, help="folder for the generated corpus")
    ap.add_argument("--slow-inputs", type=int, default=0,
                    help="also time a run with this many extra files built to be slow in libxml2 "
                         "(one element with 200,000 attributes, about 2 MB each)")
    ap.add_argument("--rank-draws", type=int, default=1000,
                    help="also time `piloteval rank` with this many Monte Carlo draws (0: skip)")
    args = ap.parse_args()

    if not shutil.which("xmllint"):
        sys.exit("xmllint is missing: apt-get install -y libxml2-utils")
    if not os.path.exists(args.bin):
        subprocess.run(["swift", "build", "-c", "release", "--product", "piloteval", "--static-swift-stdlib"],
                       cwd=ROOT, check=True)
    corpus = args.corpus or corpus_folder(args.shape, args.units)
    t0 = time.monotonic()
    rubric = generate(corpus, args.units, args.shape)
    files = files_under(corpus)
    submissions = [f for f in files if "/submissions/" in f]
    size = sum(os.path.getsize(f) for f in files) / 1e6
    print("corpus (%s): %d submissions + %d reviews, %.1f MB (%s, ready in %.0f s)" % (
        args.shape, len(submissions), len(files) - len(submissions), size, corpus, time.monotonic() - t0))
    print("machine: %d cores, %s" % (os.cpu_count(), _cpu()))

    rel = [os.path.relpath(f, corpus) for f in files]
    # Linux caps a command line at about 6 MB: past that, xmllint runs over the
    # same files in consecutive batches (still one process at a time).
    batches, batch, size_now = [], [], 0
    for f in rel:
        if size_now + len(f) + 1 > 4_000_000:
            batches.append(batch)
            batch, size_now = [], 0
        batch.append(f)
        size_now += len(f) + 1
    batches.append(batch)
    if len(batches) == 1:
        xmllint = ["xmllint", "--noout", "--nonet"] + rel
    else:
        lists = []
        for i, b in enumerate(batches):
            path = os.path.join(corpus, ".batch-%d" % i)
            with open(path, "w") as out:
                out.write("\0".join(b))
            lists.append(path)
        xmllint = ["sh", "-c", " && ".join("xargs -0 -n %d xmllint --noout --nonet < %s" % (len(b), p)
                                           for b, p in zip(batches, lists))]
    piloteval = [args.bin, "score", "--rubric", rubric, "--reviews", "reviews", "--format", "json",
                 "--quiet", "--jobs", str(args.jobs), "submissions"]
    results = {}
    lint_name = "xmllint --noout (1 process)" if len(batches) == 1 else "xmllint --noout (%d in turn)" % len(batches)
    tools = [(lint_name, xmllint), ("piloteval score --format json", piloteval)]
    validate = [args.bin, "validate", "--rubric", rubric, "--reviews", "reviews", "--jobs", str(args.jobs),
                "submissions"]
    tools.append(("piloteval validate (with XSD)", validate))
    if args.rank_draws > 0:
        rank = [args.bin, "rank", "--rubric", rubric, "--reviews", "reviews", "--format", "json", "--quiet",
                "--jobs", str(args.jobs), "--draws", str(args.rank_draws), "submissions"]
        tools.append(("piloteval rank (%d draws)" % args.rank_draws, rank))
    if args.slow_inputs > 0:
        slow = corpus.rstrip("/") + "-slow"  # beside the corpus, so xmllint never meets these files
        os.makedirs(slow, exist_ok=True)
        attributes = " ".join('a%d="%d"' % (i, i) for i in range(200000))
        for k in range(args.slow_inputs):
            with open(os.path.join(slow, "slow-%02d.xml" % k), "w") as out:
                out.write('<?xml version="1.0"?>\n<submission xmlns="urn:piloteval:submission:1" %s/>\n' % attributes)
        tools.append(("piloteval score + %d slow files" % args.slow_inputs, piloteval + [slow]))
    for name, cmd in tools:
        runs = [measure(cmd, corpus) for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r[0])
        results[name] = (best[0], max(r[1] for r in runs), best[2])
    base = results[lint_name][0]
    print()
    print("%-32s %9s %8s %10s %8s %13s %7s" % ("tool", "wall s", "CPU s", "files/s", "MB/s", "peak RSS MiB", "ratio"))
    for name, (wall, rss, cpu) in results.items():
        print("%-32s %9.2f %8.2f %10.0f %8.1f %13.1f %7.2f" % (
            name, wall, cpu, len(files) / wall, size / wall, rss, wall / base))


def _cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
