"""Assignment callbacks: the twin POSTs each reservation of a workflow with an
AssignmentCallbackUrl, signed so that Twilio's own RequestValidator accepts it, and carries out
the answer before the request that made the reservation returns. The application is an
`http.server` on 127.0.0.1 on a thread; each worker's attributes say how it answers."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from twilio.request_validator import RequestValidator
from twilio.rest import Client

# `server` is the module-scoped fixture of test_twin: one manual-clock server for these tests too.
from test_twin import ACCOUNT_SID, AUTH_TOKEN, server  # noqa: F401


class Application:
    """Answers each callback as the reserved worker's attributes say: `answer` is accept,
    reject (with `activity`), empty (200, no body) or error (500 the first time, then accept).
    Keeps every callback: (path, headers, fields)."""

    def __init__(self):
        received = self.received = []
        errors = set()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                fields = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
                received.append((self.path, dict(self.headers), fields))
                worker = json.loads(fields["WorkerAttributes"])
                answer, status = b"", 200
                if worker["answer"] == "accept" or (worker["answer"] == "error" and fields["WorkerSid"] in errors):
                    answer = json.dumps({"instruction": "accept"}).encode()
                elif worker["answer"] == "reject":
                    answer = json.dumps({"instruction": "reject", "activity_sid": worker["activity"]}).encode()
                elif worker["answer"] == "error":
                    errors.add(fields["WorkerSid"])
                    status = 500
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/taskrouter/assignment" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def application():
    application = Application()
    try:
        yield application
    finally:
        application.stop()


@pytest.mark.parametrize("answer, statuses, task_status", [
    ("accept", ["accepted"], "assigned"),
    ("reject", ["rejected"], "pending"),
    ("empty", ["pending"], "reserved"),
    ("error", ["canceled", "accepted"], "assigned"),
])
def test_each_answer_is_carried_out_and_every_callback_is_signed(server, application, answer, statuses, task_status):
    client = Client(ACCOUNT_SID, AUTH_TOKEN)
    client.taskrouter.base_url = server
    workspace = client.taskrouter.v1.workspaces.create(friendly_name="Assign " + answer, template="FIFO")
    workflow = workspace.workflows.list()[0]
    workspace.workflows(workflow.sid).update(assignment_callback_url=application.url)
    available = workspace.activities.list(friendly_name="Available")[0]
    offline = workspace.activities.list(friendly_name="Offline")[0]
    worker = workspace.workers.create(
        friendly_name="Alice", attributes=json.dumps({"answer": answer, "activity": offline.sid}), activity_sid=available.sid)
    task = workspace.tasks.create(attributes=json.dumps({"vip": True, "name": "Zoë & co"}), workflow_sid=workflow.sid)

    reservations = sorted(workspace.tasks(task.sid).reservations.list(), key=lambda r: r.sid)
    assert len(reservations) == len(statuses)
    assert sorted(r.reservation_status for r in reservations) == sorted(statuses)
    assert workspace.tasks(task.sid).fetch().assignment_status == task_status
    if answer == "reject":
        assert workspace.workers(worker.sid).fetch().activity_name == "Offline"

    assert len(application.received) == len(statuses)
    validator = RequestValidator(AUTH_TOKEN)
    for path, headers, fields in application.received:
        assert path == "/taskrouter/assignment"
        assert headers["Content-Type"] == "application/x-www-form-urlencoded"
        assert validator.validate(application.url, fields, headers["X-Twilio-Signature"])
        assert not RequestValidator("another-token").validate(application.url, fields, headers["X-Twilio-Signature"])
        assert set(fields) == {
            "Timestamp", "AccountSid", "WorkspaceSid", "WorkflowSid", "TaskQueueSid", "WorkerSid", "WorkerAttributes",
            "TaskSid", "TaskAttributes", "TaskAge", "TaskPriority", "ReservationSid"}
        assert fields["AccountSid"] == ACCOUNT_SID and fields["WorkspaceSid"] == workspace.sid
        assert fields["WorkflowSid"] == workflow.sid and fields["TaskQueueSid"] == task.task_queue_sid
        assert fields["TaskSid"] == task.sid and fields["WorkerSid"] == worker.sid
        assert json.loads(fields["TaskAttributes"]) == {"vip": True, "name": "Zoë & co"}
        assert fields["ReservationSid"] in {r.sid for r in reservations}
