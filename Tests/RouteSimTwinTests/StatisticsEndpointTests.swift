import Foundation
import Testing
import RouteSimTwin

/// The Statistics resources of a workspace, its queues, workflows and workers, with exact
/// numbers from a hand-built sequence on the manual clock (from 2026-01-01T00:00:00Z):
///
/// - t=0: alice Available, bob Offline with no capacity on `voice`; T1 (default) → R1 to alice.
/// - t=10: alice rejects R1 and goes Offline; T2 (voice) created, pending.
/// - t=40: bob Available → R2 (T1) to bob. t=45: bob accepts R2 (T1 waited 45 s).
/// - t=50: T2 canceled (waited 40 s). t=100: T1 completed; T3 (default) → R3 to bob; T4
///   (default) pending.
/// - t=130: the requests.
@Suite struct StatisticsEndpointTests {
    /// The workspace after the sequence, and its SIDs.
    struct Setup {
        let workspace: String
        let queue: String
        let workflow: String
        let alice: String
        let bob: String
        let tasks: [String]
    }

    static func setUp(_ twin: TwinClient) async throws -> Setup {
        let workspace = try await twin.workspace("Statistics", [("Template", "FIFO")])
        let base = "/v1/Workspaces/\(workspace)"
        let activities = try await twin.send(.get, base + "/Activities").items("activities")
        let sid = { (name: String) in activities.first { $0["friendly_name"] as? String == name }?["sid"] as? String ?? "" }
        let alice = try #require(try await twin.send(.post, base + "/Workers", [
            ("FriendlyName", "alice"), ("ActivitySid", sid("Available")),
        ])["sid"] as? String)
        let bob = try #require(try await twin.send(.post, base + "/Workers", [("FriendlyName", "bob")])["sid"] as? String)
        #expect(try await twin.send(.post, base + "/Workers/\(bob)/Channels/voice", [("Capacity", "0")]).status == 200)
        let queue = try #require(try await twin.send(.get, base + "/TaskQueues").items("task_queues").first?["sid"] as? String)
        let workflow = try #require(try await twin.send(.get, base + "/Workflows").items("workflows").first?["sid"] as? String)

        func task(_ channel: String) async throws -> String {
            let created = try await twin.send(.post, base + "/Tasks", [("Attributes", "{}"), ("TaskChannel", channel)])
            return try #require(created["sid"] as? String)
        }
        func advance(_ seconds: Int) async throws {
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", String(seconds))])
        }
        func reservation(of task: String) async throws -> String {
            let list = try await twin.send(.get, base + "/Tasks/\(task)/Reservations?ReservationStatus=pending")
            return try #require(list.items("reservations").first?["sid"] as? String)
        }

        let t1 = try await task("default")
        try await advance(10)
        let r1 = try await reservation(of: t1)
        let rejected = try await twin.send(
            .post, base + "/Tasks/\(t1)/Reservations/\(r1)", [("ReservationStatus", "rejected"), ("WorkerActivitySid", sid("Offline"))])
        #expect(rejected["reservation_status"] as? String == "rejected")
        let t2 = try await task("voice")
        try await advance(30)
        #expect(try await twin.send(.post, base + "/Workers/\(bob)", [("ActivitySid", sid("Available"))]).status == 200)
        try await advance(5)
        let r2 = try await reservation(of: t1)
        #expect(try await twin.send(.post, base + "/Tasks/\(t1)/Reservations/\(r2)", [("ReservationStatus", "accepted")]).status == 200)
        try await advance(5)
        let canceled = try await twin.send(.post, base + "/Tasks/\(t2)", [("AssignmentStatus", "canceled"), ("Reason", "hung up")])
        #expect(canceled["assignment_status"] as? String == "canceled")
        try await advance(50)
        let completed = try await twin.send(.post, base + "/Tasks/\(t1)", [("AssignmentStatus", "completed"), ("Reason", "done")])
        #expect(completed["assignment_status"] as? String == "completed")
        let t3 = try await task("default")
        let t4 = try await task("default")
        try await advance(30)
        return Setup(workspace: workspace, queue: queue, workflow: workflow, alice: alice, bob: bob, tasks: [t1, t2, t3, t4])
    }

    /// `{"Offline": n, "Available": n, "Unavailable": n}` of an `activity_statistics`.
    static func workers(_ statistics: Any?) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in statistics as? [[String: Any]] ?? [] {
            counts[entry["friendly_name"] as? String ?? ""] = entry["workers"] as? Int
        }
        return counts
    }

    /// `{activity name: total seconds}` of an `activity_durations`.
    static func durations(_ document: [String: Any]?) -> [String: Double] {
        var totals: [String: Double] = [:]
        for entry in document?["activity_durations"] as? [[String: Any]] ?? [] {
            totals[entry["friendly_name"] as? String ?? ""] = (entry["total"] as? NSNumber)?.doubleValue
        }
        return totals
    }

    @Test func theWorkspaceCountsEveryEventOfTheWindowWithTwoWaitThresholds() async throws {
        try await TwinClient.withTwin { twin in
            let setup = try await Self.setUp(twin)
            let base = "/v1/Workspaces/\(setup.workspace)"
            let answer = try await twin.send(.get, base + "/CumulativeStatistics?Minutes=60&SplitByWaitTime=30,60")
            #expect(answer.status == 200)
            #expect(answer["tasks_created"] as? Int == 4)
            #expect(answer["tasks_canceled"] as? Int == 1)
            #expect(answer["tasks_completed"] as? Int == 1)
            #expect(answer["tasks_moved"] as? Int == 0)
            #expect(answer["reservations_created"] as? Int == 3)
            #expect(answer["reservations_accepted"] as? Int == 1)
            #expect(answer["reservations_rejected"] as? Int == 1)
            #expect(answer["avg_task_acceptance_time"] as? Int == 45)
            #expect((answer["wait_duration_until_accepted"] as? [String: Int]) == ["avg": 45, "min": 45, "max": 45, "total": 45])
            #expect((answer["wait_duration_until_canceled"] as? [String: Int]) == ["avg": 40, "min": 40, "max": 40, "total": 40])
            let split = try #require(answer["split_by_wait_time"] as? [String: [String: [String: Int]]])
            #expect(split["30"] == [
                "above": ["reservations_accepted": 1, "tasks_canceled": 1], "below": ["reservations_accepted": 0, "tasks_canceled": 0],
            ])
            #expect(split["60"] == [
                "above": ["reservations_accepted": 0, "tasks_canceled": 0], "below": ["reservations_accepted": 1, "tasks_canceled": 1],
            ])
            #expect(answer["start_time"] as? String == "2025-12-31T23:02:10Z")
            #expect(answer["end_time"] as? String == "2026-01-01T00:02:10Z")
            #expect(answer["workspace_sid"] as? String == setup.workspace)
            #expect(answer["account_sid"] as? String == TwinClient.credentials.accountSid)
            #expect(answer["url"] as? String == "http://localhost" + base + "/CumulativeStatistics")
            let noSplit = try await twin.send(.get, base + "/CumulativeStatistics")
            #expect(noSplit["split_by_wait_time"] is NSNull)
        }
    }

    @Test func aWindowFromStartDateLeavesOutTheEventsBeforeIt() async throws {
        try await TwinClient.withTwin { twin in
            let setup = try await Self.setUp(twin)
            let base = "/v1/Workspaces/\(setup.workspace)"
            let answer = try await twin.send(.get, base + "/CumulativeStatistics?StartDate=2026-01-01T00:00:20Z")
            #expect(answer["tasks_created"] as? Int == 2, "T1 and T2 were created before the window")
            #expect(answer["reservations_created"] as? Int == 2)
            #expect(answer["reservations_rejected"] as? Int == 0)
            #expect(answer["reservations_accepted"] as? Int == 1)
            #expect(answer["tasks_canceled"] as? Int == 1, "a wait counts when its cancellation does")
            #expect(answer["start_time"] as? String == "2026-01-01T00:00:20Z")
            let ended = try await twin.send(
                .get, base + "/CumulativeStatistics?StartDate=2026-01-01T00:00:00Z&EndDate=2026-01-01T00:00:44Z")
            #expect(ended["reservations_created"] as? Int == 2)
            #expect(ended["reservations_accepted"] as? Int == 0)
            #expect(ended["end_time"] as? String == "2026-01-01T00:00:44Z")
            let alice = try await twin.send(.get, base + "/Workers/\(setup.alice)/CumulativeStatistics?StartDate=2026-01-01T00:00:20Z")
            #expect(Self.durations(alice.json) == ["Offline": 110, "Available": 0, "Unavailable": 0])
            #expect(alice["reservations_rejected"] as? Int == 0)
        }
    }

    @Test func aStartDateAfterNowIsRefusedSinceTheWindowEndsNow() async throws {
        try await TwinClient.withTwin { twin in
            let base = "/v1/Workspaces/\(try await twin.workspace("Window"))"
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "60")])
            for query in [
                "StartDate=2026-01-01T00:05:00Z", "StartDate=2026-01-01T00:05:00Z&EndDate=2026-01-01T00:10:00Z",
            ] {
                let answer = try await twin.send(.get, base + "/CumulativeStatistics?" + query)
                #expect(answer.status == 400 && answer.code == 20001, "\(query)")
                #expect((answer["message"] as? String)?.hasPrefix("Invalid StartDate") == true, "\(query)")
            }
            let clamped = try await twin.send(
                .get, base + "/CumulativeStatistics?StartDate=2026-01-01T00:00:30Z&EndDate=2026-01-01T00:10:00Z")
            #expect(clamped.status == 200)
            #expect(clamped["end_time"] as? String == "2026-01-01T00:01:00Z")
        }
    }

    @Test func splitByWaitTimeTakesAtMostFiftyDifferentThresholds() async throws {
        try await TwinClient.withTwin { twin in
            let base = "/v1/Workspaces/\(try await twin.workspace("Thresholds"))"
            let fifty = (1...50).map(String.init).joined(separator: ",")
            let repeated = try await twin.send(.get, base + "/CumulativeStatistics?SplitByWaitTime=\(fifty)&SplitByWaitTime=\(fifty),50")
            #expect(repeated.status == 200)
            #expect((repeated["split_by_wait_time"] as? [String: Any])?.count == 50)
            let tooMany = try await twin.send(.get, base + "/CumulativeStatistics?SplitByWaitTime=\(fifty),51")
            #expect(tooMany.status == 400 && tooMany.code == 20001)
            #expect(tooMany["message"] as? String == "Invalid SplitByWaitTime: at most 50 different thresholds, got 51")
        }
    }

    @Test func aTaskChannelKeepsItsTasksAndTheWorkersWithCapacityOnIt() async throws {
        try await TwinClient.withTwin { twin in
            let setup = try await Self.setUp(twin)
            let base = "/v1/Workspaces/\(setup.workspace)"
            let voice = try await twin.send(.get, base + "/Statistics?Minutes=60&TaskChannel=voice")
            let cumulative = try #require(voice["cumulative"] as? [String: Any])
            #expect(cumulative["tasks_created"] as? Int == 1)
            #expect(cumulative["tasks_canceled"] as? Int == 1)
            #expect(cumulative["reservations_created"] as? Int == 0)
            let realtime = try #require(voice["realtime"] as? [String: Any])
            #expect(realtime["total_tasks"] as? Int == 0)
            #expect(realtime["total_workers"] as? Int == 1, "bob has no capacity on voice")
            let queue = try await twin.send(.get, base + "/TaskQueues/\(setup.queue)/RealTimeStatistics?TaskChannel=default")
            #expect(queue["total_tasks"] as? Int == 2)
            #expect(queue["total_eligible_workers"] as? Int == 2)
        }
    }

    @Test func realTimeDocumentsCountTasksByStatusAndWorkersByActivity() async throws {
        try await TwinClient.withTwin { twin in
            let setup = try await Self.setUp(twin)
            let base = "/v1/Workspaces/\(setup.workspace)"
            let workspace = try await twin.send(.get, base + "/RealTimeStatistics")
            #expect(workspace["total_tasks"] as? Int == 2)
            #expect((workspace["tasks_by_status"] as? [String: Int]) == ["pending": 1, "reserved": 1, "assigned": 0, "wrapping": 0])
            #expect((workspace["tasks_by_priority"] as? [String: Int]) == ["0": 2])
            #expect(workspace["longest_task_waiting_age"] as? Int == 30)
            #expect(workspace["longest_task_waiting_sid"] as? String == setup.tasks[3])
            #expect(workspace["total_workers"] as? Int == 2)
            #expect(Self.workers(workspace["activity_statistics"]) == ["Offline": 1, "Available": 1, "Unavailable": 0])

            let queue = try await twin.send(.get, base + "/TaskQueues/\(setup.queue)/RealTimeStatistics")
            #expect(queue["task_queue_sid"] as? String == setup.queue)
            #expect(queue["total_eligible_workers"] as? Int == 2)
            #expect(queue["total_available_workers"] as? Int == 1)
            #expect(queue["longest_relative_task_age_in_queue"] as? Int == 30)
            #expect(queue["longest_relative_task_sid_in_queue"] as? String == setup.tasks[3])

            let workflow = try await twin.send(.get, base + "/Workflows/\(setup.workflow)/Statistics?Minutes=60")
            #expect((workflow["realtime"] as? [String: Any])?["total_tasks"] as? Int == 2)
            #expect((workflow["cumulative"] as? [String: Any])?["tasks_entered"] as? Int == 4)
            #expect(workflow["workflow_sid"] as? String == setup.workflow)
            #expect(workflow["url"] as? String == "http://localhost" + base + "/Workflows/\(setup.workflow)/Statistics")

            let workers = try await twin.send(.get, base + "/Workers/RealTimeStatistics")
            #expect(workers["total_workers"] as? Int == 2)
            #expect(Self.workers(workers["activity_statistics"]) == ["Offline": 1, "Available": 1, "Unavailable": 0])
        }
    }

    @Test func theBulkRealTimeDocumentNamesEachRequestedQueueInOrderAndZerosForAnUnknownOne() async throws {
        try await TwinClient.withTwin { twin in
            let setup = try await Self.setUp(twin)
            let base = "/v1/Workspaces/\(setup.workspace)"
            let single = try await twin.send(.get, base + "/TaskQueues/\(setup.queue)/RealTimeStatistics")
            let unknown = "WQ" + String(repeating: "0", count: 32)
            let bulk = try await twin.send(
                .post, base + "/TaskQueues/RealTimeStatistics", json: #"{"queueSids": ["\#(unknown)", "\#(setup.queue)"]}"#)
            #expect(bulk.status == 200)
            #expect(bulk["task_queue_response_count"] as? Int == 2)
            #expect(bulk["url"] as? String == "http://localhost" + base + "/TaskQueues/RealTimeStatistics")
            let data = bulk.items("task_queue_data")
            #expect(data.map { $0["task_queue_sid"] as? String } == [unknown, setup.queue])
            #expect(data.last?["total_tasks"] as? Int == 2)
            for key in ["total_tasks", "tasks_by_status", "longest_task_waiting_age", "longest_task_waiting_sid", "total_eligible_workers", "total_available_workers"] {
                #expect(data.last?[key] as? NSObject == single[key] as? NSObject, "\(key)")
            }
            #expect(data.first?["total_tasks"] as? Int == 0)
            #expect(data.first?["total_eligible_workers"] as? Int == 0)
            #expect((data.first?["tasks_by_status"] as? [String: Int])?.values.allSatisfy { $0 == 0 } == true)
            #expect(Self.workers(data.first?["activity_statistics"]) == ["Offline": 0, "Available": 0, "Unavailable": 0])
        }
    }

    @Test func theBulkRealTimeDocumentTakesOneToFiftyWellFormedQueueSids() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("Bulk", [("Template", "FIFO")])
            let path = "/v1/Workspaces/\(workspace)/TaskQueues/RealTimeStatistics"
            let sid = "WQ" + String(repeating: "a", count: 32)
            let list = { (count: Int) in "{\"QueueSids\": [" + Array(repeating: "\"\(sid)\"", count: count).joined(separator: ",") + "]}" }
            #expect(try await twin.send(.post, path, json: list(50)).status == 200)
            for body in [list(0), list(51), #"{"QueueSids": ["WQ123"]}"#, #"{"QueueSids": "\#(sid)"}"#, #"{"Sids": []}"#, "not json", ""] {
                let answer = try await twin.send(.post, path, json: body)
                #expect(answer.status == 400 && answer.code == 20001, "\(body)")
            }
            let missing = "/v1/Workspaces/WS" + String(repeating: "0", count: 32) + "/TaskQueues/RealTimeStatistics"
            #expect(try await twin.send(.post, missing, json: list(1)).code == 20404)
        }
    }

    @Test func queuesAndWorkersHaveTheirCumulativeDocuments() async throws {
        try await TwinClient.withTwin { twin in
            let setup = try await Self.setUp(twin)
            let base = "/v1/Workspaces/\(setup.workspace)"
            let queue = try await twin.send(.get, base + "/TaskQueues/\(setup.queue)/CumulativeStatistics?Minutes=60")
            #expect(queue["tasks_entered"] as? Int == 4)
            #expect((queue["wait_duration_in_queue_until_accepted"] as? [String: Int])?["total"] == 45)
            #expect(queue["tasks_timed_out_in_workflow"] == nil)

            let list = try await twin.send(.get, base + "/TaskQueues/Statistics?Minutes=60&PageSize=1")
            #expect(list.meta("key") as? String == "task_queues_statistics")
            let item = try #require(list.items("task_queues_statistics").first)
            #expect(item["task_queue_sid"] as? String == setup.queue)
            #expect((item["cumulative"] as? [String: Any])?["reservations_created"] as? Int == 3)
            #expect((item["realtime"] as? [String: Any])?["total_tasks"] as? Int == 2)
            #expect(try await twin.send(.get, base + "/TaskQueues/Statistics?FriendlyName=Nope").items("task_queues_statistics").isEmpty)

            let bob = try await twin.send(.get, base + "/Workers/\(setup.bob)/Statistics?Minutes=60")
            let cumulative = try #require(bob["cumulative"] as? [String: Any])
            #expect(cumulative["reservations_created"] as? Int == 2)
            #expect(cumulative["reservations_accepted"] as? Int == 1)
            #expect(Self.durations(cumulative) == ["Offline": 40, "Available": 90, "Unavailable": 0])
            #expect(bob["worker_sid"] as? String == setup.bob)
            let alice = try await twin.send(.get, base + "/Workers/\(setup.alice)/CumulativeStatistics?Minutes=60")
            #expect(Self.durations(alice.json) == ["Offline": 120, "Available": 10, "Unavailable": 0])
            #expect(alice["reservations_rejected"] as? Int == 1)

            let all = try await twin.send(.get, base + "/Workers/CumulativeStatistics?Minutes=60")
            #expect(all["reservations_created"] as? Int == 3)
            #expect(Self.durations(all.json) == ["Offline": 160, "Available": 100, "Unavailable": 0])
            #expect(all["worker_sid"] == nil)
            let named = try await twin.send(.get, base + "/Workers/Statistics?Minutes=60&FriendlyName=alice")
            #expect((named["realtime"] as? [String: Any])?["total_workers"] as? Int == 1)
            #expect((named["cumulative"] as? [String: Any])?["reservations_created"] as? Int == 1)

        }
    }

    @Test func reservationsStayWithTheirWorkerWhenAnEarlierWorkerIsDeleted() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("Renumbered", [("Template", "FIFO")])
            let base = "/v1/Workspaces/\(workspace)"
            let available = try await twin.send(.get, base + "/Activities?FriendlyName=Available")
            let activity = try #require(available.items("activities").first?["sid"] as? String)
            let first = try #require(try await twin.send(.post, base + "/Workers", [("FriendlyName", "first")])["sid"] as? String)
            let second = try #require(try await twin.send(.post, base + "/Workers", [("FriendlyName", "second")])["sid"] as? String)
            let third = try #require(try await twin.send(.post, base + "/Workers", [
                ("FriendlyName", "third"), ("ActivitySid", activity),
            ])["sid"] as? String)
            let task = try #require(try await twin.send(.post, base + "/Tasks", [("Attributes", "{}")])["sid"] as? String)
            let reservations = try await twin.send(.get, base + "/Tasks/\(task)/Reservations")
            let reservation = try #require(reservations.items("reservations").first?["sid"] as? String)
            _ = try await twin.send(.post, base + "/Tasks/\(task)/Reservations/\(reservation)", [("ReservationStatus", "accepted")])
            _ = try await twin.send(.post, base + "/Tasks/\(task)", [("AssignmentStatus", "completed"), ("Reason", "done")])
            #expect(try await twin.send(.delete, base + "/Workers/\(first)").status == 204)

            let counted = try await twin.send(.get, base + "/Workers/\(third)/CumulativeStatistics")
            #expect(counted["reservations_created"] as? Int == 1)
            #expect(counted["reservations_accepted"] as? Int == 1)
            let other = try await twin.send(.get, base + "/Workers/\(second)/CumulativeStatistics")
            #expect(other["reservations_created"] as? Int == 0)
        }
    }

    @Test func unknownResourcesAre404AndBadParameters400() async throws {
        try await TwinClient.withTwin { twin in
            let setup = try await Self.setUp(twin)
            let base = "/v1/Workspaces/\(setup.workspace)"
            for path in [
                base + "/TaskQueues/WQ" + String(repeating: "0", count: 32) + "/Statistics",
                base + "/Workflows/WW" + String(repeating: "0", count: 32) + "/CumulativeStatistics",
                base + "/Workers/WK" + String(repeating: "0", count: 32) + "/Statistics",
                "/v1/Workspaces/WS" + String(repeating: "0", count: 32) + "/RealTimeStatistics",
            ] {
                let answer = try await twin.send(.get, path)
                #expect(answer.status == 404 && answer.code == 20404, "\(path)")
            }
            for query in [
                "Minutes=abc", "Minutes=0", "Minutes=10&StartDate=2026-01-01T00:00:00Z", "StartDate=yesterday",
                "StartDate=2026-01-01T00:01:00Z&EndDate=2026-01-01T00:00:00Z", "SplitByWaitTime=10,x", "SplitByWaitTime=-5",
                "TaskChannel=fax", "StartDate=2025-02-30T00:00:00Z", "StartDate=2025-12-31T25:00:00Z",
                "StartDate=2025-12-31T23:60:00Z", "EndDate=2026-02-29T00:00:00Z",
            ] {
                let answer = try await twin.send(.get, base + "/Statistics?" + query)
                #expect(answer.status == 400 && answer.code == 20001, "\(query)")
                #expect(answer["more_info"] as? String == "https://www.twilio.com/docs/errors/20001")
            }
        }
    }
}
