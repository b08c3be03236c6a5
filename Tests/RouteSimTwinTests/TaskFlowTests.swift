import Foundation
import Testing
import RouteSimTwin

/// Tasks routed by the live engine, reservations answered through the API, and the events
/// they leave: a TaskRouter quickstart against the twin.
@Suite struct TaskFlowTests {
    /// A FIFO workspace with worker "alice" made Available; returns the workspace and worker SIDs.
    static func quickstart(_ twin: TwinClient) async throws -> (workspace: String, worker: String, available: String) {
        let workspace = try await twin.workspace("Quickstart", [("Template", "FIFO")])
        let activities = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Activities?FriendlyName=Available")
        let available = try #require(activities.items("activities").first?["sid"] as? String)
        let worker = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers", [
            ("FriendlyName", "alice"), ("Attributes", #"{"languages":["en"]}"#), ("ActivitySid", available),
        ])
        #expect(worker.status == 201)
        return (workspace, try #require(worker["sid"] as? String), available)
    }

    @Test func aTaskIsReservedWhenTheCreateAnswersAndFollowsTheApplicationToCompletion() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, worker, _) = try await Self.quickstart(twin)
            let created = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [
                ("Attributes", #"{"call_sid":"CA1","language":"en"}"#), ("Timeout", "600"),
            ])
            #expect(created.status == 201)
            #expect(created["assignment_status"] as? String == "reserved")
            #expect(created["attributes"] as? String == #"{"call_sid":"CA1","language":"en"}"#)
            #expect(created["task_queue_friendly_name"] as? String == "Sample Queue")
            #expect(created["timeout"] as? Int == 600)
            let task = try #require(created["sid"] as? String)
            #expect(task.hasPrefix("WT") && task.count == 34)

            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "30")])
            let reservations = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(task)/Reservations")
            let reservation = try #require(reservations.items("reservations").first)
            #expect(reservation["reservation_status"] as? String == "pending")
            #expect(reservation["worker_sid"] as? String == worker)
            let reservationSid = try #require(reservation["sid"] as? String)

            let accepted = try await twin.send(
                .post, "/v1/Workspaces/\(workspace)/Workers/\(worker)/Reservations/\(reservationSid)",
                [("ReservationStatus", "accepted")])
            #expect(accepted["reservation_status"] as? String == "accepted")
            let assigned = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(task)")
            #expect(assigned["assignment_status"] as? String == "assigned")
            #expect(assigned["age"] as? Int == 30)
            let channel = "/v1/Workspaces/\(workspace)/Workers/\(worker)/Channels/default"
            let busy = try await twin.send(.get, channel)
            #expect(busy["assigned_tasks"] as? Int == 1 && busy["available_capacity_percentage"] as? Int == 0)

            let again = try await twin.send(
                .post, "/v1/Workspaces/\(workspace)/Tasks/\(task)/Reservations/\(reservationSid)",
                [("ReservationStatus", "accepted")])
            #expect(again.status == 400 && again.code == 20001)
            let noReason = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks/\(task)", [("AssignmentStatus", "completed")])
            #expect(noReason.status == 400 && noReason.code == 20001)

            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "120")])
            let completed = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks/\(task)", [
                ("AssignmentStatus", "completed"), ("Reason", "call ended"),
            ])
            #expect(completed["assignment_status"] as? String == "completed")
            let free = try await twin.send(.get, channel)
            #expect(free["assigned_tasks"] as? Int == 0 && free["available_capacity_percentage"] as? Int == 100)
            #expect(completed["reason"] as? String == "call ended")

            let events = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Events?TaskSid=\(task)&Minutes=60")
            let types = events.items("events").map { $0["event_type"] as? String ?? "" }
            #expect(types == [
                "workflow.entered", "task-queue.entered", "task.created", "workflow.target-matched", "reservation.created",
                "reservation.accepted", "task.completed", "reservation.completed",
            ])
            let first = try #require(events.items("events").first)
            #expect(first["event_date"] as? String == "2026-01-01T00:00:00Z")
            #expect(first["event_date_ms"] as? Double == 1_767_225_600_000, "milliseconds since 1970, as TaskRouter gives them")
            let onDefault = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Events?TaskChannel=default&Minutes=60")
            #expect(onDefault.items("events").count == types.count)
            #expect(try await twin.send(.get, "/v1/Workspaces/\(workspace)/Events?TaskChannel=voice&Minutes=60").items("events").isEmpty)
            let queue = try #require(created["task_queue_sid"] as? String)
            let inQueue = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Events?TaskQueueSid=\(queue)&Minutes=60")
            #expect(inQueue.items("events").count == types.count - 1, "workflow.entered comes before the task enters its queue")
            let byType = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Events?EventType=reservation.accepted&Minutes=60")
            #expect(byType.items("events").count == 1)
            #expect((byType.items("events").first?["event_data"] as? [String: Any])?["worker_sid"] as? String == worker)
        }
    }

    @Test func anUnansweredReservationTimesOutAndTheWorkerGoesOffline() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, worker, available) = try await Self.quickstart(twin)
            let created = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", "{}")])
            let task = try #require(created["sid"] as? String)
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "120")])
            let reservations = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Workers/\(worker)/Reservations")
            #expect(reservations.items("reservations").map { $0["reservation_status"] as? String } == ["timeout"])
            let offline = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Workers/\(worker)")
            #expect(offline["activity_name"] as? String == "Offline")
            #expect(try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(task)")["assignment_status"] as? String == "pending")
            let back = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers/\(worker)", [("ActivitySid", available)])
            #expect(back["activity_name"] as? String == "Available")
            #expect(try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(task)")["assignment_status"] as? String == "reserved")
        }
    }

    @Test func tasksAreListedByStatusAndCanceledWithTheApplicationsReason() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("No workers", [("Template", "FIFO")])
            for call in 1...3 {
                _ = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", #"{"call":\#(call)}"#), ("Priority", "\(call)")])
            }
            let pending = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks?AssignmentStatus=pending&Ordering=Priority:desc")
            #expect(pending.items("tasks").map { $0["priority"] as? Int } == [3, 2, 1])
            let sid = try #require(pending.items("tasks").first?["sid"] as? String)
            let unexplained = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks/\(sid)", [("AssignmentStatus", "canceled"), ("Reason", "")])
            #expect(unexplained["message"] as? String == "Missing required parameter Reason in the post body")
            let canceled = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks/\(sid)", [
                ("AssignmentStatus", "canceled"), ("Reason", "caller hung up"),
            ])
            #expect(canceled["assignment_status"] as? String == "canceled")
            #expect(canceled["reason"] as? String == "caller hung up")
            #expect(try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks?AssignmentStatus=pending").items("tasks").count == 2)
            #expect(try await twin.send(.delete, "/v1/Workspaces/\(workspace)/Tasks/\(sid)").status == 204)
            #expect(try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(sid)").code == 20404)
            let queue = try await twin.send(.post, "/v1/Workspaces/\(workspace)/TaskQueues", [("FriendlyName", "Later")])
            #expect(queue.status == 201, "a queue is added while tasks are in flight")
            let activity = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Activities", [("FriendlyName", "Lunch")])
            #expect(activity.status == 400 && activity.code == 20001, "an activity cannot be added while tasks are in flight")
            #expect((activity["message"] as? String)?.contains("2 tasks are in flight: complete or cancel them first") == true, "\(activity.json ?? [:])")
            // A bad parameter is named first, not hidden behind the tasks in flight.
            let unnamed = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Activities", [("Available", "true")])
            #expect(unnamed["message"] as? String == "Missing required parameter FriendlyName in the post body")
            let emptied = try await twin.send(.post, "/v1/Workspaces/\(workspace)/TaskQueues/\(try #require(queue["sid"] as? String))", [("FriendlyName", "")])
            #expect(emptied.code == 20001 && emptied["message"] as? String == "Invalid FriendlyName: it must not be empty")
        }
    }

    @Test func newAttributesOfAPendingTaskAreRoutedInItsTarget() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, worker, _) = try await Self.quickstart(twin)
            let base = "/v1/Workspaces/\(workspace)"
            let configuration = #"{"task_routing": {"filters": [], "default_filter": {"queue": "Sample Queue", "expression": "task.language IN worker.languages"}}}"#
            let workflow = try await twin.send(.post, base + "/Workflows", [("FriendlyName", "Languages"), ("Configuration", configuration)])
            let workflowSid = try #require(workflow["sid"] as? String)
            let created = try await twin.send(.post, base + "/Tasks", [("Attributes", #"{"language":"fr"}"#), ("WorkflowSid", workflowSid)])
            #expect(created["assignment_status"] as? String == "pending", "alice speaks no French")
            let task = try #require(created["sid"] as? String)
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "10")])
            let updated = try await twin.send(.post, base + "/Tasks/\(task)", [("Attributes", #"{"language":"en"}"#)])
            #expect(updated["assignment_status"] as? String == "reserved")
            #expect(updated["attributes"] as? String == #"{"language":"en"}"#)
            let reservation = try await twin.send(.get, base + "/Tasks/\(task)/Reservations").items("reservations").first
            #expect(reservation?["worker_sid"] as? String == worker)
            let events = try await twin.send(.get, base + "/Events?TaskSid=\(task)").items("events").map { $0["event_type"] as? String }
            #expect(events.suffix(2) == ["task.updated", "reservation.created"])
            let unknown = try await twin.send(.post, base + "/Tasks/\(task)", [("Attributes", "{}"), ("AssignmentStatus", "paused")])
            #expect(unknown.code == 20001)
            #expect(try await twin.send(.get, base + "/Tasks/\(task)")["attributes"] as? String == #"{"language":"en"}"#, "nothing applied")
        }
    }

    @Test func aHigherPriorityTakesAPendingTaskAheadAndAnEndedTaskTakesNoUpdate() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("Priorities", [("Template", "FIFO")])
            let base = "/v1/Workspaces/\(workspace)"
            let available = try #require(try await twin.send(.get, base + "/Activities?FriendlyName=Available").items("activities").first?["sid"] as? String)
            let worker = try #require(try await twin.send(.post, base + "/Workers", [("FriendlyName", "bob")])["sid"] as? String)
            let first = try #require(try await twin.send(.post, base + "/Tasks", [("Attributes", "{}")])["sid"] as? String)
            let second = try #require(try await twin.send(.post, base + "/Tasks", [("Attributes", "{}")])["sid"] as? String)
            let raised = try await twin.send(.post, base + "/Tasks/\(second)", [("Priority", "5")])
            #expect(raised["priority"] as? Int == 5 && raised["assignment_status"] as? String == "pending")
            _ = try await twin.send(.post, base + "/Workers/\(worker)", [("ActivitySid", available)])
            #expect(try await twin.send(.get, base + "/Tasks/\(second)")["assignment_status"] as? String == "reserved")
            #expect(try await twin.send(.get, base + "/Tasks/\(first)")["assignment_status"] as? String == "pending")
            _ = try await twin.send(.post, base + "/Tasks/\(first)", [("AssignmentStatus", "canceled"), ("Reason", "gone")])
            let late = try await twin.send(.post, base + "/Tasks/\(first)", [("Priority", "9")])
            #expect(late.code == 20001 && (late["message"] as? String)?.contains("only a task in flight") == true)
            #expect(try await twin.send(.post, base + "/Tasks/\(first)", [("Priority", "-1")]).code == 20001)
        }
    }

    @Test func reservationsKeepTheirWorkerWhenAnEarlierWorkerIsDeleted() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, alice, _) = try await Self.quickstart(twin)
            let bob = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers", [("FriendlyName", "bob")])
            let bobSid = try #require(bob["sid"] as? String)
            let task = try #require(try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", "{}")])["sid"] as? String)
            let reservation = try #require(
                try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(task)/Reservations").items("reservations").first)
            let reservationSid = try #require(reservation["sid"] as? String)
            _ = try await twin.send(
                .post, "/v1/Workspaces/\(workspace)/Tasks/\(task)/Reservations/\(reservationSid)", [("ReservationStatus", "accepted")])
            _ = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks/\(task)", [("AssignmentStatus", "completed"), ("Reason", "done")])
            // Bob is after Alice: deleting Bob renumbers nobody, deleting Alice moves Bob to index 0.
            #expect(try await twin.send(.delete, "/v1/Workspaces/\(workspace)/Workers/\(bobSid)").status == 204)
            #expect(try await twin.send(.delete, "/v1/Workspaces/\(workspace)/Workers/\(alice)").status == 204)
            let listed = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(task)/Reservations")
            #expect(listed.status == 200)
            #expect(listed.items("reservations").map { $0["worker_sid"] as? String } == [alice])
            #expect(listed.items("reservations").map { $0["worker_name"] as? String } == ["alice"])
        }
    }
}
