"""Paired wall-time rounds of two harness binaries on cases (a) and (c), before and after a change.

    python3 Benchmarks/scripts/pairs.py BEFORE AFTER ROUNDS

Each round runs both binaries on case (a) at 1,000,000 callers and case (c) at 300,000, in
alternating order (A B, B A, ...), and prints each round's after/before ratio of the simulation
seconds the harness reports, and their median: the machine's speed drifts between runs, so only
ratios within a round are compared (docs/performance.md).
"""
import json
import pathlib
import statistics
import subprocess
import sys

before, after, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
root = pathlib.Path(__file__).resolve().parents[2]


def simulate_seconds(binary, case, callers):
    out = subprocess.run(
        [binary, "--child", case, "--callers", str(callers), "--root", str(root)],
        capture_output=True, text=True, cwd=root / "Benchmarks", check=True).stdout
    return json.loads(out)["simulateSeconds"]


for case, callers in (("a", 1_000_000), ("c", 300_000)):
    ratios = []
    for r in range(rounds):
        order = [("before", before), ("after", after)]
        if r % 2:
            order.reverse()
        seconds = {name: simulate_seconds(binary, case, callers) for name, binary in order}
        ratios.append(seconds["after"] / seconds["before"])
    print(case, "after/before per pair:", ", ".join(f"{x:.3f}" for x in ratios),
          "median", round(statistics.median(ratios), 3))
print("load average", " ".join(open("/proc/loadavg").read().split()[:3]))
