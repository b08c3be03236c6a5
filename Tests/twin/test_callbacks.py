"""Event callbacks: the twin POSTs each event to the workspace's EventCallbackUrl, signed so
that Twilio's own RequestValidator accepts it. The receiver is an `http.server` on 127.0.0.1
that the test runs on a thread; it answers 204 and stops by itself after a bounded number of
requests or seconds."""

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import requests
from twilio.request_validator import RequestValidator
from twilio.rest import Client

# `server` is the module-scoped fixture of test_twin: one manual-clock server for these tests too.
from test_twin import ACCOUNT_SID, AUTH_TOKEN, clock, server  # noqa: F401


class Receiver:
    """An HTTP server on 127.0.0.1 (a free port) that keeps every POST: (path, headers,
    fields in body order). It serves at most `limit` requests and `seconds` seconds."""

    def __init__(self, limit=500, seconds=60):
        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                received.append((self.path, dict(self.headers), urllib.parse.parse_qsl(body, keep_blank_values=True)))
                self.send_response(204)
                self.send_header("Content-Type", "application/json")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.server.timeout = 0.2
        self.url = "http://127.0.0.1:%d/taskrouter/events" % self.server.server_address[1]
        self.stopped = threading.Event()
        deadline = time.monotonic() + seconds

        def serve():
            while not self.stopped.is_set() and len(received) < limit and time.monotonic() < deadline:
                self.server.handle_request()
            self.server.server_close()

        self.thread = threading.Thread(target=serve, daemon=True)
        self.thread.start()

    def wait_for(self, count, seconds=30):
        """Waits until `count` requests arrived, at most `seconds`; returns what arrived."""
        deadline = time.monotonic() + seconds
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.received)

    def stop(self):
        self.stopped.set()
        self.thread.join(timeout=5)


@pytest.fixture
def receiver():
    receiver = Receiver()
    try:
        yield receiver
    finally:
        receiver.stop()


def callback_counts(server):
    response = requests.get(server + "/routesim/v1/Callbacks", auth=(ACCOUNT_SID, AUTH_TOKEN), timeout=10)
    assert response.status_code == 200
    return response.json()


def test_every_event_of_a_task_flow_is_posted_in_order_and_signed(server, receiver):
    client = Client(ACCOUNT_SID, AUTH_TOKEN)
    client.taskrouter.base_url = server
    before = callback_counts(server)
    workspace = client.taskrouter.v1.workspaces.create(
        friendly_name="Webhooks", template="FIFO", event_callback_url=receiver.url)
    available = workspace.activities.list(friendly_name="Available")[0]
    alice = workspace.workers.create(
        friendly_name="Alice", attributes=json.dumps({"languages": ["en"]}), activity_sid=available.sid)
    task = workspace.tasks.create(attributes=json.dumps({"call_sid": "CA7", "name": "Zoë & co"}))
    clock(server, Advance="20")
    reservation = workspace.tasks(task.sid).reservations.list()[0]
    workspace.workers(alice.sid).reservations(reservation.sid).update(reservation_status="accepted")
    clock(server, Advance="60")
    workspace.tasks(task.sid).update(assignment_status="completed", reason="resolved")

    events = workspace.events.list(minutes=60)
    received = receiver.wait_for(len(events))
    assert len(received) == len(events)
    assert [dict(fields)["EventType"] for _, _, fields in received] == [event.event_type for event in events]
    assert {"task.created", "reservation.accepted", "task.completed"} <= {event.event_type for event in events}

    validator = RequestValidator(AUTH_TOKEN)
    for path, headers, fields in received:
        assert path == "/taskrouter/events"
        assert headers["Content-Type"] == "application/x-www-form-urlencoded"
        assert validator.validate(receiver.url, dict(fields), headers["X-Twilio-Signature"]), dict(fields)["EventType"]
        assert not RequestValidator("another-token").validate(receiver.url, dict(fields), headers["X-Twilio-Signature"])
        assert dict(fields)["AccountSid"] == ACCOUNT_SID and dict(fields)["WorkspaceSid"] == workspace.sid

    accepted = next(dict(fields) for _, _, fields in received if dict(fields)["EventType"] == "reservation.accepted")
    assert accepted["TaskSid"] == task.sid and accepted["WorkerSid"] == alice.sid
    assert accepted["ReservationSid"] == reservation.sid and accepted["ResourceSid"] == reservation.sid
    assert json.loads(accepted["TaskAttributes"]) == {"call_sid": "CA7", "name": "Zoë & co"}
    assert accepted["TaskQueueSid"] == task.task_queue_sid and accepted["WorkflowSid"] == task.workflow_sid
    completed = next(dict(fields) for _, _, fields in received if dict(fields)["EventType"] == "task.completed")
    assert completed["TaskCompletedReason"] == "resolved"

    after = callback_counts(server)
    assert after["delivered"] - before["delivered"] == len(events)
    assert after["failed"] == before["failed"] and after["dropped"] == before["dropped"]


def test_the_filtered_configuration_changes_are_posted_a_deleted_worker_named(server, receiver):
    client = Client(ACCOUNT_SID, AUTH_TOKEN)
    client.taskrouter.base_url = server
    workspace = client.taskrouter.v1.workspaces.create(
        friendly_name="Changes", template="FIFO", event_callback_url=receiver.url,
        events_filter="worker.created,worker.attributes.update,worker.deleted,activity.created")
    bob = workspace.workers.create(friendly_name="Bob", attributes=json.dumps({"level": 1}))
    workspace.workers(bob.sid).update(attributes=json.dumps({"level": 2}))
    training = workspace.activities.create(friendly_name="Training", available=False)
    workspace.workers(bob.sid).delete()

    received = receiver.wait_for(4)
    fields = [dict(pairs) for _, _, pairs in received]
    assert [f["EventType"] for f in fields] == [
        "worker.created", "worker.attributes.update", "activity.created", "worker.deleted"]
    validator = RequestValidator(AUTH_TOKEN)
    for _, headers, pairs in received:
        assert validator.validate(receiver.url, dict(pairs), headers["X-Twilio-Signature"])
    assert json.loads(fields[1]["WorkerAttributes"]) == {"level": 2}
    assert fields[2]["ResourceType"] == "activity" and fields[2]["ActivitySid"] == training.sid
    assert fields[2]["ActivityName"] == "Training" and fields[2]["ActivityAvailable"] == "false"
    deleted = fields[3]
    assert deleted["ResourceType"] == "worker" and deleted["ResourceSid"] == bob.sid
    assert deleted["WorkerSid"] == bob.sid and deleted["WorkerName"] == "Bob"

    logged = workspace.events.list(minutes=60, event_type="worker.deleted")
    assert [(event.resource_sid, event.event_data["worker_name"]) for event in logged] == [(bob.sid, "Bob")]
