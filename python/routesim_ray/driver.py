"""The driver: checks the routesim binary on every node, runs the parts as Ray tasks with
progress and retries, gathers their files and merges them with `routesim merge`."""

import os
import subprocess
import sys
import time

import ray
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from .errors import DriverError
from .part import PartFailed, PartKilled, binary_version, run_part


def say(text):
    """A progress or notice line on standard error."""
    print(f"routesim-ray: {text}", file=sys.stderr, flush=True)


def cluster_cpus():
    """The CPUs of the cluster."""
    return int(ray.cluster_resources().get("CPU", 1))


def check_nodes(binary, expected_version):
    """Runs `binary --version` on every alive node; raises DriverError naming the nodes
    where it does not run or reports another version than the driver's routesim."""
    check = ray.remote(num_cpus=0, max_retries=0)(binary_version)
    nodes = [node for node in ray.nodes() if node.get("Alive")]
    answers = ray.get([
        check.options(scheduling_strategy=NodeAffinitySchedulingStrategy(node["NodeID"], soft=False)).remote(binary)
        for node in nodes
    ])
    problems = []
    for node, (host, version, problem) in zip(nodes, answers):
        where = f"{host} ({node['NodeManagerAddress']})"
        if problem:
            problems.append(f"{where}: `{binary} --version` fails: {problem}")
        elif version != expected_version:
            problems.append(f"{where}: {binary} is {version}, the driver's is {expected_version}")
    if problems:
        raise DriverError(
            "routesim is not ready on every node:\n  " + "\n  ".join(problems)
            + "\nPut the same routesim on every node's PATH, give its path with --routesim, or send this "
            "machine's with --ship-binary (built with --static-swift-stdlib if the nodes have no Swift runtime)")
    return len(nodes)


def _cancel(pending):
    """Cancels the parts still pending (their references, the keys of `pending`), forcing their workers to end."""
    for reference in pending:
        ray.cancel(reference, force=True)


def run_parts(binary, arguments, parts, cpus_per_part, retries, folder):
    """Runs the `parts` parts as Ray tasks, writes each part's file into `folder` as it arrives
    (so the driver holds one part in memory at a time), and returns their paths in part order.

    A part whose Ray worker or node died, or whose routesim was ended by a signal, is run again,
    up to `retries` more times; a part whose routesim exited with an error stops everything.
    """
    task = ray.remote(run_part).options(num_cpus=cpus_per_part, max_retries=0)
    attempts = {part: 1 for part in range(1, parts + 1)}
    pending = {task.remote(binary, arguments, part, parts, cpus_per_part): part for part in attempts}
    files = {}
    started = time.monotonic()
    say(f"{parts} parts submitted ({cpus_per_part} CPU each)")
    while pending:
        ready, _ = ray.wait(list(pending), num_returns=1)
        reference = ready[0]
        part = pending.pop(reference)
        try:
            result = ray.get(reference)
        except ray.exceptions.RayTaskError as error:
            cause = getattr(error, "cause", None)
            if isinstance(cause, PartKilled):
                why = str(cause)
            else:
                _cancel(pending)
                raise DriverError(str(cause) if isinstance(cause, PartFailed) else str(error)) from None
        except ray.exceptions.RayError as error:
            why = f"part {part}/{parts}: the Ray worker running it died ({type(error).__name__})"
        else:
            files[part] = os.path.join(folder, f"part-{part}-of-{parts}.sqlite")
            with open(files[part], "wb") as file:
                file.write(result["data"])
            say(f"part {part}/{parts} done on {result['node']} in {result['seconds']:.1f} s "
                f"({len(files)} of {parts} parts, {time.monotonic() - started:.0f} s)")
            del result  # the part's bytes: one part in the driver's memory at a time
            continue
        if attempts[part] > retries:
            _cancel(pending)
            raise DriverError(f"{why}; gave up after {attempts[part]} attempt{'s' if attempts[part] > 1 else ''}")
        attempts[part] += 1
        say(f"{why}; retrying, attempt {attempts[part]} of {retries + 1}")
        pending[task.remote(binary, arguments, part, parts, cpus_per_part)] = part
    return [files[part] for part in sorted(files)]


def merge(local_binary, paths, out):
    """Joins the part files at `paths` into `out` with this machine's `routesim merge`; returns its output."""
    started = time.monotonic()
    process = subprocess.run([local_binary, "merge", *paths, "--out", out], capture_output=True, text=True)
    if process.returncode != 0:
        raise DriverError(f"routesim merge failed:\n{process.stderr.rstrip()}")
    say(f"merged in {time.monotonic() - started:.1f} s")
    return process.stdout
