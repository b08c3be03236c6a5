"""`routesim-ray batch|compare|sweep ARGUMENTS --address ADDRESS [--parts N] --out FILE`."""

import os
import shutil
import subprocess
import sys
import tempfile

from . import cluster
from .errors import DriverError, UsageError

USAGE = """usage: routesim-ray batch|compare|sweep ARGUMENTS... --address ADDRESS|local --out FILE
                    [--parts N] [--cpus-per-part C] [--routesim PATH] [--ship-binary]
                    [--retries R] [--num-cpus N]

Runs a routesim experiment cut into parts (routesim ... --part I/N), each part a Ray task
running the routesim binary on a worker, gathers the part files to this machine and joins them
with `routesim merge` into FILE: the file `routesim COMMAND ARGUMENTS... --jobs 1 --out FILE`
would write, but for the wall-clock columns and the command line. ARGUMENTS are routesim's
(scenario, --variant, --vary, --replications, --set, --record, ...), without --part, --jobs and --out.

  --address ADDRESS   the Ray cluster (auto, HOST:PORT or ray://HOST:10001), or `local`: a
                      throwaway cluster of this machine, on 127.0.0.1 only, no dashboard
  --out FILE          the merged results file; it must not exist
  --parts N           parts to cut the plan into (default: the cluster's CPUs / C)
  --cpus-per-part C   CPUs per part, and routesim's --jobs in it (default 1)
  --routesim PATH     the routesim binary, the same path on every node (default: `routesim`,
                      found on each node's PATH); this machine's merges the parts
  --ship-binary       send this machine's routesim to the workers through Ray's runtime
                      environment instead (build it with --static-swift-stdlib if the nodes
                      have no Swift runtime)
  --retries R         runs again a part whose worker died or whose routesim was killed, up to
                      R more times (default 3)
  --num-cpus N        with --address local: the cluster's CPUs (default: this machine's)

`staff` is not split: its search is sequential. Run it with routesim on one machine."""

#: routesim-ray's own options and whether each takes a value; every other argument is routesim's.
OPTIONS = {
    "--address": True, "--out": True, "--parts": True, "--cpus-per-part": True, "--routesim": True,
    "--ship-binary": False, "--retries": True, "--num-cpus": True,
}

#: routesim's options that routesim-ray sets itself.
RESERVED = {"--part": "--parts", "--jobs": "--cpus-per-part"}


def parse(argv):
    """Splits `argv` into the command, routesim's arguments and routesim-ray's options."""
    if not argv or argv[0] in ("-h", "--help", "help"):
        raise UsageError(None)
    command, rest = argv[0], argv[1:]
    if command == "staff":
        raise UsageError("staff is not split into parts: its search is sequential (each staffing tried depends "
                         "on the last). Run `routesim staff` on one machine")
    if command not in ("batch", "compare", "sweep"):
        raise UsageError(f"unknown command {command!r}: expected batch, compare or sweep")
    options, arguments = {}, []
    index = 0
    while index < len(rest):
        argument = rest[index]
        name, equals, value = argument.partition("=")
        if name in RESERVED:
            raise UsageError(f"{name} is set by routesim-ray; use {RESERVED[name]}")
        if name in OPTIONS:
            if OPTIONS[name] and not equals:
                index += 1
                if index == len(rest):
                    raise UsageError(f"{name} needs a value")
                value = rest[index]
            options[name] = value if OPTIONS[name] else True
        else:
            arguments.append(argument)
        index += 1
    for required in ("--address", "--out"):
        if required not in options:
            raise UsageError(f"{required} is required")
    for name in ("--parts", "--cpus-per-part", "--retries", "--num-cpus"):
        if name in options:
            try:
                options[name] = int(options[name])
            except ValueError:
                raise UsageError(f"{name} {options[name]}: expected a whole number") from None
            if options[name] < (0 if name == "--retries" else 1):
                raise UsageError(f"{name} {options[name]}: expected at least {0 if name == '--retries' else 1}")
    return command, arguments, options


def local_routesim(name):
    """The driver's routesim (`name`, or found on PATH) and its version; raises UsageError."""
    path = shutil.which(name) or name
    try:
        process = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    except OSError as error:
        raise UsageError(f"routesim-ray merges with routesim on this machine, and {name} does not run: {error}; "
                         "put routesim on PATH or give --routesim PATH") from None
    if process.returncode != 0:
        raise UsageError(f"{path} --version failed: {process.stderr.strip()}")
    return os.path.abspath(path) if os.path.sep in path else path, process.stdout.strip()


def main(argv=None):
    """The command; returns the exit status."""
    try:
        command, arguments, options = parse(sys.argv[1:] if argv is None else argv)
        out = options["--out"]
        if os.path.exists(out):
            raise UsageError(f"{out} exists; give --out a path that does not exist")
        binary, version = local_routesim(options.get("--routesim", "routesim"))
        cluster.prepare(options["--address"])
        from . import driver  # imports ray, which reads the environment prepare sets
        cpus = options.get("--cpus-per-part", 1)
        package = os.path.dirname(os.path.abspath(__file__))
        runtime_env = {"py_modules": [package]}
        with tempfile.TemporaryDirectory(prefix="routesim-ray-") as scratch:
            shipped = os.path.join(scratch, "ship")
            os.mkdir(shipped)
            worker_binary = binary if options.get("--routesim") else "routesim"
            if options.get("--ship-binary"):
                shutil.copy2(binary, os.path.join(shipped, "routesim"))
                runtime_env["working_dir"] = shipped
                worker_binary = "./routesim"
            with cluster.connected(options["--address"], runtime_env, options.get("--num-cpus")):
                nodes = driver.check_nodes(worker_binary, version)
                total = driver.cluster_cpus()
                parts = options.get("--parts", max(1, total // cpus))
                driver.say(f"{version} on {nodes} node{'s' if nodes != 1 else ''}, {total} CPUs")
                paths = driver.run_parts(
                    worker_binary, [command, *arguments], parts, cpus, options.get("--retries", 3), scratch)
            print(driver.merge(binary, paths, out), end="")
        return 0
    except UsageError as error:
        if error.args[0] is None:
            print(USAGE)
            return 0
        print(f"routesim-ray: error: {error}", file=sys.stderr)
        return 2
    except DriverError as error:
        print(f"routesim-ray: error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
