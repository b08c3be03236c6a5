#!/usr/bin/env python3
"""Paired rounds of `routesim staff`, one binary then the other: E1 and bilingual-support --per-interval.

Each round runs, with --json into a fresh file, `staff scenarios/erlang-c.yaml --target
service_level>=0.8` with BEFORE then AFTER, then `staff scenarios/bilingual-support.yaml --target
service_level>=0.8 --per-interval` the same way, from REPOSITORY (where the scenarios are), and
prints one JSON line per command: wall time, runs simulated, simulated callers, the answer and the
load average. Then per case and binary the wall times sorted with their median, and the
before / after ratio pair by pair.

Callers: BEFORE is taken to store every run of its search, so its callers are the sum of
`runs.tasks_created` in its file; AFTER's are counted from --json: the replications of each
staffing tried (`evaluations`), of the final check (replications 40 on, --max-replications'
default being 4 x 10) and of replication 0 (the run giving the offered load), each with the callers
of its replication number, read from one `batch` of the scenario (a replication has the same
callers whatever the staffing).

    python3 Benchmarks/scripts/staff-pairs.py BEFORE AFTER REPOSITORY [--pairs 6]
"""

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

CASES = {
    "E1": ["scenarios/erlang-c.yaml", "--target", "service_level>=0.8"],
    "bilingual": ["scenarios/bilingual-support.yaml", "--target", "service_level>=0.8", "--per-interval"],
}
FIRST_CHECK_REPLICATION = 40


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="the routesim binary measured first in each pair")
    parser.add_argument("after", help="the routesim binary measured second in each pair")
    parser.add_argument("repository", help="the routesim checkout whose scenarios/ are staffed")
    parser.add_argument("--pairs", type=int, default=6, help="rounds of each case (default 6)")
    options = parser.parse_args()
    before, after = os.path.abspath(options.before), os.path.abspath(options.after)
    folder = tempfile.mkdtemp(prefix="staff-pairs-")

    per_replication = {}
    for name, arguments in CASES.items():
        out = os.path.join(folder, name + "-batch.sqlite")
        subprocess.run([before, "batch", arguments[0], "--replications", "60", "--record", "summary", "--out", out],
                       cwd=options.repository, check=True, capture_output=True)
        with sqlite3.connect(out) as db:
            per_replication[name] = dict(db.execute("SELECT replication, tasks_created FROM runs"))

    def stored_callers(path):
        with sqlite3.connect(path) as db:
            return db.execute("SELECT SUM(tasks_created), COUNT(*) FROM runs").fetchone()

    def counted_callers(name, document):
        replications = [evaluation["replications"] for evaluation in document["evaluations"]]
        callers = per_replication[name]
        check = document["check"]["replications"]
        total = sum(callers[r] for n in replications for r in range(n))
        total += sum(callers[r] for r in range(FIRST_CHECK_REPLICATION, FIRST_CHECK_REPLICATION + check))
        total += callers[0]
        return total, sum(replications) + check + 1

    rows = []
    for round_number in range(options.pairs):
        for name, arguments in CASES.items():
            for label, binary in (("before", before), ("after", after)):
                out = os.path.join(folder, f"{name}-{label}-{round_number}.sqlite")
                started = time.perf_counter()
                process = subprocess.run([binary, "staff", *arguments, "--out", out, "--json"],
                                         cwd=options.repository, capture_output=True, text=True)
                wall = time.perf_counter() - started
                if process.returncode != 0:
                    sys.exit(process.stderr)
                document = json.loads(process.stdout)
                callers, runs = stored_callers(out) if label == "before" else counted_callers(name, document)
                answer = [(group["group"], group.get("per_interval", group["agents"])) for group in document["groups"]]
                rows.append(dict(case=name, label=label, round=round_number, wall=wall, callers=callers, runs=runs,
                                 answer=answer, load=os.getloadavg()[0], passes=document.get("passes")))
                print(json.dumps(rows[-1]), flush=True)

    print()
    for name in CASES:
        walls = {}
        for label in ("before", "after"):
            chosen = [row for row in rows if row["case"] == name and row["label"] == label]
            walls[label] = [row["wall"] for row in chosen]
            print(name, label, "walls", [round(wall, 2) for wall in sorted(walls[label])],
                  "median", round(statistics.median(walls[label]), 2),
                  "callers", sorted({row["callers"] for row in chosen}))
        ratios = [b / a for b, a in zip(walls["before"], walls["after"])]
        print(name, "before/after per pair", [round(ratio, 2) for ratio in ratios],
              "median", round(statistics.median(ratios), 2))


if __name__ == "__main__":
    main()
