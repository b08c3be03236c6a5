import Foundation
import RouteSimScenario
import RouteSimTwin
import Testing

/// Workflows, queues and workers' attributes updated while tasks are in flight: the running
/// engine takes the change, without being built again.
@Suite struct LiveRoutingChangeTests {
    /// A workspace (no template) with the Available activity, queues named `queues` with
    /// their `target_workers`, and workers named `workers` with their attributes, Available
    /// when `available`. Returns the workspace, the Available activity's SID, and the queues'
    /// and workers' SIDs by name.
    static func setUp(
        _ twin: TwinClient, queues: [(String, String)], workers: [(name: String, attributes: String, available: Bool)]
    ) async throws -> (workspace: String, available: String, queues: [String: String], workers: [String: String]) {
        let workspace = try await twin.workspace("Live changes")
        let base = "/v1/Workspaces/\(workspace)"
        let activities = try await twin.send(.get, base + "/Activities?FriendlyName=Available")
        let available = try #require(activities.items("activities").first?["sid"] as? String)
        var queueSids: [String: String] = [:]
        for (name, target) in queues {
            let queue = try await twin.send(.post, base + "/TaskQueues", [("FriendlyName", name), ("TargetWorkers", target)])
            queueSids[name] = try #require(queue["sid"] as? String, "\(queue.json ?? [:])")
        }
        var workerSids: [String: String] = [:]
        for worker in workers {
            var form = [("FriendlyName", worker.name), ("Attributes", worker.attributes)]
            if worker.available { form.append(("ActivitySid", available)) }
            let created = try await twin.send(.post, base + "/Workers", form)
            workerSids[worker.name] = try #require(created["sid"] as? String)
        }
        return (workspace, available, queueSids, workerSids)
    }

    /// A workflow configuration: `filters` as (expression, targets as (queue SID, timeout)).
    static func configuration(_ filters: [(String, [(String, Int?)])], fallback: String? = nil) -> String {
        let listed = filters.map { expression, targets in
            let targetList = targets.map { queue, timeout in
                #"{"queue":"\#(queue)""# + (timeout.map { #","timeout":\#($0)"# } ?? "") + "}"
            }
            return #"{"expression":"\#(expression)","targets":[\#(targetList.joined(separator: ","))]}"#
        }
        let fallbackText = fallback.map { #","default_filter":{"queue":"\#($0)"}"# } ?? ""
        return #"{"task_routing":{"filters":[\#(listed.joined(separator: ","))]\#(fallbackText)}}"#
    }

    @Test func aWorkflowUpdatedWhileATaskIsInFlightRoutesNewTasksByTheNewConfigurationAndTheOldTaskByTheOld() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, available, queues, workers) = try await Self.setUp(
                twin, queues: [("Sales", #"skill == "sales""#), ("Support", #"skill == "support""#), ("Overflow", #"skill == "overflow""#)],
                workers: [("alice", #"{"skill":"sales"}"#, false), ("bob", #"{"skill":"support"}"#, false)])
            let base = "/v1/Workspaces/\(workspace)"
            let (sales, support, overflow) = (queues["Sales"]!, queues["Support"]!, queues["Overflow"]!)
            let old = Self.configuration([(#"type == 'a'"#, [(sales, 60)]), (#"type == 'a'"#, [(overflow, nil)])])
            let created = try await twin.send(.post, base + "/Workflows", [("FriendlyName", "W"), ("Configuration", old)])
            let workflow = try #require(created["sid"] as? String)
            let first = try await twin.send(.post, base + "/Tasks", [("Attributes", #"{"type":"a","call":1}"#), ("WorkflowSid", workflow)])
            let firstSid = try #require(first["sid"] as? String)
            #expect(first["task_queue_sid"] as? String == sales)

            let new = Self.configuration([(#"type == 'a'"#, [(support, nil)])])
            let updated = try await twin.send(
                .post, base + "/Workflows/\(workflow)", [("Configuration", new), ("TaskReservationTimeout", "30")])
            #expect(updated.status == 200, "\(updated.json ?? [:])")
            #expect(updated["task_reservation_timeout"] as? Int == 30)

            let second = try await twin.send(.post, base + "/Tasks", [("Attributes", #"{"type":"a","call":2}"#), ("WorkflowSid", workflow)])
            let secondSid = try #require(second["sid"] as? String)
            #expect(second["task_queue_sid"] as? String == support, "a new task is routed by the new configuration")
            #expect(try await twin.send(.get, base + "/Tasks/\(firstSid)")["task_queue_sid"] as? String == sales)

            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "60")])
            let moved = try await twin.send(.get, base + "/Tasks/\(firstSid)")
            #expect(moved["assignment_status"] as? String == "pending")
            #expect(moved["task_queue_sid"] as? String == overflow, "the old task times out to its old configuration's next filter")

            _ = try await twin.send(.post, base + "/Workers/\(workers["bob"]!)", [("ActivitySid", available)])
            let reserved = try await twin.send(.get, base + "/Tasks/\(secondSid)/Reservations")
            #expect(reserved.items("reservations").map { $0["worker_sid"] as? String } == [workers["bob"]!])
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "30")])
            let timedOut = try await twin.send(.get, base + "/Tasks/\(secondSid)/Reservations")
            #expect(timedOut.items("reservations").map { $0["reservation_status"] as? String } == ["timeout"],
                    "a reservation made after the update times out by the new task_reservation_timeout")
        }
    }

    @Test func aWorkflowCreatedWhileTasksAreInFlightRoutesItsTasksAndLeavesAReplacedConfigurationToItsTasks() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, _, queues, _) = try await Self.setUp(
                twin, queues: [("Sales", #"skill == "sales""#), ("Support", #"skill == "support""#)], workers: [])
            let base = "/v1/Workspaces/\(workspace)"
            let (sales, support) = (queues["Sales"]!, queues["Support"]!)
            let old = Self.configuration([(#"type == 'a'"#, [(sales, 60)]), (#"type == 'a'"#, [(support, nil)])])
            let first = try await twin.send(.post, base + "/Workflows", [("FriendlyName", "First"), ("Configuration", old)])
            let firstWorkflow = try #require(first["sid"] as? String)
            let task = try await twin.send(.post, base + "/Tasks", [("Attributes", #"{"type":"a"}"#), ("WorkflowSid", firstWorkflow)])
            let taskSid = try #require(task["sid"] as? String)
            let replaced = try await twin.send(
                .post, base + "/Workflows/\(firstWorkflow)", [("Configuration", Self.configuration([], fallback: support))])
            #expect(replaced.status == 200)

            let second = try await twin.send(
                .post, base + "/Workflows", [("FriendlyName", "Second"), ("Configuration", Self.configuration([], fallback: sales))])
            #expect(second.status == 201, "\(second.json ?? [:])")
            let secondWorkflow = try #require(second["sid"] as? String)
            let secondTask = try await twin.send(.post, base + "/Tasks", [("Attributes", "{}"), ("WorkflowSid", secondWorkflow)])
            #expect(secondTask["task_queue_sid"] as? String == sales)
            #expect(secondTask["workflow_sid"] as? String == secondWorkflow)

            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "60")])
            let moved = try await twin.send(.get, base + "/Tasks/\(taskSid)")
            #expect(moved["assignment_status"] as? String == "pending")
            #expect(moved["task_queue_sid"] as? String == support, "the first task still follows the configuration it entered")
            let statistics = try await twin.send(.get, base + "/Workflows/\(secondWorkflow)/RealTimeStatistics")
            #expect(statistics.status == 200)
        }
    }

    @Test func aQueueCreatedWhileATaskIsInFlightHasItsReadyMembersAtOnce() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, _, queues, workers) = try await Self.setUp(
                twin, queues: [("Sales", #"skill == "sales""#)], workers: [("alice", #"{"skill":"vip"}"#, true)])
            let base = "/v1/Workspaces/\(workspace)"
            let created = try await twin.send(
                .post, base + "/Workflows", [("FriendlyName", "W"), ("Configuration", Self.configuration([], fallback: queues["Sales"]!))])
            let workflow = try #require(created["sid"] as? String)
            let waiting = try await twin.send(.post, base + "/Tasks", [("Attributes", "{}"), ("WorkflowSid", workflow)])
            #expect(waiting["assignment_status"] as? String == "pending")

            let vip = try await twin.send(.post, base + "/TaskQueues", [("FriendlyName", "VIP"), ("TargetWorkers", #"skill == "vip""#)])
            #expect(vip.status == 201, "\(vip.json ?? [:])")
            let vipSid = try #require(vip["sid"] as? String)
            let routed = Self.configuration([("vip == true", [(vipSid, nil)])], fallback: queues["Sales"]!)
            #expect(try await twin.send(.post, base + "/Workflows/\(workflow)", [("Configuration", routed)]).status == 200)
            let task = try await twin.send(.post, base + "/Tasks", [("Attributes", #"{"vip":true}"#), ("WorkflowSid", workflow)])
            #expect(task["task_queue_sid"] as? String == vipSid)
            let taskSid = try #require(task["sid"] as? String)
            let reservations = try await twin.send(.get, base + "/Tasks/\(taskSid)/Reservations")
            #expect(reservations.items("reservations").map { $0["worker_sid"] as? String } == [workers["alice"]!])
        }
    }

    @Test func aQueueWhoseTargetWorkersChangeOffersItsWaitingTaskToTheNewMembers() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, _, queues, workers) = try await Self.setUp(
                twin, queues: [("Sales", #"skill == "sales""#)],
                workers: [("alice", #"{"skill":"support"}"#, true), ("carol", #"{"skill":"support"}"#, true)])
            let base = "/v1/Workspaces/\(workspace)"
            let sales = queues["Sales"]!
            let created = try await twin.send(
                .post, base + "/Workflows", [("FriendlyName", "W"), ("Configuration", Self.configuration([], fallback: sales))])
            let workflow = try #require(created["sid"] as? String)
            let task = try await twin.send(.post, base + "/Tasks", [("Attributes", "{}"), ("WorkflowSid", workflow)])
            let taskSid = try #require(task["sid"] as? String)
            #expect(task["assignment_status"] as? String == "pending", "no worker is a member of Sales")

            let updated = try await twin.send(
                .post, base + "/TaskQueues/\(sales)", [("TargetWorkers", #"skill == "support""#), ("MaxReservedWorkers", "2")])
            #expect(updated.status == 200, "\(updated.json ?? [:])")
            #expect(try await twin.send(.get, base + "/Tasks/\(taskSid)")["assignment_status"] as? String == "reserved")
            let reservations = try await twin.send(.get, base + "/Tasks/\(taskSid)/Reservations")
            #expect(Set(reservations.items("reservations").compactMap { $0["worker_sid"] as? String })
                    == [workers["alice"]!, workers["carol"]!], "both new members, as max_reserved_workers 2 allows")
        }
    }

    @Test func aWorkerWhoseAttributesChangeJoinsTheQueuesTheyMatchAndLeavesTheOthers() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, _, queues, workers) = try await Self.setUp(
                twin, queues: [("Sales", #"skill == "sales""#), ("Support", #"skill == "support""#)],
                workers: [("alice", #"{"skill":"support"}"#, true)])
            let base = "/v1/Workspaces/\(workspace)"
            let configuration = Self.configuration([
                (#"type == 'sales'"#, [(queues["Sales"]!, nil)]), (#"type == 'support'"#, [(queues["Support"]!, nil)]),
            ])
            let created = try await twin.send(.post, base + "/Workflows", [("FriendlyName", "W"), ("Configuration", configuration)])
            let workflow = try #require(created["sid"] as? String)
            let task = try await twin.send(.post, base + "/Tasks", [("Attributes", #"{"type":"sales"}"#), ("WorkflowSid", workflow)])
            let taskSid = try #require(task["sid"] as? String)
            #expect(task["assignment_status"] as? String == "pending")

            let alice = workers["alice"]!
            let updated = try await twin.send(.post, base + "/Workers/\(alice)", [("Attributes", #"{"skill":"sales"}"#)])
            #expect(updated.status == 200, "\(updated.json ?? [:])")
            let reservations = try await twin.send(.get, base + "/Tasks/\(taskSid)/Reservations")
            #expect(reservations.items("reservations").map { $0["worker_sid"] as? String } == [alice])
            let reservation = try #require(reservations.items("reservations").first?["sid"] as? String)
            _ = try await twin.send(.post, base + "/Tasks/\(taskSid)/Reservations/\(reservation)", [("ReservationStatus", "rejected")])

            let support = try await twin.send(.post, base + "/Tasks", [("Attributes", #"{"type":"support"}"#), ("WorkflowSid", workflow)])
            #expect(support["assignment_status"] as? String == "pending", "alice left Support")
        }
    }

    @Test func aScenariosQueueChangesUnderItsRunningCallersAndItsAgentsKeepTheirGroupsAttributes() async throws {
        let spec = try ScenarioLoader.load(text: ScenarioWorkspaceTests.scenario, path: "served.yaml").spec
        let twin = Twin(credentials: TwinClient.credentials)
        let workspace = await twin.addScenario(spec)
        try await TwinClient.withTwin(twin) { client in
            let base = "/v1/Workspaces/\(workspace)"
            _ = try await client.send(.post, "/routesim/v1/Clock", [("Until", "1800")])
            let queue = try #require(try await client.send(.get, base + "/TaskQueues").items("task_queues").first?["sid"] as? String)
            let updated = try await client.send(.post, base + "/TaskQueues/\(queue)", [("TargetWorkers", #"skills HAS "sales""#)])
            #expect(updated.status == 200, "\(updated.json ?? [:])")
            let waiting = try await client.send(.post, base + "/Tasks", [("Attributes", "{}"), ("TaskChannel", "voice")])
            #expect(waiting["assignment_status"] as? String == "pending", "no agent is a member of the queue any more")

            let agent = try #require(try await client.send(.get, base + "/Workers").items("workers").first?["sid"] as? String)
            let refused = try await client.send(.post, base + "/Workers/\(agent)", [("Attributes", #"{"skills":["sales"]}"#)])
            #expect(refused.status == 400 && refused.code == 20001)

            let available = try #require(
                try await client.send(.get, base + "/Activities?FriendlyName=Available").items("activities").first?["sid"] as? String)
            let seller = try await client.send(.post, base + "/Workers", [
                ("FriendlyName", "seller"), ("Attributes", #"{"skills":["support"]}"#), ("ActivitySid", available),
            ])
            let sellerSid = try #require(seller["sid"] as? String)
            let task = try #require(waiting["sid"] as? String)
            #expect(try await client.send(.get, base + "/Tasks/\(task)")["assignment_status"] as? String == "pending")
            let joined = try await client.send(.post, base + "/Workers/\(sellerSid)", [("Attributes", #"{"skills":["sales"]}"#)])
            #expect(joined.status == 200, "\(joined.json ?? [:])")
            let reservations = try await client.send(.get, base + "/Workers/\(sellerSid)/Reservations")
            #expect(reservations.items("reservations").count == 1, "the new member is offered the queue's oldest waiting task")
        }
    }
}
