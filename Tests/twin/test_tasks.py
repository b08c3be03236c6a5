"""Tasks routed by the twin's engine, driven end to end by Twilio's Python client: a
TaskRouter quickstart (create tasks, advance the clock, see the reservation, accept it
through the reservation resource, complete the task, read the events), with the manual clock
and with the realtime clock."""

import json
import time

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

# `server` is the module-scoped fixture of test_twin: one manual-clock server for these tests too.
from test_twin import ACCOUNT_SID, AUTH_TOKEN, START, clock, server, start_server, stop_server  # noqa: F401


@pytest.fixture(scope="module")
def realtime_server():
    process, base_url = start_server("--clock", "realtime", "--speed", "60")
    try:
        yield base_url
    finally:
        stop_server(process)
    assert process.returncode == 0


def connect(server):
    client = Client(ACCOUNT_SID, AUTH_TOKEN)
    client.taskrouter.base_url = server
    return client


def staffed_workspace(client, name):
    """A FIFO workspace with one worker, Alice, made Available."""
    workspace = client.taskrouter.v1.workspaces.create(friendly_name=name, template="FIFO")
    available = workspace.activities.list(friendly_name="Available")[0]
    alice = workspace.workers.create(
        friendly_name="Alice", attributes=json.dumps({"languages": ["en"]}), activity_sid=available.sid)
    return workspace, alice


def test_a_task_is_reserved_accepted_and_completed_through_the_api(server):
    client = connect(server)
    workspace, alice = staffed_workspace(client, "Task flow")
    task = workspace.tasks.create(attributes=json.dumps({"call_sid": "CA42", "from": "+15550100"}), timeout=3600)
    assert task.sid.startswith("WT") and len(task.sid) == 34
    assert task.assignment_status == "reserved", "the reservation exists when the create answers"
    assert json.loads(task.attributes) == {"call_sid": "CA42", "from": "+15550100"}
    assert task.task_queue_friendly_name == "Sample Queue"

    status, _ = clock(server, Advance="20")
    assert status == 200
    reservations = workspace.tasks(task.sid).reservations.list()
    assert [(r.worker_sid, r.reservation_status) for r in reservations] == [(alice.sid, "pending")]
    accepted = workspace.workers(alice.sid).reservations(reservations[0].sid).update(reservation_status="accepted")
    assert accepted.reservation_status == "accepted"
    assert workspace.tasks(task.sid).fetch().assignment_status == "assigned"
    with pytest.raises(TwilioRestException) as raised:
        workspace.tasks(task.sid).reservations(reservations[0].sid).update(reservation_status="rejected")
    assert raised.value.code == 20001

    clock(server, Advance="300")
    done = workspace.tasks(task.sid).update(assignment_status="completed", reason="resolved")
    assert done.assignment_status == "completed" and done.reason == "resolved"
    assert done.age == 320

    events = workspace.events.list(task_sid=task.sid, minutes=60)
    assert [event.event_type for event in events] == [
        "workflow.entered", "task-queue.entered", "task.created", "workflow.target-matched",
        "reservation.created", "reservation.accepted", "task.completed", "reservation.completed"]
    assert events[5].event_date == events[4].event_date.replace(second=events[4].event_date.second + 20)
    assert events[0].event_date >= START
    assert workspace.events(events[0].sid).fetch().event_type == "workflow.entered"

    with pytest.raises(TwilioRestException) as raised:
        workspace.tasks("WT" + "0" * 32).fetch()
    assert raised.value.code == 20404


def test_tasks_nobody_answers_time_out_and_wait_for_the_next_worker(server):
    client = connect(server)
    workspace, alice = staffed_workspace(client, "Time-outs")
    tasks = [workspace.tasks.create(attributes=json.dumps({"n": n}), priority=n) for n in range(3)]
    assert [t.assignment_status for t in tasks] == ["reserved", "pending", "pending"]
    clock(server, Advance="120")
    assert workspace.workers(alice.sid).fetch().activity_name == "Offline"
    pending = workspace.tasks.list(assignment_status="pending", ordering="Priority:desc")
    assert [t.priority for t in pending] == [2, 1, 0]
    bob = workspace.workers.create(
        friendly_name="Bob", activity_sid=workspace.activities.list(friendly_name="Available")[0].sid)
    reserved = workspace.tasks.list(assignment_status="reserved")
    assert [t.priority for t in reserved] == [2], "the highest priority waiting task goes to the new worker"
    assert workspace.workers(bob.sid).reservations.list()[0].task_sid == reserved[0].sid


def test_the_realtime_clock_moves_the_same_workspace_on_its_own(realtime_server):
    client = connect(realtime_server)
    workspace, alice = staffed_workspace(client, "Realtime")
    task = workspace.tasks.create(attributes="{}")
    assert task.assignment_status == "reserved"
    # 120 s of reservation time-out at 60 simulated seconds a wall second: about 2 s.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if workspace.tasks(task.sid).reservations.list()[0].reservation_status == "timeout":
            break
        time.sleep(0.2)
    assert workspace.tasks(task.sid).reservations.list()[0].reservation_status == "timeout"
    assert workspace.workers(alice.sid).fetch().activity_name == "Offline"
    status, now = clock(realtime_server)
    assert status == 200 and now["time"] >= 120
