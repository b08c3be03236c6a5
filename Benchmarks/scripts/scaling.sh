#!/usr/bin/env bash
# The scaling runs of docs/performance.md: how cost grows with callers, agents and queues.
# Each line is one routesim-bench invocation (every case in a child process of its own).
#
#   cd Benchmarks && swift build -c release && scripts/scaling.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
bench=.build/release/routesim-bench
repeats=${1:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== (a) M/M/100+M, --record summary, by callers"
for n in 100000 1000000 10000000; do
    "$bench" --cases a --callers "$n" --repeat "$repeats"
done

echo "== M/M/c+M at 95 % load, 1,000,000 callers, by agents (c = 10, 100, 1000)"
for c in 10 100 1000; do
    rate=$((c * 114 / 10))   # 1,140 per hour per 100 agents
    "$bench" --cases a --callers 1000000 --repeat "$repeats" \
        --set workers.agents.count=$c --set arrivals.calls.rate=$rate/h
done

echo "== 10,000 agents at 90 % load, 1,000,000 callers, by queues (1, 10, 50 skills)"
for q in 1 10 50; do
    python3 scripts/make_skills_scenario.py --skills "$q" --out "$tmp/skills$q.yaml" >/dev/null
    "$bench" --cases c --callers 1000000 --repeat "$repeats" --scenario "$tmp/skills$q.yaml"
done

echo "== SimPy by callers"
for n in 100000 1000000; do
    "$bench" --cases simpy --simpy-callers "$n" --repeat 1
done
