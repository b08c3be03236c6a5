#!/usr/bin/env python3
"""Benchmark (a) in SimPy: the M/M/100+M model of scenarios/bench/mm100.yaml.

100 servers (a simpy.Resource), Poisson arrivals at 1,140 per hour, exponential handle
time of 300 s, exponential patience of 180 s, FIFO. One generator per caller requests a
server and reneges when its patience runs out first (`yield request | env.timeout(patience)`).
Arrivals stop at the horizon, callers / rate; the run goes on until every caller has left,
as routesim's does. Draws come from random.Random streams derived from --seed (arrivals,
patience, handle time).

Prints one JSON object: callers, answered, abandoned, abandon_rate, asa_seconds,
wall_seconds (the simulation, env.run), callers_per_second, simpy and python versions.

    pip install simpy==4.1.2
    python3 Benchmarks/peers/mm100_simpy.py --callers 200000
"""

import argparse
import json
import platform
import random
import sys
import time

import simpy

AGENTS = 100
RATE_PER_SECOND = 1140 / 3600
MEAN_HANDLE = 300.0
MEAN_PATIENCE = 180.0


class Tally:
    __slots__ = ("callers", "answered", "abandoned", "wait_answered")

    def __init__(self):
        self.callers = 0
        self.answered = 0
        self.abandoned = 0
        self.wait_answered = 0.0


def caller(env, agents, patience, handle, tally):
    arrived = env.now
    with agents.request() as request:
        # The request leaves the queue (or frees its server) when the `with` block ends.
        result = yield request | env.timeout(patience)
        if request in result:
            tally.answered += 1
            tally.wait_answered += env.now - arrived
            yield env.timeout(handle)
        else:
            tally.abandoned += 1


def source(env, agents, horizon, seed, tally):
    arrivals = random.Random(seed)
    patience = random.Random(seed + 1)
    handle = random.Random(seed + 2)
    rate = RATE_PER_SECOND
    while True:
        yield env.timeout(arrivals.expovariate(rate))
        if env.now >= horizon:
            return
        tally.callers += 1
        env.process(
            caller(
                env,
                agents,
                patience.expovariate(1.0 / MEAN_PATIENCE),
                handle.expovariate(1.0 / MEAN_HANDLE),
                tally,
            )
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--callers", type=int, default=200_000, help="expected callers (sets the horizon)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    horizon = args.callers / RATE_PER_SECOND
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=AGENTS)
    tally = Tally()
    env.process(source(env, agents, horizon, args.seed, tally))
    start = time.perf_counter()
    env.run()
    wall = time.perf_counter() - start

    print(
        json.dumps(
            {
                "model": "M/M/100+M (SimPy)",
                "callers": tally.callers,
                "answered": tally.answered,
                "abandoned": tally.abandoned,
                "abandon_rate": tally.abandoned / tally.callers if tally.callers else None,
                "asa_seconds": tally.wait_answered / tally.answered if tally.answered else None,
                "horizon_seconds": horizon,
                "end_time_seconds": env.now,
                "wall_seconds": wall,
                "callers_per_second": tally.callers / wall if wall > 0 else None,
                "simpy_version": simpy.__version__,
                "python_version": platform.python_version(),
                "python_implementation": platform.python_implementation(),
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
