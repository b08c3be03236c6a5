#!/usr/bin/env python3
"""Paired rounds of `routesim run` on the M/M/100+M center written with `channels: {voice: 1}` and plain.

Each round runs `run scenarios/bench/mm100.yaml --record summary` then the same of
`scenarios/bench/mm100-plain.yaml` with BEFORE, then both with AFTER, from REPOSITORY (where the
scenarios are), and prints each run's `runs.wall_seconds`, its callers and the load average. Then
per binary and scenario the wall times with their median, and per binary the plain / channels
ratio pair by pair.

    python3 Benchmarks/scripts/channels.py BEFORE AFTER REPOSITORY [--pairs 5]
"""

import argparse
import os
import sqlite3
import statistics
import subprocess
import tempfile


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="the routesim binary measured first in each round")
    parser.add_argument("after", help="the routesim binary measured second in each round")
    parser.add_argument("repository", help="the routesim checkout whose scenarios/bench/ are run")
    parser.add_argument("--pairs", type=int, default=5, help="rounds (default 5)")
    options = parser.parse_args()
    before, after = os.path.abspath(options.before), os.path.abspath(options.after)
    folder = tempfile.mkdtemp(prefix="channels-")
    runs = [("before", before, "mm100"), ("before", before, "mm100-plain"),
            ("after", after, "mm100"), ("after", after, "mm100-plain")]
    walls = {f"{label} {scenario}": [] for label, _, scenario in runs}
    callers = {}
    for round_number in range(options.pairs):
        for label, binary, scenario in runs:
            out = os.path.join(folder, f"{label}-{scenario}-{round_number}.sqlite")
            subprocess.run([binary, "run", f"scenarios/bench/{scenario}.yaml", "--record", "summary", "--out", out],
                           cwd=options.repository, check=True, capture_output=True)
            with sqlite3.connect(out) as db:
                wall, created = db.execute("SELECT wall_seconds, tasks_created FROM runs").fetchone()
            walls[f"{label} {scenario}"].append(wall)
            callers[f"{label} {scenario}"] = created
            print(round_number, label, scenario, round(wall, 3), created, round(os.getloadavg()[0], 1), flush=True)
    for key, values in walls.items():
        print(key, [round(value, 2) for value in values], "median", round(statistics.median(values), 3),
              "callers", callers[key])
    for label in ("before", "after"):
        ratios = [plain / voice for plain, voice in zip(walls[f"{label} mm100-plain"], walls[f"{label} mm100"])]
        print(label, "plain / channels per pair", [round(ratio, 3) for ratio in ratios],
              "median", round(statistics.median(ratios), 3))


if __name__ == "__main__":
    main()
