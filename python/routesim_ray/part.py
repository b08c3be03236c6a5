"""One part of an experiment, run by the routesim binary where Ray schedules it.

These functions run on Ray workers: they import nothing of Ray, and what they return (the
part file's bytes) travels back through Ray's object store, so no folder is shared between
the nodes and the driver.
"""

import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time


class PartFailed(Exception):
    """routesim refused or failed (exit status above 0): another try would fail alike."""

    def __init__(self, part, status, stderr):
        super().__init__(part, status, stderr)
        self.part = part
        self.status = status
        self.stderr = stderr

    def __str__(self):
        return f"part {self.part}: routesim exited with status {self.status}:\n{self.stderr.rstrip()}"


class PartKilled(Exception):
    """routesim was ended by a signal (killed, out of memory): another try may succeed."""

    def __init__(self, part, signal_number):
        super().__init__(part, signal_number)
        self.part = part
        self.signal_number = signal_number

    def __str__(self):
        return f"part {self.part}: routesim was ended by signal {signal.Signals(self.signal_number).name}"


def _die_with_parent():
    """In the forked child, before routesim starts: have Linux kill it when the worker dies.

    A part whose Ray worker died is run again elsewhere; without this its routesim would go on
    simulating into a file nobody reads.
    """
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _make_executable(binary):
    """Gives `binary` its execute bit back: a binary shipped through the runtime environment may lose its mode."""
    if os.path.isfile(binary) and not os.access(binary, os.X_OK):
        os.chmod(binary, 0o755)


def run_part(binary, arguments, part, parts, jobs):
    """Runs `binary ARGUMENTS --part PART/PARTS --jobs JOBS` into a scratch file.

    Returns a dict with the part number, the file's bytes, the node's host name and the
    seconds routesim took. Raises PartKilled when routesim was ended by a signal and
    PartFailed when it exited with an error.
    """
    _make_executable(binary)
    with tempfile.TemporaryDirectory(prefix="routesim-part-") as folder:
        out = os.path.join(folder, f"part-{part}-of-{parts}.sqlite")
        command = [binary, *arguments, "--part", f"{part}/{parts}", "--jobs", str(jobs), "--out", out]
        started = time.monotonic()
        process = subprocess.run(command, capture_output=True, text=True, preexec_fn=_die_with_parent)
        seconds = time.monotonic() - started
        if process.returncode < 0:
            raise PartKilled(f"{part}/{parts}", -process.returncode)
        if process.returncode != 0:
            raise PartFailed(f"{part}/{parts}", process.returncode, process.stderr)
        with open(out, "rb") as file:
            data = file.read()
    return {"part": part, "data": data, "node": socket.gethostname(), "seconds": seconds}


def binary_version(binary):
    """`binary --version` on this node: (host name, version text or None, problem or None)."""
    host = socket.gethostname()
    _make_executable(binary)
    try:
        process = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return host, None, str(error)
    if process.returncode != 0:
        return host, None, f"exit status {process.returncode}: {process.stderr.strip()}"
    return host, process.stdout.strip(), None
