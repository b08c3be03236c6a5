#!/usr/bin/env python3
"""Measures the twin's event callbacks (docs/performance.md): one simulated day of SCENARIO
moved by one `POST /routesim/v1/Clock Until=SECONDS`, timed, with the workspace's
EventCallbackUrl set to a receiver on 127.0.0.1 (on) and unset (off), in paired rounds
on, off, on, off, ...; then how fast the queued callbacks reached the receiver
(delivered over the time from the move's answer to an empty queue, polled every 10 ms).

    scripts/measure-callbacks.py ROUTESIM SCENARIO [ROUNDS] [UNTIL] [stalled]

The receiver is Python's http.server (HTTP/1.1, keep-alive, answers 204); with `stalled`, a
socket that listens and never reads, so the first callback waits for its time-out and the
rest stay queued: the day's time is then the twin's own cost of making the callbacks, without
a receiver and the sender competing for the cores. Each round starts
its own `routesim serve --port 0` (stopped after 300 s at most) and its own receiver (which
stops after 600 s at most). Prints one line a round and the medians.
"""

import os
import re
import select
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

SID, TOKEN = "AC" + "0123456789abcdef" * 2, "measure-token"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Receiver(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the twin's connection reset when it stops


def serve(routesim, scenario):
    process = subprocess.Popen(
        [routesim, "serve", scenario, "--port", "0", "--max-seconds", "300", "--account-sid", SID, "--auth-token", TOKEN],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    output, deadline = b"", time.monotonic() + 60
    while time.monotonic() < deadline:
        if select.select([process.stdout], [], [], 1)[0]:
            output += os.read(process.stdout.fileno(), 4096)
            match = re.search(rb"base URL:\s+(http://127\.0\.0\.1:\d+)\n", output)
            if match:
                return process, match.group(1).decode()
    process.kill()
    raise RuntimeError("no base URL")


def session_on(routesim, scenario, port):
    """Starts the twin on `scenario`; with a `port`, its workspace's callbacks go there."""
    process, base = serve(routesim, scenario)
    session = requests.Session()
    session.auth = (SID, TOKEN)
    if port is not None:
        workspace = session.get(base + "/v1/Workspaces", timeout=30).json()["workspaces"][0]["sid"]
        url = "http://127.0.0.1:%d/events" % port
        session.post(base + "/v1/Workspaces/" + workspace, data={"EventCallbackUrl": url}, timeout=30)
    return process, base, session


def round_(routesim, scenario, until, callbacks, stalled):
    if stalled:
        return stalled_round(routesim, scenario, until, callbacks)
    receiver = Receiver(("127.0.0.1", 0), Handler)
    receiver.timeout = 0.2
    stop, deadline = threading.Event(), time.monotonic() + 600

    def loop():
        while not stop.is_set() and time.monotonic() < deadline:
            receiver.handle_request()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    process, base, session = session_on(routesim, scenario, receiver.server_address[1] if callbacks else None)
    try:
        start = time.perf_counter()
        session.post(base + "/routesim/v1/Clock", data={"Until": until}, timeout=300)
        day = time.perf_counter() - start
        counts = session.get(base + "/routesim/v1/Callbacks", timeout=30).json()
        while counts["queued"] > 0 and time.perf_counter() - start < 300:
            time.sleep(0.01)
            counts = session.get(base + "/routesim/v1/Callbacks", timeout=30).json()
        drained = time.perf_counter() - start
        return day, drained, counts
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        stop.set()
        thread.join(timeout=5)
        receiver.server_close()


def stalled_round(routesim, scenario, until, callbacks):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    process, base, session = session_on(routesim, scenario, listener.getsockname()[1] if callbacks else None)
    try:
        start = time.perf_counter()
        session.post(base + "/routesim/v1/Clock", data={"Until": until}, timeout=300)
        day = time.perf_counter() - start
        return day, None, session.get(base + "/routesim/v1/Callbacks", timeout=30).json()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        listener.close()


def main():
    routesim, scenario = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    until = sys.argv[4] if len(sys.argv) > 4 else "86400"
    stalled = sys.argv[5:] == ["stalled"]
    on, off, rates = [], [], []
    for number in range(rounds):
        for callbacks in (True, False):
            day, drained, counts = round_(routesim, scenario, until, callbacks, stalled)
            (on if callbacks else off).append(day)
            line = "round %d callbacks %-3s day %.3f s" % (number + 1, "on" if callbacks else "off", day)
            if callbacks and stalled:
                line += "  queued %d dropped %d" % (counts["queued"], counts["dropped"])
            elif callbacks:
                # Callbacks are handed over when the clock's move ends: they go out after `day`.
                rates.append(counts["delivered"] / (drained - day))
                line += "  delivered %d failed %d dropped %d, queue empty %.3f s after: %.0f callbacks/s" % (
                    counts["delivered"], counts["failed"], counts["dropped"], drained - day, rates[-1])
            print(line, flush=True)
    print("median day: on %.3f s, off %.3f s, on/off %.2f" % (
        statistics.median(on), statistics.median(off), statistics.median(a / b for a, b in zip(on, off))))
    if rates:
        print("median delivery %.0f callbacks/s" % statistics.median(rates))


if __name__ == "__main__":
    main()
