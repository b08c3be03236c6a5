import Foundation
import Testing
@testable import RouteSimTwin

/// The events of configuration changes made through the API (`worker.created`,
/// `activity.deleted`, …): logged with the engine's events, numbered in the same stream,
/// naming their resource (a deleted one too), and sent to the `EventCallbackUrl`.
@Suite struct ConfigurationEventTests {
    /// The types of configuration events, as ``changeEveryKindOfResource(_:_:)`` makes them.
    static let madeTypes = [
        "worker.created", "worker.attributes.update", "task-queue.created", "task-queue.expression.updated",
        "workflow.created", "workflow.updated", "task.deleted", "activity.created", "activity.updated",
        "task-channel.created", "task-channel.updated", "worker.capacity.update", "worker.channel.availability.update",
        "workflow.deleted", "task-queue.deleted", "activity.deleted", "task-channel.deleted", "worker.deleted",
        "workspace.updated",
    ]

    /// The SIDs of what ``changeEveryKindOfResource(_:_:)`` changed.
    struct Changed {
        var worker = "", queue = "", workflow = "", activity = "", channel = "", task = ""
    }

    /// Changes every kind of resource of FIFO workspace `workspace` through the API, a task
    /// routed and deleted among the changes, then routes a second task on the engine built
    /// again; returns the SIDs of the resources changed.
    static func changeEveryKindOfResource(_ client: TwinClient, _ workspace: String) async throws -> Changed {
        let base = "/v1/Workspaces/\(workspace)"
        let activities = try await client.send(.get, base + "/Activities?FriendlyName=Available")
        let available = try #require(activities.items("activities").first?["sid"] as? String)
        var changed = Changed()
        changed.worker = try #require(try await client.send(.post, base + "/Workers", [
            ("FriendlyName", "alice"), ("Attributes", #"{"level":1}"#), ("ActivitySid", available),
        ])["sid"] as? String)
        changed.task = try #require(try await client.send(.post, base + "/Tasks", [("Attributes", "{}")])["sid"] as? String)
        _ = try await client.send(.post, base + "/Workers/\(changed.worker)", [("Attributes", #"{"level":2}"#)])
        changed.queue = try #require(try await client.send(.post, base + "/TaskQueues", [
            ("FriendlyName", "Sales"), ("TargetWorkers", "level > 0"),
        ])["sid"] as? String)
        _ = try await client.send(.post, base + "/TaskQueues/\(changed.queue)", [("TargetWorkers", "level > 1")])
        let configuration = #"{"task_routing":{"default_filter":{"queue":"\#(changed.queue)"}}}"#
        changed.workflow = try #require(try await client.send(.post, base + "/Workflows", [
            ("FriendlyName", "Sales"), ("Configuration", configuration),
        ])["sid"] as? String)
        _ = try await client.send(.post, base + "/Workflows/\(changed.workflow)", [("TaskReservationTimeout", "60")])
        #expect(try await client.send(.delete, base + "/Tasks/\(changed.task)").status == 204)
        _ = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "10")])
        // No task is in flight: the changes below build the engine again.
        changed.activity = try #require(try await client.send(.post, base + "/Activities", [
            ("FriendlyName", "Training"), ("Available", "false"),
        ])["sid"] as? String)
        _ = try await client.send(.post, base + "/Activities/\(changed.activity)", [("FriendlyName", "Coaching")])
        changed.channel = try #require(try await client.send(.post, base + "/TaskChannels", [
            ("FriendlyName", "Fax"), ("UniqueName", "fax"),
        ])["sid"] as? String)
        _ = try await client.send(.post, base + "/TaskChannels/\(changed.channel)", [("FriendlyName", "Telefax")])
        let channels = try await client.send(.get, base + "/Workers/\(changed.worker)/Channels").items("channels")
        let voice = try #require(channels.first { $0["task_channel_unique_name"] as? String == "voice" }?["sid"] as? String)
        _ = try await client.send(.post, base + "/Workers/\(changed.worker)/Channels/\(voice)", [("Capacity", "3")])
        _ = try await client.send(.post, base + "/Workers/\(changed.worker)/Channels/\(voice)", [("Available", "false")])
        for path in [
            "/Workflows/\(changed.workflow)", "/TaskQueues/\(changed.queue)", "/Activities/\(changed.activity)",
            "/TaskChannels/\(changed.channel)", "/Workers/\(changed.worker)",
        ] {
            #expect(try await client.send(.delete, base + path).status == 204, "DELETE \(path)")
        }
        _ = try await client.send(.post, base, [("FriendlyName", "Renamed")])
        _ = try await client.send(.post, base + "/Tasks", [("Attributes", "{}")])
        return changed
    }

    @Test func everyChangeIsLoggedInOrderWithTheEnginesEventsNamingItsResource() async throws {
        try await TwinClient.withTwin { client in
            let workspace = try await client.workspace("Config", [("Template", "FIFO")])
            let changed = try await Self.changeEveryKindOfResource(client, workspace)
            let events = try await client.send(.get, "/v1/Workspaces/\(workspace)/Events?Minutes=60&PageSize=1000").items("events")
            let types = events.map { $0["event_type"] as? String ?? "" }
            #expect(types.filter(Self.madeTypes.contains) == Self.madeTypes)
            // In request order with the engine's: the worker exists before its reservation,
            // the task is canceled before it is deleted, the second task comes last.
            let first = { (type: String) in types.firstIndex(of: type) ?? -1 }
            #expect(first("worker.created") < first("reservation.created"))
            #expect(first("reservation.created") < first("worker.attributes.update"))
            #expect(first("task.canceled") < first("task.deleted"))
            #expect(first("workspace.updated") < types.lastIndex(of: "task.created") ?? -1)
            // One stream of SIDs over the engine's events, the twin's, and three builds.
            let sids = events.compactMap { $0["sid"] as? String }
            #expect(sids.count == events.count && Set(sids).count == sids.count)
            let byType = Dictionary(events.map { ($0["event_type"] as? String ?? "", $0) }) { first, _ in first }
            for (type, resourceType, sid) in [
                ("worker.created", "worker", changed.worker), ("worker.deleted", "worker", changed.worker),
                ("worker.capacity.update", "worker", changed.worker), ("task-queue.deleted", "taskqueue", changed.queue),
                ("task-queue.expression.updated", "taskqueue", changed.queue), ("workflow.deleted", "workflow", changed.workflow),
                ("activity.deleted", "activity", changed.activity), ("task-channel.deleted", "taskchannel", changed.channel),
                ("task.deleted", "task", changed.task), ("workspace.updated", "workspace", workspace),
            ] {
                let event = try #require(byType[type], "\(type)")
                #expect(event["resource_type"] as? String == resourceType, "\(type)")
                #expect(event["resource_sid"] as? String == sid, "\(type)")
            }
            let data = { (type: String) in byType[type]?["event_data"] as? [String: Any] ?? [:] }
            #expect(data("worker.deleted")["worker_name"] as? String == "alice")
            #expect(data("worker.deleted")["worker_attributes"] as? String == #"{"level":2}"#)
            #expect(data("worker.created")["worker_attributes"] as? String == #"{"level":1}"#)
            #expect(data("worker.attributes.update")["worker_attributes"] as? String == #"{"level":2}"#)
            #expect(data("task-queue.created")["task_queue_target_expression"] as? String == "level > 0")
            #expect(data("task-queue.expression.updated")["task_queue_target_expression"] as? String == "level > 1")
            #expect(data("task-queue.deleted")["task_queue_name"] as? String == "Sales")
            #expect(data("workflow.deleted")["workflow_name"] as? String == "Sales")
            #expect(data("activity.created")["activity_name"] as? String == "Training")
            #expect(data("activity.updated")["activity_name"] as? String == "Coaching")
            #expect(data("activity.deleted")["activity_sid"] as? String == changed.activity)
            #expect(data("activity.deleted")["activity_available"] as? Bool == false)
            #expect(data("task-channel.deleted")["task_channel_unique_name"] as? String == "fax")
            #expect(data("task-channel.updated")["task_channel_name"] as? String == "Telefax")
            #expect(data("worker.capacity.update")["worker_channel_previous_capacity"] as? Double == 1)
            #expect(data("worker.capacity.update")["task_channel_unique_name"] as? String == "voice")
            #expect(data("worker.channel.availability.update")["worker_channel_available"] as? Bool == false)
            #expect(data("task.deleted")["task_sid"] as? String == changed.task)
            #expect(data("task.deleted")["task_assignment_status"] as? String == "canceled")
            // The filters find them by the resource while it exists.
            let byQueue = try await client.send(.get, "/v1/Workspaces/\(workspace)/Events?Minutes=60&EventType=workflow.created")
            #expect(byQueue.items("events").map { $0["resource_sid"] as? String } == [changed.workflow])
        }
    }

    /// Two workspaces route a task the same way; one deletes it and changes its worker, queue,
    /// workflow and channels, the other cancels it as a delete does and changes nothing: their
    /// cumulative statistics are the same, the events of the changes counted nowhere (not
    /// even `task.deleted` in `tasks_deleted`, which routesim leaves at 0).
    @Test func noStatisticCountsTheEventsOfChanges() async throws {
        try await TwinClient.withTwin { client in
            var documents: [[String: Any]] = []
            for changes in [true, false] {
                let workspace = try await client.workspace("Stats", [("Template", "FIFO")])
                let base = "/v1/Workspaces/\(workspace)"
                let activities = try await client.send(.get, base + "/Activities?FriendlyName=Available")
                let available = try #require(activities.items("activities").first?["sid"] as? String)
                let worker = try #require(try await client.send(.post, base + "/Workers", [
                    ("FriendlyName", "alice"), ("ActivitySid", available),
                ])["sid"] as? String)
                let task = try #require(try await client.send(.post, base + "/Tasks", [("Attributes", "{}")])["sid"] as? String)
                _ = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "5")])
                if changes {
                    let queue = try #require(try await client.send(.get, base + "/TaskQueues").items("task_queues").first?["sid"] as? String)
                    let workflow = try #require(try await client.send(.get, base + "/Workflows").items("workflows").first?["sid"] as? String)
                    _ = try await client.send(.post, base + "/Workers/\(worker)", [("Attributes", #"{"level":2}"#)])
                    _ = try await client.send(.post, base + "/TaskQueues/\(queue)", [("TargetWorkers", "true")])
                    _ = try await client.send(.post, base + "/Workflows/\(workflow)", [("TaskReservationTimeout", "60")])
                    #expect(try await client.send(.delete, base + "/Tasks/\(task)").status == 204)
                    let channels = try await client.send(.get, base + "/Workers/\(worker)/Channels").items("channels")
                    let voice = try #require(channels.first { $0["task_channel_unique_name"] as? String == "voice" }?["sid"] as? String)
                    _ = try await client.send(.post, base + "/Workers/\(worker)/Channels/\(voice)", [("Capacity", "2")])
                } else {
                    _ = try await client.send(.post, base + "/Tasks/\(task)", [("AssignmentStatus", "canceled"), ("Reason", "Task deleted")])
                }
                _ = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "5")])
                var document = try #require(try await client.send(.get, base + "/CumulativeStatistics?Minutes=60").json)
                // The second workspace's clock reads 10 s later.
                for key in ["workspace_sid", "url", "account_sid", "start_time", "end_time"] { document[key] = nil }
                documents.append(document)
            }
            #expect(documents.first?["reservations_created"] as? Int == 1)
            #expect(documents.first?["tasks_canceled"] as? Int == 1)
            #expect(NSDictionary(dictionary: documents[0]).isEqual(to: documents[1]))
        }
    }

    @Test func theFilteredChangesArePostedToTheCallbackURL() async throws {
        try await EventCallbackTests.withReceiver { url, received in
            try await EventCallbackTests.withTwin { twin, client in
                let filter = "worker.created, worker.deleted, task-queue.expression.updated, activity.deleted, task.deleted"
                let workspace = try await client.workspace("Config", [
                    ("Template", "FIFO"), ("EventCallbackUrl", url), ("EventsFilter", filter),
                ])
                let changed = try await Self.changeEveryKindOfResource(client, workspace)
                let events = try await client.send(.get, "/v1/Workspaces/\(workspace)/Events?Minutes=60&PageSize=1000").items("events")
                let posted = events.filter { TwinWorkspace.eventTypes(filter).contains($0["event_type"] as? String ?? "") }
                _ = try await EventCallbackTests.settle(twin, count: posted.count)
                let callbacks = received()
                #expect(callbacks.map { $0["EventType"] ?? "" } == [
                    "worker.created", "task-queue.expression.updated", "task.deleted", "activity.deleted", "worker.deleted",
                ])
                #expect(callbacks.map { $0["ResourceSid"] ?? "" } == posted.map { $0["resource_sid"] as? String ?? "" })
                let deleted = try #require(callbacks.first { $0["EventType"] == "worker.deleted" })
                #expect(deleted["ResourceSid"] == changed.worker && deleted["ResourceType"] == "worker")
                #expect(deleted["WorkerName"] == "alice" && deleted["WorkerSid"] == changed.worker)
                let activity = try #require(callbacks.first { $0["EventType"] == "activity.deleted" })
                #expect(activity["ActivitySid"] == changed.activity && activity["ActivityName"] == "Coaching")
                #expect(callbacks.first { $0["EventType"] == "task-queue.expression.updated" }?["TaskQueueTargetExpression"] == "level > 1")
            }
        }
    }
}
