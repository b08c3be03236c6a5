import Foundation
import Hummingbird
import HummingbirdTesting
import RouteSimScenario
import Synchronization
import Testing
@testable import RouteSimTwin

/// Assignment callbacks: the twin POSTs each reservation of a workflow with an
/// `AssignmentCallbackUrl` to an application on loopback that the test starts, and carries
/// out its answer at the simulated instant the reservation was made.
@Suite struct AssignmentCallbackTests {
    /// One callback as the application got it: the path it was sent to and its fields.
    struct Received: Sendable {
        let path: String
        let signature: String?
        let fields: [(String, String)]
        subscript(name: String) -> String? { fields.first { $0.0 == name }?.1 }
    }

    /// How the application answers: the status, the body, and how long it waits first.
    struct Reply: Sendable {
        var status: HTTPResponse.Status = .ok
        var body = ""
        var delay: Duration = .zero
        static let accept = Reply(body: #"{"instruction": "accept"}"#)
        static let leave = Reply()
        static let error = Reply(status: .internalServerError)
        static func reject(_ activity: String? = nil) -> Reply {
            Reply(body: activity.map { #"{"instruction": "reject", "activity_sid": "\#($0)"}"# } ?? #"{"instruction": "reject"}"#)
        }
    }

    /// Runs `body` with the base URL of an application on 127.0.0.1 that answers a POST to
    /// any path with what `policy` says for it (given every callback received so far, this
    /// one last), and the callbacks received so far.
    static func withApplication(
        _ policy: @escaping @Sendable (Received, [Received]) async -> Reply,
        _ body: @Sendable (String, @escaping @Sendable () -> [Received]) async throws -> Void
    ) async throws {
        let received = Mutex<[Received]>([])
        let router = Router()
        router.post("/:path") { request, context -> Response in
            let text = String(buffer: try await request.body.collect(upTo: context.maxUploadSize))
            let callback = Received(
                path: request.uri.path, signature: request.headers.first { $0.name.canonicalName == "x-twilio-signature" }?.value,
                fields: EventCallbackTests.decode(text))
            let soFar = received.withLock {
                $0.append(callback)
                return $0
            }
            let reply = await policy(callback, soFar)
            if reply.delay > .zero { try? await Task.sleep(for: reply.delay) }
            return Response(status: reply.status, body: .init(byteBuffer: ByteBuffer(string: reply.body)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)", { received.withLock { $0 } })
        }
    }

    /// A FIFO workspace whose workflow calls back `url` (and `fallback`), with workers
    /// `names` available in that order; returns the workspace's SID, the workers' SIDs and
    /// the Offline activity's SID.
    static func workspace(
        _ client: TwinClient, url: String, fallback: String? = nil, workers names: [String]
    ) async throws -> (workspace: String, workers: [String], offline: String) {
        let workspace = try await client.workspace("Assignments", [("Template", "FIFO")])
        let workflows = try await client.send(.get, "/v1/Workspaces/\(workspace)/Workflows")
        let workflow = try #require(workflows.items("workflows").first?["sid"] as? String)
        let update = try await client.send(
            .post, "/v1/Workspaces/\(workspace)/Workflows/\(workflow)",
            [("AssignmentCallbackUrl", url)] + (fallback.map { [("FallbackAssignmentCallbackUrl", $0)] } ?? []))
        #expect(update.status == 200)
        let activities = try await client.send(.get, "/v1/Workspaces/\(workspace)/Activities")
        let sid = { (name: String) in activities.items("activities").first { $0["friendly_name"] as? String == name }?["sid"] as? String }
        let available = try #require(sid("Available"))
        var workers: [String] = []
        for name in names {
            let worker = try await client.send(.post, "/v1/Workspaces/\(workspace)/Workers", [("FriendlyName", name), ("ActivitySid", available)])
            workers.append(try #require(worker["sid"] as? String))
        }
        return (workspace, workers, try #require(sid("Offline")))
    }

    /// The reservations of task `task`, oldest first.
    static func reservations(_ client: TwinClient, _ workspace: String, task: String) async throws -> [[String: Any]] {
        try await client.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(task)/Reservations").items("reservations")
            .sorted { ($0["date_created"] as? String ?? "", $0["sid"] as? String ?? "") < ($1["date_created"] as? String ?? "", $1["sid"] as? String ?? "") }
    }

    @Test func acceptAndRejectAreCarriedOutBeforeTheRequestReturns() async throws {
        let alice = Mutex("")
        let offline = Mutex("")
        try await Self.withApplication({ callback, _ in
            callback["WorkerSid"] == alice.withLock { $0 } ? .reject(offline.withLock { $0 }) : .accept
        }) { base, received in
            try await TwinClient.withTwin { client in
                let made = try await Self.workspace(client, url: base + "/assign", workers: ["alice", "bob"])
                alice.withLock { $0 = made.workers[0] }
                offline.withLock { $0 = made.offline }
                let task = try await client.send(.post, "/v1/Workspaces/\(made.workspace)/Tasks", [("Attributes", #"{"vip":true}"#)])
                #expect(task.status == 201)
                #expect(task["assignment_status"] as? String == "reserved", "the body shows the task as the request left it")
                let taskSid = try #require(task["sid"] as? String)
                let callbacks = received()
                #expect(callbacks.count == 2, "alice's reservation, then bob's after alice rejected")
                #expect(callbacks.map { $0["WorkerSid"] } == made.workers.map(Optional.init))
                for callback in callbacks {
                    #expect(callback.signature == TwinSignature.sign(
                        url: base + "/assign", parameters: callback.fields, authToken: TwinClient.credentials.authToken))
                    #expect(Set(callback.fields.map(\.0)) == TwinRepresentation.assignmentFields)
                    #expect(callback["TaskSid"] == taskSid && callback["TaskAttributes"] == #"{"vip":true}"#)
                    #expect(callback["Timestamp"] == "1767225600" && callback["TaskAge"] == "0")
                }
                let reservations = try await Self.reservations(client, made.workspace, task: taskSid)
                #expect(reservations.map { $0["reservation_status"] as? String } == ["rejected", "accepted"])
                #expect(reservations.allSatisfy { $0["date_updated"] as? String == "2026-01-01T00:00:00Z" })
                let fetched = try await client.send(.get, "/v1/Workspaces/\(made.workspace)/Tasks/\(taskSid)")
                #expect(fetched["assignment_status"] as? String == "assigned")
                let worker = try await client.send(.get, "/v1/Workspaces/\(made.workspace)/Workers/\(made.workers[0])")
                #expect(worker["activity_name"] as? String == "Offline", "the reject's activity_sid")
            }
        }
    }

    @Test func aWorkflowCreatedOnARunningEngineCallsBack() async throws {
        try await Self.withApplication({ _, _ in .accept }) { base, received in
            try await TwinClient.withTwin { client in
                // A first task, in the template's workflow (no callback), makes the engine and
                // reserves alice; the workflow comes after, while the engine runs.
                let made = try await Self.workspace(client, url: "", workers: ["alice", "bob"])
                #expect(try await client.send(.post, "/v1/Workspaces/\(made.workspace)/Tasks", [("Attributes", "{}")]).status == 201)
                let queues = try await client.send(.get, "/v1/Workspaces/\(made.workspace)/TaskQueues")
                let queue = try #require(queues.items("task_queues").first?["sid"] as? String)
                let workflow = try await client.send(.post, "/v1/Workspaces/\(made.workspace)/Workflows", [
                    ("FriendlyName", "Called back"), ("AssignmentCallbackUrl", base + "/assign"),
                    ("Configuration", #"{"task_routing": {"filters": [], "default_filter": {"queue": "\#(queue)"}}}"#),
                ])
                #expect(workflow.status == 201)
                let task = try await client.send(.post, "/v1/Workspaces/\(made.workspace)/Tasks", [
                    ("Attributes", "{}"), ("WorkflowSid", try #require(workflow["sid"] as? String)),
                ])
                #expect(received().map(\.path) == ["/assign"])
                let fetched = try await client.send(.get, "/v1/Workspaces/\(made.workspace)/Tasks/\(try #require(task["sid"] as? String))")
                #expect(fetched["assignment_status"] as? String == "assigned")
            }
        }
    }

    @Test func anEmptyAnswerLeavesTheReservationToTheRESTAPI() async throws {
        try await Self.withApplication({ _, _ in .leave }) { base, received in
            try await TwinClient.withTwin { client in
                let made = try await Self.workspace(client, url: base + "/assign", workers: ["alice"])
                let task = try await client.send(.post, "/v1/Workspaces/\(made.workspace)/Tasks", [("Attributes", "{}")])
                let taskSid = try #require(task["sid"] as? String)
                #expect(received().count == 1)
                let reservation = try #require(try await Self.reservations(client, made.workspace, task: taskSid).first)
                #expect(reservation["reservation_status"] as? String == "pending")
                let sid = try #require(reservation["sid"] as? String)
                let accepted = try await client.send(
                    .post, "/v1/Workspaces/\(made.workspace)/Tasks/\(taskSid)/Reservations/\(sid)", [("ReservationStatus", "accepted")])
                #expect(accepted["reservation_status"] as? String == "accepted")
            }
        }
    }

    @Test func aFailureFallsBackAndWhenBothFailTheReservationIsCanceled() async throws {
        // The first reservation: the URL is too slow and the fallback answers 500, so it is
        // canceled and the task routed again; the second: the URL is too slow and the
        // fallback accepts.
        try await Self.withApplication({ callback, soFar in
            if callback.path == "/slow" { return Reply(body: #"{"instruction": "accept"}"#, delay: .seconds(1)) }
            return soFar.filter { $0.path == "/fallback" }.count == 1 ? .error : .accept
        }) { base, received in
            let twin = Twin(credentials: TwinClient.credentials, assignmentTimeout: 0.3)
            try await TwinClient.withTwin(twin) { client in
                let made = try await Self.workspace(client, url: base + "/slow", fallback: base + "/fallback", workers: ["alice"])
                let task = try await client.send(.post, "/v1/Workspaces/\(made.workspace)/Tasks", [("Attributes", "{}")])
                let taskSid = try #require(task["sid"] as? String)
                #expect(received().map(\.path) == ["/slow", "/fallback", "/slow", "/fallback"])
                let reservations = try await Self.reservations(client, made.workspace, task: taskSid)
                #expect(reservations.map { $0["reservation_status"] as? String } == ["canceled", "accepted"])
                let fetched = try await client.send(.get, "/v1/Workspaces/\(made.workspace)/Tasks/\(taskSid)")
                #expect(fetched["assignment_status"] as? String == "assigned")
                let counts = twin.assignments.counts
                #expect(counts.failed == 1 && counts.accepted == 1 && counts.failedRequests == 3 && counts.waiting == 0)
                let document = try await client.send(.get, "/routesim/v1/Callbacks")
                #expect((document["assignments"] as? [String: Any])?["failed"] as? Int == 1)
            }
        }
    }

    @Test func theManualClockStopsAtTheInstantAndLetsTheApplicationActThere() async throws {
        // alice leaves her reservation pending until it times out at 120 s; the task goes to
        // bob then, whose callback the application answers through the REST API, reading the
        // clock, while the clock move waits.
        let twin = Twin(credentials: TwinClient.credentials)
        let seen = Mutex<[String]>([])
        let bob = Mutex("")
        try await Self.withApplication({ callback, _ in
            guard callback["WorkerSid"] == bob.withLock({ $0 }) else { return .leave }
            let time = await twin.clockDocument()["time"]
            let second = try? await twin.moveClock(TwinParameters(encoded: Substring("Advance=10")))
            let accepted = try? await twin.updateReservation(
                in: callback["WorkspaceSid"] ?? "", task: callback["TaskSid"], callback["ReservationSid"] ?? "",
                TwinParameters(encoded: Substring("ReservationStatus=accepted")), baseURL: "")
            seen.withLock {
                $0 = [time == .number(120) ? "at 120" : "at \(time)", second == nil ? "second move refused" : "second move ran",
                      accepted?["reservation_status"] == .string("accepted") ? "accepted" : "not accepted"]
            }
            return .leave
        }) { base, received in
            try await TwinClient.withTwin(twin) { client in
                let made = try await Self.workspace(client, url: base + "/assign", workers: ["alice", "bob"])
                bob.withLock { $0 = made.workers[1] }
                let task = try await client.send(.post, "/v1/Workspaces/\(made.workspace)/Tasks", [("Attributes", "{}")])
                let taskSid = try #require(task["sid"] as? String)
                let clock = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "300")])
                #expect(clock["time"] as? Int == 300)
                #expect(received().map { $0["WorkerSid"] } == made.workers.map(Optional.init))
                #expect(received().last?["Timestamp"] == "1767225720")
                #expect(seen.withLock { $0 } == ["at 120", "second move refused", "accepted"])
                let reservations = try await Self.reservations(client, made.workspace, task: taskSid)
                #expect(reservations.map { $0["reservation_status"] as? String } == ["timeout", "accepted"])
                #expect(reservations.last?["date_updated"] as? String == "2026-01-01T00:02:00Z", "accepted at the instant it was made")
            }
        }
    }

    @Test func theRealtimeClockDoesNotWaitAndTheAnswerIsCarriedOutWhenItComes() async throws {
        try await Self.withApplication({ _, _ in Reply(body: #"{"instruction": "accept"}"#, delay: .milliseconds(1500)) }) { base, received in
            let twin = Twin(credentials: TwinClient.credentials, clock: TwinClock(mode: .realtime(speed: 1)))
            try await TwinClient.withTwin(twin) { client in
                let made = try await Self.workspace(client, url: base + "/assign", workers: ["alice"])
                let started = ContinuousClock.now
                let task = try await client.send(.post, "/v1/Workspaces/\(made.workspace)/Tasks", [("Attributes", "{}")])
                #expect(ContinuousClock.now - started < .seconds(1), "the request did not wait for the application's 1.5 s")
                let taskSid = try #require(task["sid"] as? String)
                let deadline = ContinuousClock.now + .seconds(5)
                while twin.assignments.counts.accepted == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                try await Task.sleep(for: .milliseconds(50))
                #expect(received().count == 1)
                let fetched = try await client.send(.get, "/v1/Workspaces/\(made.workspace)/Tasks/\(taskSid)")
                #expect(fetched["assignment_status"] as? String == "assigned")
            }
        }
    }

    @Test func scenarioAgentsLeaveTheirAnswerToTheWorkflowsCallback() async throws {
        let scenario = """
            name: called back
            horizon: 1h
            workspace: {friendly_name: Called back}
            task_queues:
              - {friendly_name: Support, target_workers: '1 == 1'}
            workflows:
              - friendly_name: Inbound
                assignment_callback_url: URL/assign
                configuration: {task_routing: {default_filter: {queue: Support}}}
            workers:
              - {group: seniors, count: 2, attributes: {senior: true}, answer: callback}
              - {group: juniors, count: 2, attributes: {senior: false}, answer: callback}
            arrivals:
              - {name: calls, channel: voice, rate: 60/h, handle_time: 2m}
            """
        // Juniors reject with Offline: a reject without an activity would offer the task to
        // them again at once while both seniors are busy, as TaskRouter does. The answers take
        // a random few milliseconds, and the same day runs twice.
        let offline = Mutex<String?>(nil)
        try await Self.withApplication({ callback, _ in
            var reply = callback["WorkerAttributes"]?.contains(#""senior":true"#) == true ? Reply.accept : .reject(offline.withLock { $0 })
            reply.delay = .milliseconds(Int.random(in: 0...4))
            return reply
        }) { base, received in
            let loaded = try ScenarioLoader.load(text: scenario.replacingOccurrences(of: "URL", with: base), path: "called-back.yaml")
            offline.withLock { $0 = loaded.spec.workspace.activities.first { $0.friendlyName == "Offline" }?.sid }
            #expect(loaded.assignmentCallbacks["Inbound"] == AssignmentCallbackURLs(url: base + "/assign", fallback: nil))
            let runs = Mutex<[[String]]>([])
            for _ in 0..<2 {
                let before = received().count
                let twin = Twin(credentials: TwinClient.credentials)
                let workspace = await twin.addScenario(loaded.spec, assignmentCallbacks: loaded.assignmentCallbacks)
                try await TwinClient.withTwin(twin) { client in
                    let workflow = try #require(loaded.spec.workspace.workflows.first?.sid)
                    let update = try await client.send(
                        .post, "/v1/Workspaces/\(workspace)/Workflows/\(workflow)", [("AssignmentCallbackUrl", base + "/assign")])
                    #expect(update.status == 200, "a scenario's workspace takes new callback URLs")
                    _ = try await client.send(.post, "/routesim/v1/Clock", [("Until", "1800")])
                    let events = try await client.send(.get, "/v1/Workspaces/\(workspace)/Events?Minutes=60&PageSize=1000").items("events")
                    let types = events.map { $0["event_type"] as? String ?? "" }
                    #expect(types.filter { $0 == "reservation.created" }.count == received().count - before)
                    runs.withLock { $0.append(events.map { "\($0["event_type"] ?? "") \($0["resource_sid"] ?? "") \($0["event_date_ms"] ?? "")" }) }
                    #expect(types.contains("reservation.rejected") && types.contains("reservation.accepted"))
                    for event in events where event["event_type"] as? String == "reservation.accepted" {
                        let data = event["event_data"] as? [String: Any]
                        #expect((data?["worker_name"] as? String)?.hasPrefix("seniors") == true)
                    }
                    let tasks = try await client.send(.get, "/v1/Workspaces/\(workspace)/Tasks?AssignmentStatus=completed&PageSize=1000")
                    #expect(!tasks.items("tasks").isEmpty, "accepted tasks take the scenario's handle time")
                }
            }
            let both = runs.withLock { $0 }
            #expect(both.count == 2 && both[0] == both[1], "the same answers make the same run, however long they take")
        }
    }
}
