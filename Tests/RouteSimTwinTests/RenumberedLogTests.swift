import Foundation
import Testing
import RouteSimTwin

/// What a workspace's log kept from before a delete, read after it: the delete builds the
/// engine again with the resources after the deleted one moved up, and the log's tasks,
/// events and statistics follow them.
@Suite struct RenumberedLogTests {
    /// Two queues and workflows and two workers, alice Offline and bob Available; a task
    /// routed by the second workflow to the second queue, whose reservation bob rejects at
    /// t=5, going Offline; bob Available again at t=10 accepts the next at t=15 and
    /// completes the task at t=35; at t=40 the first workflow, the first queue and alice are
    /// deleted.
    @Test func tasksEventsAndStatisticsNameTheRightResourcesAfterEarlierOnesAreDeleted() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("Renumbered", [("Template", "FIFO")])
            let base = "/v1/Workspaces/\(workspace)"
            let activities = try await twin.send(.get, base + "/Activities").items("activities")
            let activity = { (name: String) in activities.first { $0["friendly_name"] as? String == name }?["sid"] as? String ?? "" }
            let firstQueue = try #require(try await twin.send(.get, base + "/TaskQueues").items("task_queues").first?["sid"] as? String)
            let firstWorkflow = try #require(try await twin.send(.get, base + "/Workflows").items("workflows").first?["sid"] as? String)
            let queue = try #require(try await twin.send(.post, base + "/TaskQueues", [("FriendlyName", "Second")])["sid"] as? String)
            let workflow = try #require(try await twin.send(.post, base + "/Workflows", [
                ("FriendlyName", "To Second"), ("Configuration", #"{"task_routing":{"default_filter":{"queue":"\#(queue)"}}}"#),
            ])["sid"] as? String)
            let alice = try #require(try await twin.send(.post, base + "/Workers", [("FriendlyName", "alice")])["sid"] as? String)
            let bob = try #require(try await twin.send(.post, base + "/Workers", [
                ("FriendlyName", "bob"), ("ActivitySid", activity("Available")),
            ])["sid"] as? String)
            func advance(_ seconds: Int) async throws {
                _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", String(seconds))])
            }
            let task = try #require(try await twin.send(.post, base + "/Tasks", [
                ("Attributes", "{}"), ("WorkflowSid", workflow),
            ])["sid"] as? String)
            func answer(_ status: String, _ more: [(String, String)] = []) async throws {
                let pending = try await twin.send(.get, base + "/Tasks/\(task)/Reservations?ReservationStatus=pending")
                let reservation = try #require(pending.items("reservations").first?["sid"] as? String)
                let answered = try await twin.send(
                    .post, base + "/Tasks/\(task)/Reservations/\(reservation)", [("ReservationStatus", status)] + more)
                #expect(answered["reservation_status"] as? String == status)
            }
            try await advance(5)
            try await answer("rejected", [("WorkerActivitySid", activity("Offline"))])
            try await advance(5)
            #expect(try await twin.send(.post, base + "/Workers/\(bob)", [("ActivitySid", activity("Available"))]).status == 200)
            try await advance(5)
            try await answer("accepted")
            try await advance(20)
            #expect(try await twin.send(.post, base + "/Tasks/\(task)", [("AssignmentStatus", "completed"), ("Reason", "done")]).status == 200)
            try await advance(5)
            for path in ["/Workflows/\(firstWorkflow)", "/TaskQueues/\(firstQueue)", "/Workers/\(alice)"] {
                #expect(try await twin.send(.delete, base + path).status == 204, "\(path)")
            }

            let fetched = try await twin.send(.get, base + "/Tasks/\(task)")
            #expect(fetched["workflow_sid"] as? String == workflow)
            #expect(fetched["task_queue_sid"] as? String == queue)
            let listed = try await twin.send(.get, base + "/Tasks?WorkflowSid=\(workflow)&TaskQueueSid=\(queue)")
            #expect(listed.items("tasks").map { $0["sid"] as? String } == [task])

            let events = try await twin.send(.get, base + "/Events?Minutes=60&WorkflowSid=\(workflow)").items("events")
            let types = events.compactMap { $0["event_type"] as? String }
            #expect(["task.created", "reservation.accepted", "task.completed"].allSatisfy(types.contains), "\(types)")
            let accepted = events.first { $0["event_type"] as? String == "reservation.accepted" }?["event_data"] as? [String: Any]
            #expect(accepted?["workflow_sid"] as? String == workflow)
            #expect(accepted?["task_queue_sid"] as? String == queue)
            #expect(accepted?["worker_sid"] as? String == bob)
            let bobEvents = try await twin.send(.get, base + "/Events?Minutes=60&WorkerSid=\(bob)&EventType=worker.activity.update")
            let update = bobEvents.items("events").first?["event_data"] as? [String: Any]
            #expect(update?["worker_previous_activity_sid"] as? String == activity("Available"))
            #expect(update?["worker_activity_sid"] as? String == activity("Offline"))

            let queueCounts = try await twin.send(.get, base + "/TaskQueues/\(queue)/CumulativeStatistics?Minutes=60")
            #expect(queueCounts["tasks_entered"] as? Int == 1)
            #expect(queueCounts["reservations_rejected"] as? Int == 1)
            #expect(queueCounts["reservations_accepted"] as? Int == 1)
            #expect(queueCounts["tasks_completed"] as? Int == 1)
            let workflowCounts = try await twin.send(.get, base + "/Workflows/\(workflow)/CumulativeStatistics?Minutes=60")
            #expect(workflowCounts["tasks_entered"] as? Int == 1)
            #expect(workflowCounts["tasks_completed"] as? Int == 1)
            let workspaceCounts = try await twin.send(.get, base + "/CumulativeStatistics?Minutes=60")
            #expect(workspaceCounts["tasks_created"] as? Int == 1)
            #expect(workspaceCounts["tasks_completed"] as? Int == 1)
            let bobCounts = try await twin.send(.get, base + "/Workers/\(bob)/CumulativeStatistics?Minutes=60")
            #expect(StatisticsEndpointTests.durations(bobCounts.json)["Available"] == 35, "5 s before the rejection, 30 since t=10")
            #expect(bobCounts["reservations_rejected"] as? Int == 1)
            #expect(bobCounts["reservations_accepted"] as? Int == 1)
        }
    }

    /// A task routed by the first of two workflows, completed; then that workflow deleted:
    /// the task names no workflow, and counts for the workspace but not for the workflow
    /// that took the deleted one's place.
    @Test func aDeletedWorkflowsTasksCountForTheWorkspaceAloneAndNameNoWorkflow() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("Deleted", [("Template", "FIFO")])
            let base = "/v1/Workspaces/\(workspace)"
            let available = try await twin.send(.get, base + "/Activities?FriendlyName=Available")
            let activity = try #require(available.items("activities").first?["sid"] as? String)
            let first = try #require(try await twin.send(.get, base + "/Workflows").items("workflows").first?["sid"] as? String)
            let queue = try #require(try await twin.send(.get, base + "/TaskQueues").items("task_queues").first?["sid"] as? String)
            let second = try #require(try await twin.send(.post, base + "/Workflows", [
                ("FriendlyName", "Second"), ("Configuration", #"{"task_routing":{"default_filter":{"queue":"\#(queue)"}}}"#),
            ])["sid"] as? String)
            _ = try await twin.send(.post, base + "/Workers", [("FriendlyName", "alice"), ("ActivitySid", activity)])
            let task = try #require(try await twin.send(.post, base + "/Tasks", [
                ("Attributes", "{}"), ("WorkflowSid", first),
            ])["sid"] as? String)
            let pending = try await twin.send(.get, base + "/Tasks/\(task)/Reservations?ReservationStatus=pending")
            let reservation = try #require(pending.items("reservations").first?["sid"] as? String)
            _ = try await twin.send(.post, base + "/Tasks/\(task)/Reservations/\(reservation)", [("ReservationStatus", "accepted")])
            _ = try await twin.send(.post, base + "/Tasks/\(task)", [("AssignmentStatus", "completed"), ("Reason", "done")])
            #expect(try await twin.send(.delete, base + "/Workflows/\(first)").status == 204)

            let fetched = try await twin.send(.get, base + "/Tasks/\(task)")
            #expect(fetched["workflow_sid"] is NSNull)
            #expect(fetched["task_queue_sid"] as? String == queue)
            #expect(try await twin.send(.get, base + "/Tasks?WorkflowSid=\(second)").items("tasks").isEmpty)
            let created = try await twin.send(.get, base + "/Events?EventType=task.created").items("events").first
            #expect((created?["event_data"] as? [String: Any])?["workflow_sid"] == nil)
            let workflowCounts = try await twin.send(.get, base + "/Workflows/\(second)/CumulativeStatistics")
            #expect(workflowCounts["tasks_entered"] as? Int == 0)
            #expect(workflowCounts["tasks_completed"] as? Int == 0)
            let workspaceCounts = try await twin.send(.get, base + "/CumulativeStatistics")
            #expect(workspaceCounts["tasks_created"] as? Int == 1)
            #expect(workspaceCounts["tasks_completed"] as? Int == 1)
            let queueCounts = try await twin.send(.get, base + "/TaskQueues/\(queue)/CumulativeStatistics")
            #expect(queueCounts["tasks_entered"] as? Int == 1)
        }
    }
}
