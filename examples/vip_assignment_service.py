#!/usr/bin/env python3
"""A TaskRouter assignment-callback service: a VIP caller's reservation is accepted only by a
senior agent, anyone else rejects it; other callers are accepted by anyone.

Standard library only. TaskRouter (or `routesim serve`) POSTs every reservation of the workflow
to /assignment with the task's and the worker's attributes; the answer is TaskRouter's JSON
instruction. A junior who rejects a VIP is moved to the Break activity (TaskRouter would offer
the task to the same worker again at once otherwise) and put back to Available through the REST
API at the first callback at least --break-seconds later, in the callbacks' own time
(`Timestamp`), so the service works the same on a simulated clock as on the wall clock.

    python3 examples/vip_assignment_service.py --port 8090 \\
        --twin http://127.0.0.1:8080 --account-sid AC... --auth-token ...

With --auth-token, a request whose X-Twilio-Signature does not match is refused (403).
"""

import argparse
import base64
import hashlib
import hmac
import json
import sys
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def decide(task_attributes, worker_attributes):
    """The policy: "accept" or "reject"."""
    if task_attributes.get("vip") is True and worker_attributes.get("senior") is not True:
        return "reject"
    return "accept"


def signature(auth_token, url, fields):
    """X-Twilio-Signature as Twilio computes it: HMAC-SHA1 of the URL and the sorted fields."""
    message = url + "".join(name + fields[name] for name in sorted(fields))
    return base64.b64encode(hmac.new(auth_token.encode(), message.encode(), hashlib.sha1).digest()).decode()


class TaskRouterREST:
    """The few REST calls the service makes: the workspace's activities, a worker's activity."""

    def __init__(self, base_url, account_sid, auth_token):
        self.base_url = base_url.rstrip("/")
        token = base64.b64encode(("%s:%s" % (account_sid, auth_token)).encode()).decode()
        self.headers = {"Authorization": "Basic " + token}

    def call(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, headers=self.headers)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def activities(self, workspace):
        listed = self.call("/v1/Workspaces/%s/Activities?PageSize=1000" % workspace)["activities"]
        return {activity["friendly_name"]: activity["sid"] for activity in listed}

    def move(self, workspace, worker, activity):
        self.call("/v1/Workspaces/%s/Workers/%s" % (workspace, worker), {"ActivitySid": activity})


class Service:
    """The policy, the juniors on a break and when they come back, per workspace."""

    def __init__(self, rest, auth_token, break_seconds):
        self.rest = rest
        self.auth_token = auth_token
        self.break_seconds = break_seconds
        self.lock = threading.Lock()
        self.activities = {}
        self.on_break = {}  # (workspace, worker) -> the Timestamp after which it comes back

    def answer(self, fields):
        """The JSON instruction for one callback's fields."""
        workspace, now = fields["WorkspaceSid"], int(fields["Timestamp"])
        self.end_breaks(workspace, now)
        instruction = decide(json.loads(fields["TaskAttributes"]), json.loads(fields["WorkerAttributes"]))
        if instruction == "accept" or self.rest is None:
            return {"instruction": instruction}
        with self.lock:
            self.on_break[(workspace, fields["WorkerSid"])] = now + self.break_seconds
        return {"instruction": "reject", "activity_sid": self.activity(workspace, "Break")}

    def activity(self, workspace, name):
        with self.lock:
            known = self.activities.get(workspace)
        if known is None:
            known = self.rest.activities(workspace)
            with self.lock:
                self.activities[workspace] = known
        return known[name]

    def end_breaks(self, workspace, now):
        """Puts back to Available the workspace's workers whose break is over."""
        if self.rest is None:
            return
        with self.lock:
            over = [worker for (space, worker), until in self.on_break.items() if space == workspace and until <= now]
            for worker in over:
                del self.on_break[(workspace, worker)]
        for worker in over:
            self.rest.move(workspace, worker, self.activity(workspace, "Available"))


def handler_for(service):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            fields = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
            url = "http://%s%s" % (self.headers.get("Host", ""), self.path)
            if service.auth_token and not hmac.compare_digest(
                    signature(service.auth_token, url, fields), self.headers.get("X-Twilio-Signature", "")):
                self.reply(403, {"message": "bad X-Twilio-Signature"})
                return
            if self.path != "/assignment":
                self.reply(404, {"message": "POST /assignment"})
                return
            self.reply(200, service.answer(fields))

        def reply(self, status, document):
            data = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090, help="0 picks a free one (printed)")
    parser.add_argument("--twin", help="TaskRouter's (or the twin's) base URL, for putting juniors back after a break")
    parser.add_argument("--account-sid", help="the account's SID, for the REST API")
    parser.add_argument("--auth-token", help="the account's auth token: checks signatures, and for the REST API")
    parser.add_argument("--break-seconds", type=int, default=60, help="how long a junior who rejected a VIP stays on Break")
    arguments = parser.parse_args()
    if arguments.twin and not (arguments.account_sid and arguments.auth_token):
        parser.error("--twin needs --account-sid and --auth-token")
    rest = TaskRouterREST(arguments.twin, arguments.account_sid, arguments.auth_token) if arguments.twin else None
    service = Service(rest, arguments.auth_token, arguments.break_seconds)
    server = ThreadingHTTPServer((arguments.host, arguments.port), handler_for(service))
    print("assignment callback service at http://%s:%d/assignment" % (arguments.host, server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
