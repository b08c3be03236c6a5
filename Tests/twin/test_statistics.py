"""The Statistics resources of the twin read through Twilio's Python client: a workspace,
its queue, its workflow and its workers after a short quickstart on the manual clock."""

import datetime

import pytest
from twilio.base.exceptions import TwilioRestException

# `server` is the module-scoped fixture of test_twin: a manual-clock server of this module's own.
from test_twin import clock, server  # noqa: F401
from test_tasks import connect, staffed_workspace


def test_statistics_of_a_workspace_its_queue_workflow_and_workers(server):
    client = connect(server)
    workspace, alice = staffed_workspace(client, "Statistics")
    first = workspace.tasks.create(attributes="{}")
    assert first.assignment_status == "reserved"
    clock(server, Advance="20")
    reservation = workspace.tasks(first.sid).reservations.list()[0]
    workspace.tasks(first.sid).reservations(reservation.sid).update(reservation_status="accepted")
    second = workspace.tasks.create(attributes="{}")
    assert second.assignment_status == "pending", "Alice works on the first task"
    _, now = clock(server, Advance="15")

    statistics = workspace.statistics().fetch(minutes=60, split_by_wait_time="10,30")
    assert statistics.cumulative["tasks_created"] == 2
    assert statistics.cumulative["reservations_accepted"] == 1
    assert statistics.cumulative["avg_task_acceptance_time"] == 20
    assert statistics.cumulative["split_by_wait_time"] == {
        "10": {"above": {"reservations_accepted": 1, "tasks_canceled": 0},
               "below": {"reservations_accepted": 0, "tasks_canceled": 0}},
        "30": {"above": {"reservations_accepted": 0, "tasks_canceled": 0},
               "below": {"reservations_accepted": 1, "tasks_canceled": 0}}}
    assert statistics.realtime["tasks_by_status"] == {"pending": 1, "reserved": 0, "assigned": 1, "wrapping": 0}
    assert statistics.realtime["longest_task_waiting_sid"] == second.sid
    assert statistics.realtime["longest_task_waiting_age"] == 15
    assert statistics.url.startswith(server)

    realtime = workspace.real_time_statistics().fetch()
    assert realtime.total_tasks == 2 and realtime.total_workers == 1
    cumulative = workspace.cumulative_statistics().fetch(minutes=60)
    end = datetime.datetime.fromisoformat(now["date"].replace("Z", "+00:00"))
    assert cumulative.end_time == end
    assert cumulative.start_time == end - datetime.timedelta(minutes=60)
    assert cumulative.wait_duration_until_accepted == {"avg": 20, "min": 20, "max": 20, "total": 20}
    since = workspace.cumulative_statistics().fetch(start_date=end - datetime.timedelta(seconds=10))
    assert since.tasks_created == 0, "both tasks were created before the window"

    queue = workspace.task_queues.list()[0]
    assert workspace.task_queues(queue.sid).real_time_statistics().fetch().total_available_workers == 1
    assert workspace.task_queues(queue.sid).cumulative_statistics().fetch(minutes=60).tasks_entered == 2
    assert workspace.task_queues(queue.sid).statistics().fetch().realtime["total_eligible_workers"] == 1
    listed = workspace.task_queues.statistics.list()
    assert [item.task_queue_sid for item in listed] == [queue.sid]
    # The bulk document takes a JSON body; the helper library sends what `to_dict` returns.
    class QueueSids:
        def __init__(self, sids):
            self.sids = sids

        def to_dict(self):
            return {"QueueSids": self.sids}

    bulk = workspace.task_queues.bulk_real_time_statistics.create(body=QueueSids([queue.sid]))
    assert bulk.task_queue_response_count == 1
    assert bulk.task_queue_data[0]["task_queue_sid"] == queue.sid
    assert bulk.task_queue_data[0]["total_tasks"] == 2
    with pytest.raises(TwilioRestException) as raised:
        workspace.task_queues.bulk_real_time_statistics.create(body=QueueSids([]))
    assert raised.value.code == 20001
    workflow = workspace.workflows.list()[0]
    assert workspace.workflows(workflow.sid).real_time_statistics().fetch().total_tasks == 2
    assert workspace.workflows(workflow.sid).cumulative_statistics().fetch(minutes=60).tasks_entered == 2
    assert workspace.workflows(workflow.sid).statistics().fetch().workflow_sid == workflow.sid

    workers = workspace.workers.statistics().fetch(minutes=60)
    assert workers.realtime["total_workers"] == 1
    assert workers.cumulative["reservations_created"] == 1
    by_activity = {entry["friendly_name"]: entry["workers"]
                   for entry in workspace.workers.real_time_statistics().fetch().activity_statistics}
    assert by_activity == {"Offline": 0, "Available": 1, "Unavailable": 0}
    durations = {entry["friendly_name"]: entry["total"]
                 for entry in workspace.workers.cumulative_statistics().fetch(minutes=60).activity_durations}
    assert durations == {"Offline": 0, "Available": 35, "Unavailable": 0}
    mine = workspace.workers(alice.sid).statistics().fetch(minutes=60)
    assert mine.worker_sid == alice.sid and mine.cumulative["reservations_accepted"] == 1

    with pytest.raises(TwilioRestException) as raised:
        workspace.task_queues("WQ" + "0" * 32).statistics().fetch()
    assert raised.value.code == 20404
    with pytest.raises(TwilioRestException) as raised:
        workspace.statistics().fetch(minutes=0)
    assert raised.value.code == 20001
