#!/usr/bin/env python3
"""Hostile corpus for issue 12: runs score, validate, rank, report and record on
hostile files beside the 2025H1 sample round and checks that none of them hangs,
poisons or stops the batch.

The small hostile files live in corpus/ beside this script; the large ones (an
attribute flood in EBCDIC and UTF-7, 500,000 empty elements, a 1,000,000-character
unit name, a 40,000-character criterion id) are generated here, into a temporary
folder, every run. Checks, for every command on good + hostile files:
  - it finishes within the time limit (5 s of CPU by default; wall-clock time on
    machines shared with other builds says more about them than about the command);
  - every good unit scores exactly as in a run on the good files alone;
  - seen = scored + rejected (the JSON result and summary.txt);
and, on their own, every hostile rubric (RUBRIC_BREAKS, made from the sample
rubric) is refused: check-rubric exits non-zero with FILE:LINE, score exits 2.

usage: Tests/Hostile/run.py [--bin .build/debug/piloteval] [--limit SECONDS]
Exit 0 when every check passes, 1 otherwise.
"""
import json, os, re, resource, shutil, subprocess, sys, tempfile, time

# The checks read the English messages and account line (the tool speaks Chinese unless asked).
ENV = dict(os.environ, PILOTEVAL_LANG="en")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RUBRIC = os.path.join(ROOT, "Rubrics", "jgsw-pilot.xml")
SAMPLES = os.path.join(ROOT, "Samples", "2025H1")

HEADER = ('<submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2025.1">\n'
          '  <unit id="%s"%s>%s</unit>\n'
          '  <round id="2025H1"/>\n')


def submission(unit, name="测试单位", body="", cohorts=' region="福建" level="市级" category="机关事务管理局"'):
    return HEADER % (unit, cohorts, name) + body + "</submission>\n"


def generate(folder):
    """The large hostile submissions, written into `folder`."""
    def put(name, data):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    flood = "".join(' a%d="%d"' % (i, i) for i in range(100000))
    plain = lambda enc: ('<?xml version="1.0" encoding="%s"?>\n' % enc) + submission(
        "H-FLOOD-" + enc, "flood", "  <data><x%s/></data>\n" % flood, cohorts="")
    put("flood-ibm037.xml", plain("IBM037").encode("cp037"))
    text = plain("UTF-7")
    split = text.index("?>") + 2
    put("flood-utf7.xml", text[:split].encode("ascii") + text[split:].encode("utf-7"))
    put("many-elements.xml", submission("H-ELEMENTS", "元素", "  <data>" + "<x/>" * 500000 + "</data>\n").encode())
    put("long-name.xml", submission("H-LONG-NAME", "长" * 1000000).encode())
    put("long-criterion.xml", submission(
        "H-LONG-ID", "长标识", '  <response criterion="%s" level="A"/>\n' % ("C" * 40000)).encode())


# Ways to break the sample rubric (SPEC v1.1 §1): (file name, text replaced, replacement).
RUBRIC_BREAKS = [
    ("variable.xml", 'select="/s:submission/s:data/s:incidents/@major &gt; 0"', 'select="$major &gt; 0"'),
    ("count-of-boolean.xml", 'select="/s:submission/s:data/s:incidents/@major &gt; 0"',
     'select="count(s:data/s:incidents/@major &gt; 0) &gt; 0"'),
    ("count-of-number.xml", "select=\"count(/s:submission/s:data/s:rectification[@overdue='true'])\"",
     'select="count(1)"'),
    ("prefix-twice.xml", '<namespace prefix="s" uri="urn:piloteval:submission:1"/>',
     '<namespace prefix="s" uri="urn:piloteval:submission:1"/><namespace prefix="s" uri="urn:example:x"/>'),
    ("prefix-xml.xml", '<namespace prefix="s" uri="urn:piloteval:submission:1"/>',
     '<namespace prefix="s" uri="urn:piloteval:submission:1"/><namespace prefix="xml" uri="urn:example:x"/>'),
    ("prefix-space.xml", '<namespace prefix="s" uri="urn:piloteval:submission:1"/>',
     '<namespace prefix="s" uri="urn:piloteval:submission:1"/><namespace prefix="a b" uri="urn:example:x"/>'),
    ("points-1e12.xml", 'points="0.5"/>', 'points="1000000000000"/>'),
]


def hostile_rubrics(folder):
    """Each break of RUBRIC_BREAKS written beside the others in `folder`: (name, path)."""
    with open(RUBRIC, encoding="utf-8") as f:
        text = f.read()
    made = []
    for name, old, new in RUBRIC_BREAKS:
        if old not in text:
            sys.exit("run.py: the sample rubric changed; %s cannot be made" % name)
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
        made.append((name, path))
    return made


def run(binary, args, limit, failures, label):
    """Runs one command; its CPU time (user + system) must stay within `limit` seconds.

    CPU time, not wall-clock time: the machines are shared by several builds at once,
    and a command waiting for a core is not a command doing too much work. A command
    that does not end within 12 × the limit of wall-clock time is a hang.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    try:
        p = subprocess.run([binary] + args, capture_output=True, env=ENV, timeout=max(limit * 12, 60))
    except subprocess.TimeoutExpired:
        failures.append("%s: no answer in %d s" % (label, max(limit * 12, 60)))
        return None, 0.0
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if cpu > limit:
        failures.append("%s: %.1f s of CPU, over the %.1f s limit (%.1f s wall)" % (label, cpu, limit, wall))
    return p, cpu


def units(result):
    return {u["unit"]: (u["score"], u["selfScore"], u["tier"]) for u in result["units"]}


def main():
    argv = sys.argv[1:]
    binary = os.path.join(ROOT, ".build", "debug", "piloteval")
    limit = 5.0
    if "--bin" in argv:
        binary = argv[argv.index("--bin") + 1]
    if "--limit" in argv:
        limit = float(argv[argv.index("--limit") + 1])
    failures = []
    work = tempfile.mkdtemp(prefix="piloteval-hostile-")
    try:
        good = os.path.join(work, "good")
        shutil.copytree(os.path.join(SAMPLES, "submissions"), good)
        mixed = os.path.join(work, "mixed")
        shutil.copytree(good, mixed)
        shutil.copytree(os.path.join(HERE, "corpus", "submissions"), os.path.join(mixed, "hostile"))
        generate(os.path.join(mixed, "hostile"))
        reviews = os.path.join(work, "reviews")
        shutil.copytree(os.path.join(SAMPLES, "reviews"), reviews)
        shutil.copytree(os.path.join(HERE, "corpus", "reviews"), os.path.join(reviews, "hostile"))
        files = sum(len([f for f in fs if f.endswith(".xml")]) for _, _, fs in os.walk(mixed))

        common = ["--rubric", RUBRIC, "--reviews", reviews]
        p, _ = run(binary, ["score", "--format", "json", "-q", "--rubric", RUBRIC,
                            "--reviews", os.path.join(SAMPLES, "reviews"), good], limit, failures, "score (good only)")
        alone = units(json.loads(p.stdout)) if p is not None else {}
        times = {}
        p, times["score"] = run(binary, ["score", "--format", "json", "-q", "--out", os.path.join(work, "score")]
                                + common + [mixed], limit, failures, "score")
        if p is not None:
            if p.returncode != 0:
                failures.append("score: exit %d: %s" % (p.returncode, p.stderr[-300:].decode("utf-8", "replace")))
            result = json.loads(p.stdout)
            mixed_units = units(result)
            for unit, values in sorted(alone.items()):
                if mixed_units.get(unit) != values:
                    failures.append("score: good unit %s scored %r beside hostile files, %r alone"
                                    % (unit, mixed_units.get(unit), values))
            rejected_subs = [r for r in result["rejected"] if os.path.commonpath([r["file"], mixed]) == mixed]
            if len(result["units"]) + len(rejected_subs) != files:
                failures.append("score: seen %d, scored %d + rejected %d" % (files, len(result["units"]), len(rejected_subs)))
            text = json.dumps(result)
            if "NaN" in text or "Infinity" in text or '"score": null' in text:
                failures.append("score: a non-finite number in the result")
            summary = open(os.path.join(work, "score", "summary.txt"), encoding="utf-8").read()
            seen = int(re.search(r"submissions seen: (\d+)", summary).group(1))
            scored = int(re.search(r"scored: (\d+)", summary).group(1))
            rejected = int(re.search(r"  rejected: (\d+)", summary).group(1))
            if seen != files or seen != scored + rejected:
                failures.append("summary.txt: seen %d, scored %d, rejected %d (files: %d)" % (seen, scored, rejected, files))
            for must in ("H-FLOOD-IBM037", "H-FLOOD-UTF-7", "H-HUGE-COUNT", "H-HUGE-VALUE"):
                if must in mixed_units:
                    failures.append("score: hostile unit %s was scored" % must)
        p, times["validate"] = run(binary, ["validate", "-q"] + common + [mixed], limit, failures, "validate")
        if p is not None and b"triggered='TRUE' is not read as a veto" not in p.stdout:
            failures.append("validate: the veto written triggered=\"TRUE\" is not flagged")
        p, times["rank"] = run(binary, ["rank", "-q", "--draws", "200"] + common + [mixed], limit, failures, "rank")
        if p is not None and p.returncode != 0:
            failures.append("rank: exit %d" % p.returncode)
        p, times["report"] = run(binary, ["report", "--draws", "200", "--out", os.path.join(work, "report")]
                                 + common + [mixed], limit, failures, "report")
        if p is not None and (p.returncode != 0 or b"scored" not in p.stderr):
            failures.append("report: exit %d, account: %s" % (p.returncode, p.stderr[-300:].decode("utf-8", "replace")))
        p, times["record"] = run(binary, ["record", "-q", "--draws", "200", "--db", os.path.join(work, "h.sqlite")]
                                 + common + [mixed], limit, failures, "record")
        if p is not None and p.returncode != 0:
            failures.append("record: exit %d: %s" % (p.returncode, p.stderr[-300:].decode("utf-8", "replace")))

        # A rubric measure that is quadratic in the elements: the 500,000-element file is rejected at its root.
        costly = os.path.join(work, "costly-rubric.xml")
        with open(RUBRIC, encoding="utf-8") as f:
            text = f.read().replace(
                "select=\"count(/s:submission/s:data/s:rectification[@overdue='true'])\"",
                "select=\"count(//*[count(//*) &gt; 0]) - count(//*) * count(//*)\"")
        with open(costly, "w", encoding="utf-8") as f:
            f.write(text)
        p, _ = run(binary, ["score", "--format", "json", "-q", "--rubric", costly, good], limit, failures,
                   "score, costly rubric (good only)")
        costly_alone = units(json.loads(p.stdout)) if p is not None else {}
        p, times["score, costly rubric"] = run(
            binary, ["score", "--format", "json", "-q", "--rubric", costly, mixed], limit, failures, "score, costly rubric")
        if p is not None:
            result = json.loads(p.stdout)
            too_costly = [r for r in result["rejected"] if r["file"].endswith("many-elements.xml")]
            if not too_costly or "evaluation too costly" not in too_costly[0]["errors"][0]["message"] \
                    or too_costly[0]["errors"][0]["line"] != 1:
                failures.append("costly rubric: many-elements.xml not rejected at its root line: %r" % too_costly)
            for unit, values in sorted(costly_alone.items()):
                if units(result).get(unit) != values:
                    failures.append("costly rubric: good unit %s changed beside hostile files" % unit)

        # Hostile rubrics, on their own: each is refused, by check-rubric and by score.
        for name, path in hostile_rubrics(work):
            p, _ = run(binary, ["check-rubric", path], limit, failures, "check-rubric " + name)
            if p is not None and (p.returncode == 0 or not re.search(re.escape(name) + rb":\d+:".decode(),
                                                                     p.stderr.decode("utf-8", "replace"))):
                failures.append("check-rubric %s: exit %d without FILE:LINE" % (name, p.returncode))
            p, _ = run(binary, ["score", "-q", "--rubric", path, good], limit, failures, "score with " + name)
            if p is not None and p.returncode != 2:
                failures.append("score with %s: exit %d, not 2" % (name, p.returncode))

        for command, seconds in times.items():
            print("%-22s %5.2f s CPU" % (command, seconds))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print("FAIL " + failure)
    print("hostile corpus: %d problem(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
