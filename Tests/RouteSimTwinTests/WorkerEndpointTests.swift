import Foundation
import Testing
import RouteSimTwin

/// Workers, their list filters and their channels through the handlers.
@Suite struct WorkerEndpointTests {
    /// A FIFO workspace with a `Spanish` queue and three workers; returns the workspace SID,
    /// the queue SID and the `Available` activity's SID.
    func staffed(_ twin: TwinClient) async throws -> (workspace: String, queue: String, available: String) {
        let workspace = try await twin.workspace("W", [("Template", "FIFO")])
        let available = try #require(try await twin.send(.get, "/v1/Workspaces/\(workspace)/Activities?FriendlyName=Available")
            .items("activities").first?["sid"] as? String)
        let queue = try #require(try await twin.send(.post, "/v1/Workspaces/\(workspace)/TaskQueues", [
            ("FriendlyName", "Spanish"), ("TargetWorkers", #"languages HAS "es""#),
        ])["sid"] as? String)
        for (name, attributes, activity) in [
            ("Alice", #"{"languages":["en","es"],"level":3}"#, available), ("Bob", #"{"languages":["en"],"level":1}"#, nil),
            ("Carla", #"{"languages":["es"],"level":2}"#, available),
        ] {
            let answer = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers",
                [("FriendlyName", name), ("Attributes", attributes)] + (activity.map { [("ActivitySid", $0)] } ?? []))
            guard answer.status == 201 else { throw TwinTestFailure("worker \(name): \(answer.json ?? [:])") }
        }
        return (workspace, queue, available)
    }

    func names(_ answer: TwinClient.Answer) -> [String] {
        answer.items("workers").compactMap { $0["friendly_name"] as? String }
    }

    /// TaskRouter logs `worker.activity.update` for every change of activity, the first one
    /// too, before anything was routed in the workspace (after the worker's `worker.created`).
    @Test func everyChangeOfActivityIsLogged() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("W", [("Template", "FIFO")])
            let activities = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Activities").items("activities")
            let sid = { (name: String) in activities.first { $0["friendly_name"] as? String == name }?["sid"] as? String ?? "" }
            let worker = try #require(try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers", [("FriendlyName", "Ana")])["sid"] as? String)
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "10")])
            let moved = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers/\(worker)", [("ActivitySid", sid("Available"))])
            #expect(moved["activity_name"] as? String == "Available")
            let events = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Events?Minutes=60").items("events")
            #expect(events.map { $0["event_type"] as? String } == ["worker.created", "worker.activity.update"])
            let data = try #require(events.last?["event_data"] as? [String: Any])
            #expect(data["worker_activity_name"] as? String == "Available")
            #expect(data["worker_previous_activity_sid"] as? String == sid("Offline"))
            #expect(data["worker_time_in_previous_activity"] as? Double == 10)
        }
    }

    @Test func aWorkerStartsInTheDefaultActivityUnlessGivenOne() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, _, available) = try await staffed(twin)
            let workers = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Workers").items("workers")
            try #require(workers.count == 3)
            #expect(workers.map { $0["activity_name"] as? String } == ["Available", "Offline", "Available"])
            #expect(workers.map { $0["available"] as? Bool } == [true, false, true])
            #expect(workers[0]["attributes"] as? String == #"{"languages":["en","es"],"level":3}"#)
            let bob = try #require(workers[1]["sid"] as? String)
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "30")])
            let moved = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers/\(bob)", [("ActivitySid", available)])
            #expect(moved["available"] as? Bool == true && moved["activity_sid"] as? String == available)
            #expect(moved["date_status_changed"] as? String == "2026-01-01T00:00:30Z")
            #expect(moved["date_created"] as? String == "2026-01-01T00:00:00Z")
        }
    }

    @Test func workerNamesAreUniqueIgnoringCaseAndAttributesMustBeAnObject() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, _, _) = try await staffed(twin)
            let base = "/v1/Workspaces/\(workspace)/Workers"
            let duplicate = try await twin.send(.post, base, [("FriendlyName", "ALICE")])
            #expect(duplicate.status == 400 && duplicate["message"] as? String == "Worker with the same friendly name already exists")
            #expect(try await twin.send(.post, base, [("FriendlyName", "Dan"), ("Attributes", "[1,2]")]).code == 20001)
            #expect(try await twin.send(.post, base, [("FriendlyName", "Dan"), ("Attributes", "{\"a\":")]).code == 20001)
            #expect(try await twin.send(.post, base, [("FriendlyName", "Dan"), ("ActivitySid", "WAnothing")]).code == 20001)
            // YAML that is not JSON, which the scenario reader alone would take.
            for yaml in ["a: 1", "{a: 1}", "{'a': 1}", #"{"a": yes}"#, #"{"a": 0x1F}"#, "# note\n{\"a\": 1}", #"{"a": NaN}"#] {
                let refused = try await twin.send(.post, base, [("FriendlyName", "Dan"), ("Attributes", yaml)])
                #expect(refused.code == 20001 && (refused["message"] as? String)?.contains("not JSON") == true, "\(yaml): \(refused.json ?? [:])")
                let task = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", yaml)])
                #expect(task.code == 20001, "\(yaml)")
            }
            let dan = try await twin.send(.post, base, [("FriendlyName", "Dan")])
            #expect(dan.status == 201 && dan["attributes"] as? String == "{}")
        }
    }

    @Test func listFiltersSelectAsTaskRouterDocumentsThem() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, queue, available) = try await staffed(twin)
            let base = "/v1/Workspaces/\(workspace)/Workers"
            #expect(names(try await twin.send(.get, "\(base)?Available=true")) == ["Alice", "Carla"])
            #expect(names(try await twin.send(.get, "\(base)?Available=false")) == ["Bob"])
            #expect(names(try await twin.send(.get, "\(base)?ActivityName=Offline")) == ["Bob"])
            #expect(names(try await twin.send(.get, "\(base)?ActivitySid=\(available)")) == ["Alice", "Carla"])
            #expect(names(try await twin.send(.get, "\(base)?FriendlyName=Carla")) == ["Carla"])
            #expect(names(try await twin.send(.get, "\(base)?TaskQueueSid=\(queue)")) == ["Alice", "Carla"])
            #expect(names(try await twin.send(.get, "\(base)?TaskQueueName=Sample+Queue")) == ["Alice", "Bob", "Carla"])
            #expect(names(try await twin.send(.get, "\(base)?TaskQueueName=Nothing")).isEmpty)
            #expect(names(try await twin.send(.get, "\(base)?TargetWorkersExpression=level+%3E+1")) == ["Alice", "Carla"])
            #expect(names(try await twin.send(.get, "\(base)?TargetWorkersExpression=activity_name+%3D%3D+%22Offline%22")) == ["Bob"])
            #expect(names(try await twin.send(.get, "\(base)?TaskQueueSid=\(queue)&TargetWorkersExpression=level+%3C+3")) == ["Carla"])
            #expect(try await twin.send(.get, "\(base)?TargetWorkersExpression=skill-level+%3E+1").code == 20001)
            let queues = try await twin.send(.get, "/v1/Workspaces/\(workspace)/TaskQueues?EvaluateWorkerAttributes=%7B%22languages%22%3A%5B%22es%22%5D%7D")
            #expect(queues.items("task_queues").compactMap { $0["friendly_name"] as? String } == ["Sample Queue", "Spanish"])
        }
    }

    @Test func workerChannelsHoldCapacityAndAvailability() async throws {
        try await TwinClient.withTwin { twin in
            let (workspace, _, _) = try await staffed(twin)
            let alice = try #require(try await twin.send(.get, "/v1/Workspaces/\(workspace)/Workers?FriendlyName=Alice")
                .items("workers").first?["sid"] as? String)
            let base = "/v1/Workspaces/\(workspace)/Workers/\(alice)/Channels"
            let channels = try await twin.send(.get, base)
            #expect(channels.items("channels").compactMap { $0["task_channel_unique_name"] as? String } == ["default", "voice", "sms", "chat", "video"])
            #expect(channels.items("channels").allSatisfy { $0["configured_capacity"] as? Int == 1 && $0["available"] as? Bool == true })
            let voice = try await twin.send(.post, "\(base)/voice", [("Capacity", "3"), ("Available", "false")])
            #expect(voice.status == 200 && voice["configured_capacity"] as? Int == 3 && voice["available"] as? Bool == false)
            let sid = try #require(voice["sid"] as? String)
            #expect(sid.hasPrefix("WC") && voice["worker_sid"] as? String == alice)
            let fetched = try await twin.send(.get, "\(base)/\(sid)")
            #expect(fetched["task_channel_unique_name"] as? String == "voice" && fetched["configured_capacity"] as? Int == 3)
            #expect(try await twin.send(.post, "\(base)/voice", [("Capacity", "-1")]).code == 20001)
            #expect(try await twin.send(.get, "\(base)/fax").code == 20404)
            // A channel created later reaches every worker.
            _ = try await twin.send(.post, "/v1/Workspaces/\(workspace)/TaskChannels", [("FriendlyName", "Email"), ("UniqueName", "email")])
            #expect(try await twin.send(.get, "\(base)/email")["configured_capacity"] as? Int == 1)
        }
    }
}
