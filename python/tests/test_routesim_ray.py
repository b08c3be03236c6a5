"""routesim-ray on a real Ray cluster on this machine (127.0.0.1 only, no dashboard).

Every merged file is compared, table by table and row by row, with the file routesim writes
on one machine with --jobs 1, but for the columns that record the wall clock or the command
line (docs/scale-out.md). Two tests kill a part in the middle of its run: its routesim
process, then the Ray worker running it; the part is run again and the file is still the same.

ROUTESIM names the routesim binary (default: the repository's .build/debug/routesim).
The head's process group id is written to the file ROUTESIM_RAY_PGID_FILE names, if set, so
that a caller can stop it whatever happens to this process.
"""

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROUTESIM = os.environ.get("ROUTESIM") or os.path.join(REPOSITORY, ".build", "debug", "routesim")
BIN = os.path.dirname(sys.executable)
RAY = shutil.which("ray", path=BIN) or shutil.which("ray")
ROUTESIM_RAY = shutil.which("routesim-ray", path=BIN) or shutil.which("routesim-ray")

#: The columns that record the wall clock or the command line, by table (docs/scale-out.md).
UNEQUAL_COLUMNS = {"runs": {"started_at", "wall_seconds"}, "experiments": {"arguments", "started_at"}}

COMPARE = ["compare", os.path.join(REPOSITORY, "scenarios", "single-vs-multi.yaml"), "--variant", "single",
           "--variant", "multi", "--replications", "3", "--set", "horizon=2h"]


def sweep(scenario, horizon):
    """A sweep of the quickstart day over two staffings, 3 replications each."""
    return ["sweep", scenario, "--vary", "workers.early-lunch.count=4,5", "--replications", "3",
            "--set", f"horizon={horizon}"]


def tables(path):
    """Every table of the file at `path`: its rows in rowid order, without UNEQUAL_COLUMNS."""
    connection = sqlite3.connect(path)
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        result = {}
        for name in names:
            cursor = connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
            columns = [description[0] for description in cursor.description]
            kept = [index for index, column in enumerate(columns) if column not in UNEQUAL_COLUMNS.get(name, set())]
            result[name] = [tuple(row[index] for index in kept) for row in cursor]
        return result
    finally:
        connection.close()


def routesim_processes(marker, part):
    """The pids of routesim processes whose command line holds `marker` and `--part PART`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as file:
                arguments = file.read().split(b"\0")
        except OSError:
            continue
        if marker.encode() in arguments and part.encode() in arguments and arguments[0].endswith(b"routesim"):
            found.append(int(entry))
    return found


def parent(pid):
    """The parent pid of `pid`."""
    with open(f"/proc/{pid}/stat") as file:
        return int(file.read().rsplit(")", 1)[1].split()[1])


def command_line(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as file:
        return file.read().replace(b"\0", b" ").decode(errors="replace")


class RouteSimRayTests(unittest.TestCase):
    """The tests share one head started with `ray start --head` on 127.0.0.1."""

    @classmethod
    def setUpClass(cls):
        if not os.access(ROUTESIM, os.X_OK):
            raise unittest.SkipTest(f"no routesim binary at {ROUTESIM}: run swift build, or set ROUTESIM")
        cls.folder = tempfile.mkdtemp(prefix="routesim-ray-test-")
        cls.wholes = {}
        cls.token = os.urandom(32).hex()
        cls.environment = dict(os.environ, RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0", RAY_AUTH_TOKEN=cls.token,
                               RAY_AUTH_MODE="token",
                               RAY_USAGE_STATS_ENABLED="0")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        cls.address = f"127.0.0.1:{port}"
        cls.head = subprocess.Popen(
            [RAY, "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}", "--num-cpus=2",
             "--include-dashboard=false", "--disable-usage-stats", "--block",
             f"--temp-dir={tempfile.mkdtemp(prefix='rsray-', dir='/tmp')}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=cls.environment, start_new_session=True)
        if os.environ.get("ROUTESIM_RAY_PGID_FILE"):
            with open(os.environ["ROUTESIM_RAY_PGID_FILE"], "w") as file:
                file.write(str(cls.head.pid))
        started = threading.Event()
        lines = []

        def read():
            for line in cls.head.stdout:
                lines.append(line)
                if "Ray runtime started" in line:
                    started.set()

        threading.Thread(target=read, daemon=True).start()
        if not started.wait(300):
            cls.stop_head()
            raise RuntimeError("the Ray head did not start:\n" + "".join(lines))

    @classmethod
    def stop_head(cls):
        """Stops every process of the head's process group: TERM, then KILL after 10 s."""
        for sent in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(cls.head.pid, sent)
            except ProcessLookupError:
                break
            try:
                cls.head.wait(10)
            except subprocess.TimeoutExpired:
                pass
            time.sleep(1 if sent == signal.SIGTERM else 0)

    @classmethod
    def tearDownClass(cls):
        cls.stop_head()
        cls.head.stdout.close()
        if os.environ.get("ROUTESIM_RAY_PGID_FILE"):
            open(os.environ["ROUTESIM_RAY_PGID_FILE"], "w").close()  # stopped: nothing left for the caller to stop
        shutil.rmtree(cls.folder, ignore_errors=True)

    def whole(self, arguments):
        """The file `routesim ARGUMENTS --jobs 1` writes on one machine (made once per plan)."""
        key = tuple(arguments)
        if key not in self.wholes:
            path = os.path.join(self.folder, f"whole-{len(self.wholes)}.sqlite")
            subprocess.run([ROUTESIM, *arguments, "--jobs", "1", "--out", path], check=True, capture_output=True)
            self.wholes[key] = path
        return self.wholes[key]

    def routesim_ray(self, arguments, out, *extra, address=None):
        """Starts routesim-ray on `arguments` with the test's binary; returns the process."""
        return subprocess.Popen(
            [ROUTESIM_RAY, *arguments, "--address", address or self.address, "--routesim", ROUTESIM, "--out", out,
             *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.environment)

    def assert_same_file(self, merged, whole):
        expected = tables(whole)
        found = tables(merged)
        self.assertEqual(sorted(found), sorted(expected))
        self.assertGreater(len(expected["tasks"]), 100)
        for name, rows in expected.items():
            self.assertEqual(len(found[name]), len(rows), name)
            self.assertEqual(found[name], rows, f"table {name} differs")

    def finish(self, process):
        stdout, stderr = process.communicate(timeout=600)
        self.assertEqual(process.returncode, 0, stderr)
        return stdout, stderr

    def test_compare_with_the_binary_shipped_equals_the_single_machine_file(self):
        out = os.path.join(self.folder, "compare.sqlite")
        stdout, stderr = self.finish(self.routesim_ray(COMPARE, out, "--parts", "3", "--ship-binary"))
        self.assertIn("3 parts, 6 of 6 runs", stdout)
        self.assertIn("part 3/3 done", stderr)
        self.assert_same_file(out, self.whole(COMPARE))

    def test_sweep_on_a_throwaway_local_cluster_equals_the_single_machine_file(self):
        plan = sweep(os.path.join(REPOSITORY, "scenarios", "quickstart.yaml"), "3h")
        out = os.path.join(self.folder, "sweep.sqlite")
        stdout, _ = self.finish(self.routesim_ray(plan, out, "--parts", "4", "--num-cpus", "2", address="local"))
        self.assertIn("4 parts, 6 of 6 runs", stdout)
        self.assert_same_file(out, self.whole(plan))

    def kill_mid_run(self, victim):
        """Runs a 2-part sweep, kills part 1's routesim (or, with victim "worker", the Ray
        worker running it) once it has simulated for a moment, and checks the merged file."""
        scenario = os.path.join(self.folder, f"quickstart-{victim}.yaml")
        shutil.copy(os.path.join(REPOSITORY, "scenarios", "quickstart.yaml"), scenario)
        # Five days a run, so that part 1 is still simulating when it is killed.
        plan = sweep(scenario, "5d")
        out = os.path.join(self.folder, f"killed-{victim}.sqlite")
        process = self.routesim_ray(plan, out, "--parts", "2")
        deadline = time.monotonic() + 300
        pids = []
        while not pids and time.monotonic() < deadline and process.poll() is None:
            pids = routesim_processes(scenario, "1/2")
            time.sleep(0.05)
        self.assertTrue(pids, "part 1/2's routesim never started")
        # The parent is read at once: the worker is known while its routesim surely runs.
        target = pids[0] if victim == "routesim" else parent(pids[0])
        time.sleep(0.5)
        if victim == "worker":
            self.assertTrue(command_line(target).startswith("ray::"), command_line(target))
        os.kill(target, signal.SIGKILL)
        _, stderr = self.finish(process)
        expected = "ended by signal SIGKILL; retrying" if victim == "routesim" else "the Ray worker running it died"
        self.assertIn(expected, stderr)
        self.assertIn("attempt 2 of 4", stderr)
        self.assert_same_file(out, self.whole(sweep(os.path.join(REPOSITORY, "scenarios", "quickstart.yaml"), "5d")))

    def test_a_part_whose_routesim_is_killed_is_run_again(self):
        self.kill_mid_run("routesim")

    def test_a_part_whose_ray_worker_is_killed_is_run_again(self):
        self.kill_mid_run("worker")


if __name__ == "__main__":
    unittest.main()
