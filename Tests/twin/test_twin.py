"""The TaskRouter twin (`routesim serve`) driven by Twilio's official Python client.

Each test module starts one server on 127.0.0.1 with a free port and fixed credentials,
points `client.taskrouter.base_url` at it, and stops it afterwards whatever happens (the
server also stops by itself after --max-seconds). The binary is ROUTESIM_BIN, by default
the debug build in .build/debug/routesim.
"""

import datetime
import json
import os
import re
import select
import signal
import sqlite3
import subprocess
import time

import pytest
import requests
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("ROUTESIM_BIN", os.path.join(ROOT, ".build", "debug", "routesim"))
ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "twin-test-token"
START = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def start_server(*extra):
    """Starts `routesim serve --port 0` and returns (process, base URL read from its output)."""
    process = subprocess.Popen(
        [BINARY, "serve", "--port", "0", "--max-seconds", "300", "--account-sid", ACCOUNT_SID,
         "--auth-token", AUTH_TOKEN, *extra],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    # Read the pipe's bytes as they come (a buffered reader would hide them from select).
    deadline = time.monotonic() + 60
    output = b""
    while time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            output += os.read(process.stdout.fileno(), 4096)
            match = re.search(rb"base URL:\s+(http://127\.0\.0\.1:(\d+))\n", output)
            if match and int(match.group(2)) > 0:
                return process, match.group(1).decode()
    stop_server(process)
    raise RuntimeError("routesim serve printed no base URL: " + output.decode(errors="replace"))


def stop_server(process):
    """Stops the server gracefully (SIGTERM), and kills it if it does not stop."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    process.stdout.close()


@pytest.fixture(scope="module")
def server():
    process, base_url = start_server()
    try:
        yield base_url
    finally:
        stop_server(process)
    assert process.returncode == 0, "the server did not stop cleanly on SIGTERM"


@pytest.fixture
def client(server):
    client = Client(ACCOUNT_SID, AUTH_TOKEN)
    client.taskrouter.base_url = server
    return client


def clock(server, **form):
    """GET (no form) or POST the twin's clock through raw HTTP."""
    url = server + "/routesim/v1/Clock"
    if form:
        response = requests.post(url, data=form, auth=(ACCOUNT_SID, AUTH_TOKEN), timeout=10)
    else:
        response = requests.get(url, auth=(ACCOUNT_SID, AUTH_TOKEN), timeout=10)
    return response.status_code, response.json()


def test_create_a_workspace_with_the_fifo_template(client):
    workspace = client.taskrouter.v1.workspaces.create(friendly_name="Quickstart", template="FIFO")
    assert re.fullmatch(r"WS[0-9a-f]{32}", workspace.sid)
    assert workspace.account_sid == ACCOUNT_SID
    assert workspace.multi_task_enabled is True
    assert workspace.default_activity_name == "Offline"
    assert workspace.date_created >= START
    queues = workspace.task_queues.list()
    assert [queue.friendly_name for queue in queues] == ["Sample Queue"]
    assert queues[0].target_workers == "1==1"
    workflows = workspace.workflows.list()
    assert [workflow.friendly_name for workflow in workflows] == ["Default Fifo Workflow"]
    assert json.loads(workflows[0].configuration)["task_routing"]["default_filter"]["queue"] == queues[0].sid
    assert [activity.friendly_name for activity in workspace.activities.list()] == ["Offline", "Available", "Unavailable"]
    assert {channel.unique_name for channel in workspace.task_channels.list()} >= {"default", "voice", "chat"}


def test_list_pages_across_pages_by_following_next_page_url(client, server):
    name = "Paged " + str(time.monotonic_ns())
    created = [client.taskrouter.v1.workspaces.create(friendly_name=name).sid for _ in range(5)]
    page = client.taskrouter.v1.workspaces.page(friendly_name=name, page_size=2)
    seen, sizes = [], []
    while page is not None:
        assert page.next_page_url is None or page.next_page_url.startswith(server + "/v1/Workspaces?")
        records = list(page)
        sizes.append(len(records))
        seen += [workspace.sid for workspace in records]
        page = page.next_page()
    assert sizes == [2, 2, 1]
    assert seen == created
    assert [w.sid for w in client.taskrouter.v1.workspaces.list(friendly_name=name, page_size=2)] == created


def test_update_a_workspace(client):
    workspace = client.taskrouter.v1.workspaces.create(friendly_name="Before update")
    available = workspace.activities.list(friendly_name="Available")[0]
    updated = client.taskrouter.v1.workspaces(workspace.sid).update(
        friendly_name="After update", default_activity_sid=available.sid, prioritize_queue_order="LIFO",
        events_filter="task.created,worker.activity.update")
    assert updated.friendly_name == "After update"
    assert updated.default_activity_name == "Available"
    assert updated.prioritize_queue_order == "LIFO"
    assert client.taskrouter.v1.workspaces(workspace.sid).fetch().friendly_name == "After update"
    assert client.taskrouter.v1.workspaces(workspace.sid).delete() is True


def test_fetching_a_missing_workspace_raises_20404(client):
    with pytest.raises(TwilioRestException) as raised:
        client.taskrouter.v1.workspaces("WS" + "0" * 32).fetch()
    assert raised.value.code == 20404
    assert raised.value.status == 404


def test_wrong_credentials_raise_20003(server):
    client = Client(ACCOUNT_SID, "not-the-token")
    client.taskrouter.base_url = server
    # A create or fetch raises TwilioRestException; the client's list wraps a failed page in
    # a plain TwilioException instead, whatever the server sends.
    with pytest.raises(TwilioRestException) as raised:
        client.taskrouter.v1.workspaces.create(friendly_name="Not mine")
    assert raised.value.code == 20003
    assert raised.value.status == 401


def test_an_invalid_parameter_raises_20001(client):
    with pytest.raises(TwilioRestException) as raised:
        client.taskrouter.v1.workspaces.create(friendly_name="x" * 65)
    assert raised.value.code == 20001
    assert raised.value.status == 400
    workspace = client.taskrouter.v1.workspaces.create(friendly_name="Invalid queue")
    with pytest.raises(TwilioRestException) as raised:
        workspace.task_queues.create(friendly_name="Bad", target_workers="skill-level > 3")
    assert raised.value.code == 20001


def test_a_quickstart_workspace_with_workers_made_available(client, server):
    workspace = client.taskrouter.v1.workspaces.create(friendly_name="Staffed", template="FIFO")
    lunch = workspace.activities.create(friendly_name="Lunch", available=False)
    assert lunch.available is False
    available = workspace.activities.list(friendly_name="Available")[0]
    spanish = workspace.task_queues.create(friendly_name="Spanish", target_workers='languages HAS "es"', task_order="LIFO")
    assert spanish.task_order == "LIFO"
    configuration = {"task_routing": {
        "filters": [{"filter_friendly_name": "Spanish", "expression": 'language == "es"',
                     "targets": [{"queue": spanish.sid, "timeout": 30}]}],
        "default_filter": {"queue": workspace.task_queues.list(friendly_name="Sample Queue")[0].sid}}}
    workflow = workspace.workflows.create(
        friendly_name="By language", configuration=json.dumps(configuration), task_reservation_timeout=60)
    assert workflow.task_reservation_timeout == 60
    assert json.loads(workflow.configuration) == configuration

    alice = workspace.workers.create(friendly_name="Alice", attributes=json.dumps({"languages": ["en", "es"]}))
    bob = workspace.workers.create(friendly_name="Bob", attributes=json.dumps({"languages": ["en"]}))
    assert alice.activity_name == "Offline" and alice.available is False
    for worker in (alice, bob):
        updated = workspace.workers(worker.sid).update(activity_sid=available.sid)
        assert updated.available is True and updated.activity_name == "Available"
    assert [w.friendly_name for w in workspace.workers.list(available="true")] == ["Alice", "Bob"]
    assert [w.friendly_name for w in workspace.workers.list(task_queue_sid=spanish.sid)] == ["Alice"]

    channels = workspace.workers(alice.sid).worker_channels.list()
    assert len(channels) == 5 and all(channel.configured_capacity == 1 for channel in channels)
    voice = workspace.workers(alice.sid).worker_channels("voice").update(capacity=2, available=False)
    assert voice.configured_capacity == 2 and voice.available is False
    assert workspace.workers(alice.sid).worker_channels(voice.sid).fetch().task_channel_unique_name == "voice"

    status, before = clock(server)
    assert status == 200
    status, after = clock(server, Advance="90")
    assert status == 200 and after["time"] == before["time"] + 90
    status, refused = clock(server, Until=str(before["time"]))
    assert status == 400 and refused["code"] == 20001
    workspace.workers(bob.sid).update(activity_sid=lunch.sid)
    bob_now = workspace.workers(bob.sid).fetch()
    assert bob_now.activity_name == "Lunch"
    assert bob_now.date_status_changed == START + datetime.timedelta(seconds=after["time"] // 1)


def test_a_workspace_read_back_imports_and_simulates_with_its_worker_channels(client, server, tmp_path):
    workspace = client.taskrouter.v1.workspaces.create(friendly_name="Read back", template="FIFO")
    available = workspace.activities.list(friendly_name="Available")[0]
    ana = workspace.workers.create(friendly_name="Ana", activity_sid=available.sid)
    ben = workspace.workers.create(friendly_name="Ben", activity_sid=available.sid)
    workspace.workers(ana.sid).worker_channels("chat").update(capacity=3)
    workspace.workers(ben.sid).worker_channels("sms").update(available=False)

    # The API responses as they come, through the client's own transport.
    base = server + "/v1/Workspaces/" + workspace.sid
    files = {"workspace": "", "activities": "/Activities", "task_channels": "/TaskChannels",
             "task_queues": "/TaskQueues", "workflows": "/Workflows", "workers": "/Workers",
             "ana-channels": "/Workers/" + ana.sid + "/Channels", "ben-channels": "/Workers/" + ben.sid + "/Channels"}
    for name, path in files.items():
        response = client.request("GET", base + path, params={"PageSize": 1000} if path else None)
        assert response.status_code == 200
        (tmp_path / (name + ".json")).write_text(response.text)
    (tmp_path / "scenario.yaml").write_text("""\
name: read-back
horizon: 2h
taskrouter: {workspace: workspace.json, activities: activities.json, task_channels: task_channels.json,
             task_queues: task_queues.json, workflows: workflows.json, workers: workers.json,
             worker_channels: [ana-channels.json, ben-channels.json]}
arrivals:
  - {name: chats, channel: chat, rate: 60/h, handle_time: 30m}
  - {name: texts, channel: sms, rate: 20/h, handle_time: 2m}
""")
    results = tmp_path / "read-back.sqlite"
    subprocess.run([BINARY, "run", str(tmp_path / "scenario.yaml"), "--out", str(results)],
                   check=True, stdout=subprocess.DEVNULL)
    with sqlite3.connect(results) as db:
        # The most chats a worker held at once: at each assignment, those assigned and not yet completed.
        most = dict(db.execute("""
            SELECT a.worker_name, MAX((SELECT COUNT(*) FROM tasks b
                WHERE b.channel = 'chat' AND b.worker_name = a.worker_name
                  AND b.assigned_at <= a.assigned_at AND b.completed_at > a.assigned_at))
            FROM tasks a WHERE a.channel = 'chat' AND a.assigned_at IS NOT NULL GROUP BY a.worker_name
            """).fetchall())
        texts = [row[0] for row in db.execute(
            "SELECT DISTINCT worker_name FROM tasks WHERE channel = 'sms' AND worker_name IS NOT NULL")]
    db.close()
    assert most == {"Ana": 3, "Ben": 1}
    assert texts == ["Ana"]
