"""The example application of examples/: the VIP assignment-callback service and its scenario run
against `routesim serve`, and the twin's own resources show it carried out the service's
decisions: every accepted VIP reservation went to a senior agent, every rejection put the task
back in its queue, and some of each happened."""

import datetime
import json
import os
import re
import select
import socket
import subprocess
import sys
import time

import pytest
import requests
from twilio.rest import Client

from test_twin import ACCOUNT_SID, AUTH_TOKEN, BINARY, ROOT, START, stop_server

EXAMPLES = os.path.join(ROOT, "examples")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_until(process, pattern, seconds=60):
    """Reads the process's stdout until `pattern` matches; returns the match."""
    deadline = time.monotonic() + seconds
    output = b""
    while time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            output += os.read(process.stdout.fileno(), 4096)
            match = re.search(pattern, output)
            if match:
                return match
    raise RuntimeError("no %r in: %s" % (pattern, output.decode(errors="replace")))


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The service and the twin running the example scenario; yields (twin URL, workspace SID)."""
    twin_port = free_port()
    service = subprocess.Popen(
        [sys.executable, os.path.join(EXAMPLES, "vip_assignment_service.py"), "--port", "0",
         "--twin", "http://127.0.0.1:%d" % twin_port, "--account-sid", ACCOUNT_SID, "--auth-token", AUTH_TOKEN],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    twin = None
    try:
        url = read_until(service, rb"at (http://\S+/assignment)\n").group(1).decode()
        with open(os.path.join(EXAMPLES, "vip-callback.yaml")) as file:
            text = file.read().replace("http://127.0.0.1:8090/assignment", url)
        scenario = tmp_path_factory.mktemp("vip") / "vip-callback.yaml"
        scenario.write_text(text)
        twin = subprocess.Popen(
            [BINARY, "serve", str(scenario), "--port", str(twin_port), "--max-seconds", "300",
             "--account-sid", ACCOUNT_SID, "--auth-token", AUTH_TOKEN],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        started = read_until(twin, rb"base URL:\s+(http://127\.0\.0\.1:\d+)\n(?s:.*)workspace:\s+(WS\w+)")
        yield started.group(1).decode(), started.group(2).decode()
    finally:
        if twin is not None:
            stop_server(twin)
        service.terminate()
        service.wait(timeout=10)
        service.stdout.close()


def test_the_twin_carries_out_the_vip_service_decisions(example):
    base, workspace_sid = example
    client = Client(ACCOUNT_SID, AUTH_TOKEN)
    client.taskrouter.base_url = base
    # One move through four simulated hours: it stops at each instant that made reservations
    # until the service has answered.
    moved = requests.post(base + "/routesim/v1/Clock", data={"Until": 4 * 3600}, auth=(ACCOUNT_SID, AUTH_TOKEN), timeout=240)
    assert moved.status_code == 200 and moved.json()["time"] == 4 * 3600

    workspace = client.taskrouter.v1.workspaces(workspace_sid)
    seniors = {worker.sid for worker in workspace.workers.list() if json.loads(worker.attributes)["senior"]}
    events = workspace.events.list(start_date=START, end_date=START + datetime.timedelta(hours=4), page_size=1000)
    accepted = [event.event_data for event in events if event.event_type == "reservation.accepted"]
    rejected = [event.event_data for event in events if event.event_type == "reservation.rejected"]
    vip = [data for data in accepted if json.loads(data["task_attributes"])["vip"]]
    assert len(vip) > 5 and len(accepted) > len(vip) and len(rejected) > 0
    assert all(data["worker_sid"] in seniors for data in vip), "a VIP reservation accepted by a junior"
    assert any(data["worker_sid"] not in seniors for data in accepted), "juniors took other callers"

    queues = {}
    for data in rejected:
        assert json.loads(data["task_attributes"])["vip"] and data["worker_sid"] not in seniors
        queues.setdefault(data["task_sid"], set()).add(data["task_queue_sid"])
    for task_sid, rejected_in in queues.items():
        task = workspace.tasks(task_sid).fetch()
        reservations = workspace.tasks(task_sid).reservations.list()
        assert task.task_queue_sid in rejected_in
        # Back in its queue: pending there, or reserved or assigned again from it.
        assert task.assignment_status == "pending" or any(
            r.reservation_status in ("pending", "accepted", "completed", "wrapping") for r in reservations), task_sid
