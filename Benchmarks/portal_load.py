#!/usr/bin/env python3
"""Load benchmark for the submission portal (`piloteval serve`).

Sets up a round of N units by the office's CLI, starts the server on loopback, and has
C concurrent clients (each with its own unit and access code, keep-alive connections)
upload real submissions for a fixed time. Reports accepted uploads per second, p50/p99
latency and errors, and beside them, measured in the same run on the same disk, how many
durable SQLite commits per second the disk allows (WAL, synchronous=FULL, one row of the
same size per transaction): the ceiling for one commit per upload.

    python3 Benchmarks/portal_load.py --bin .build/release/piloteval [--clients 64] [--seconds 20]

With --reviews, a second phase follows (issue 17): the round is closed, E experts are added and
assigned K units each by `portal assign`, and every expert PUTs reviews of their units
concurrently for --review-seconds; then the server is killed with SIGKILL while the experts are
still sending, started again, and every review it had acknowledged (201, with its version) must
be in the database. Figures: accepted reviews per second, p50/p99, errors before the kill, and
acknowledged reviews missing after it (must be 0).

    python3 Benchmarks/portal_load.py --bin .build/debug/piloteval --clients 32 --seconds 5 \
        --reviews --experts 16 --per-unit 2 --review-seconds 10
"""
import argparse
import http.client
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUBRIC = os.path.join(ROOT, "Rubrics", "jgsw-pilot.xml")
SAMPLE = os.path.join(ROOT, "Samples", "2026H1", "submissions", "FJ-00-01.xml")


def run(binary, *args, cwd):
    return subprocess.run([binary, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def commit_rate(directory, size, seconds=3.0):
    """Durable commits per second on this disk: WAL, synchronous=FULL, one row per transaction."""
    path = os.path.join(directory, "commit-rate.sqlite")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)")
    blob = os.urandom(size)
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t (body) VALUES (?)", (blob,))
        db.execute("COMMIT")
        count += 1
    elapsed = time.perf_counter() - start
    db.close()
    return count / elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "piloteval"))
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--reviews", action="store_true", help="then a review phase, ended by SIGKILL")
    parser.add_argument("--experts", type=int, default=16)
    parser.add_argument("--per-unit", type=int, default=2)
    parser.add_argument("--review-seconds", type=float, default=10)
    options = parser.parse_args()
    binary = os.path.abspath(options.bin)
    work = tempfile.mkdtemp(prefix="portal-load-", dir=os.environ.get("PORTAL_LOAD_DIR"))

    office = run(binary, "portal", "init", "--db", "p.sqlite", cwd=work).strip()
    run(binary, "portal", "open-round", "--db", "p.sqlite", "--rubric", RUBRIC, "--round", "2026H1", cwd=work)
    units = [f"LOAD-{n:03d}" for n in range(1, options.clients + 1)]
    with open(os.path.join(work, "units.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,region,level,category\n")
        for unit in units:
            f.write(f"{unit},负载测试单位{unit},福建,市级,机关事务管理局\n")
    run(binary, "portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes", "codes.csv", cwd=work)
    codes = dict(line.strip().split(",") for line in open(os.path.join(work, "codes.csv"), encoding="utf-8").readlines()[1:])
    template = open(SAMPLE, encoding="utf-8").read()
    bodies = {unit: template.replace('id="FJ-00-01"', f'id="{unit}"').encode() for unit in units}

    ceiling = commit_rate(work, len(bodies[units[0]]))

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [binary, "serve", "--db", "p.sqlite", "--listen", f"127.0.0.1:{port}", "--requests-per-code", "1000000"],
        cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(400):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz")
            break
        except OSError:
            time.sleep(0.05)

    latencies = []
    statuses = {}
    lock = threading.Lock()
    start_gate = threading.Barrier(len(units) + 1)
    stop_at = [0.0]

    def client(unit):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Authorization": f"Bearer {codes[unit]}", "Content-Type": "application/xml"}
        mine = []
        seen = {}
        start_gate.wait()
        while time.perf_counter() < stop_at[0]:
            began = time.perf_counter()
            try:
                connection.request("PUT", f"/api/v1/rounds/2026H1/submissions/{unit}", body=bodies[unit], headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status = -1
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - began)
            seen[status] = seen.get(status, 0) + 1
        with lock:
            latencies.extend(mine)
            for status, count in seen.items():
                statuses[status] = statuses.get(status, 0) + count

    threads = [threading.Thread(target=client, args=(unit,)) for unit in units]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    stop_at[0] = began + options.seconds
    start_gate.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    # Every 201 must be in the database: count versions through the office's status route.
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/rounds/2026H1/status",
                                     headers={"Authorization": f"Bearer {office}"})
    status = json.loads(urllib.request.urlopen(request).read())
    stored = sum(unit["uploads"] for unit in status["units"])
    server.terminate()
    server.wait(10)

    accepted = statuses.get(201, 0)
    latencies.sort()
    figures = {
        "clients": len(units),
        "seconds": round(elapsed, 2),
        "accepted_per_second": round(accepted / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
        "errors": sum(count for code, count in statuses.items() if code != 201),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "stored_versions": stored,
        "durable_commits_per_second": round(ceiling, 1),
        "share_of_commit_rate": round(accepted / elapsed / ceiling, 2),
        "body_bytes": len(bodies[units[0]]),
    }
    if options.reviews:
        figures["reviews"] = review_phase(binary, work, office, units, options)
    print(json.dumps(figures, indent=2))
    if options.json:
        with open(options.json, "w") as f:
            json.dump(figures, f, indent=2)
    if figures["errors"] or stored != accepted:
        print("FAIL: errors, or stored versions differ from 201s", file=sys.stderr)
        sys.exit(1)
    if options.reviews and (figures["reviews"]["errors_before_kill"] or figures["reviews"]["acknowledged_missing"]):
        print("FAIL: review errors, or acknowledged reviews missing after SIGKILL", file=sys.stderr)
        sys.exit(1)


def start_server(binary, work):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [binary, "serve", "--db", "p.sqlite", "--listen", f"127.0.0.1:{port}", "--requests-per-code", "1000000"],
        cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(400):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz")
            return server, port
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the server did not start")


def review_phase(binary, work, office, units, options):
    """Experts PUT reviews concurrently; SIGKILL mid-load; every acknowledged review must be on disk."""
    run(binary, "portal", "close", "--db", "p.sqlite", "--round", "2026H1", cwd=work)
    regions = ["广西", "广东", "湖南", "江苏", "四川"]
    experts = [f"EX-{n:03d}" for n in range(1, options.experts + 1)]
    with open(os.path.join(work, "experts.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,region,organisation\n")
        for n, expert in enumerate(experts):
            f.write(f"{expert},负载测试专家{n + 1},{regions[n % len(regions)]},专家单位{n % 7}\n")
    run(binary, "portal", "add-reviewers", "--db", "p.sqlite", "--round", "2026H1", "experts.csv",
        "--codes", "expert-codes.csv", cwd=work)
    codes = dict(line.strip().split(",") for line in
                 open(os.path.join(work, "expert-codes.csv"), encoding="utf-8").readlines()[1:])
    run(binary, "portal", "assign", "--db", "p.sqlite", "--round", "2026H1", "--per-unit", str(options.per_unit),
        "--seed", "1", cwd=work)
    server, port = start_server(binary, work)
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/rounds/2026H1/assignments",
                                     headers={"Authorization": f"Bearer {office}"})
    plan = json.loads(urllib.request.urlopen(request).read())["assignments"]
    mine = {expert: [a["unit"] for a in plan if a["reviewer"] == expert] for expert in experts}
    template = open(os.path.join(ROOT, "Samples", "2026H1", "reviews", "FJ-00-01-E05.xml"), encoding="utf-8").read()

    def body(unit, expert):
        return template.replace('unit="FJ-00-01"', f'unit="{unit}"').replace(
            'reviewer="E05"', f'reviewer="{expert}"').encode()

    lock = threading.Lock()
    latencies, statuses, acknowledged = [], {}, {}
    killed_at = [float("inf")]
    stop = threading.Event()
    gate = threading.Barrier(len(experts) + 1)

    def expert_client(expert):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Authorization": f"Bearer {codes[expert]}", "Content-Type": "application/xml"}
        bodies = {unit: body(unit, expert) for unit in mine[expert]}
        times, seen, acks = [], {}, {}
        gate.wait()
        turn = 0
        while not stop.is_set() and bodies:
            unit = mine[expert][turn % len(mine[expert])]
            turn += 1
            began = time.perf_counter()
            try:
                connection.request("PUT", f"/api/v1/rounds/2026H1/reviews/{unit}", body=bodies[unit], headers=headers)
                response = connection.getresponse()
                answer = response.read()
                status = response.status
                if status == 201:
                    version = json.loads(answer)["version"]
                    acks[unit] = max(acks.get(unit, 0), version)
            except (OSError, http.client.HTTPException, ValueError):
                status = -1
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                if stop.is_set():
                    break
                time.sleep(0.01)
            ended = time.perf_counter()
            times.append((ended, ended - began))
            seen[(status, ended < killed_at[0])] = seen.get((status, ended < killed_at[0]), 0) + 1
        with lock:
            latencies.extend(times)
            for key, count in seen.items():
                statuses[key] = statuses.get(key, 0) + count
            for unit, version in acks.items():
                acknowledged[(unit, expert)] = version

    threads = [threading.Thread(target=expert_client, args=(expert,)) for expert in experts]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    gate.wait()
    time.sleep(options.review_seconds)
    killed_at[0] = time.perf_counter()
    os.kill(server.pid, signal.SIGKILL)  # mid-load: requests in flight, answers just sent
    server.wait(10)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = killed_at[0] - began

    server, port = start_server(binary, work)  # starts again on the same file (WAL recovery)
    server.terminate()
    server.wait(10)
    db = sqlite3.connect(os.path.join(work, "p.sqlite"))
    stored = {(u, r): v for u, r, v in db.execute(
        "SELECT unit_id, reviewer_id, MAX(version) FROM review WHERE status = 'accepted' GROUP BY unit_id, reviewer_id")}
    db.close()
    missing = sum(1 for key, version in acknowledged.items() if stored.get(key, 0) < version)
    before = [latency for ended, latency in latencies if ended < killed_at[0]]
    before.sort()
    accepted = statuses.get((201, True), 0)
    return {
        "experts": len(experts),
        "per_unit": options.per_unit,
        "assignments": len(plan),
        "seconds": round(elapsed, 2),
        "accepted_per_second": round(accepted / elapsed, 1),
        "p50_ms": round(statistics.median(before) * 1000, 1) if before else None,
        "p99_ms": round(before[max(0, int(len(before) * 0.99) - 1)] * 1000, 1) if before else None,
        "errors_before_kill": sum(c for (code, early), c in statuses.items() if early and code != 201),
        "failed_at_kill": sum(c for (code, early), c in statuses.items() if not early),
        "acknowledged_pairs": len(acknowledged),
        "acknowledged_missing": missing,
        "body_bytes": len(body(units[0], experts[0])),
    }


if __name__ == "__main__":
    main()
