import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import RouteSimTwin

/// Event callbacks: what the twin POSTs to a workspace's `EventCallbackUrl`, received by a
/// server on loopback that the test starts and stops.
@Suite struct EventCallbackTests {
    /// One callback as the receiver got it.
    struct Callback: Sendable {
        let signature: String?
        let contentType: String?
        let fields: [(String, String)]
        subscript(name: String) -> String? { fields.first { $0.0 == name }?.1 }
    }

    /// Runs `body` with the URL of a receiver on 127.0.0.1 that answers every POST 204 and
    /// keeps what it got (the callbacks so far, read through the closure it is given).
    /// The receiver stops when `body` returns; the test waits for callbacks at most 10 s.
    static func withReceiver(_ body: @Sendable (String, @escaping @Sendable () -> [Callback]) async throws -> Void) async throws {
        let received = Mutex<[Callback]>([])
        let router = Router()
        router.post("/events") { request, context -> Response in
            let text = String(buffer: try await request.body.collect(upTo: context.maxUploadSize))
            let callback = Callback(
                signature: request.headers.first { $0.name.canonicalName == "x-twilio-signature" }?.value,
                contentType: request.headers[.contentType],
                fields: Self.decode(text))
            received.withLock { $0.append(callback) }
            return Response(status: .noContent)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)/events", { received.withLock { $0 } })
        }
    }

    /// Runs `body` against a new twin whose callbacks are delivered while it runs.
    static func withTwin(_ body: @Sendable (Twin, TwinClient) async throws -> Void) async throws {
        let twin = Twin(credentials: TwinClient.credentials)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await twin.callbacks.run() }
            try await TwinClient.withTwin(twin) { client in try await body(twin, client) }
            group.cancelAll()
        }
    }

    /// Waits (at most 10 s) until no callback is queued and `count` were delivered, failed or dropped.
    static func settle(_ twin: Twin, count: Int) async throws -> TwinEventCallbacks.Counts {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let counts = twin.callbacks.counts
            if counts.queued == 0, counts.delivered + counts.failed + counts.dropped >= count { return counts }
            try await Task.sleep(for: .milliseconds(20))
        }
        return twin.callbacks.counts
    }

    /// The fields of a form body.
    static func decode(_ body: String) -> [(String, String)] {
        body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                ($0.replacingOccurrences(of: "+", with: " ")).removingPercentEncoding ?? String($0)
            }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    /// A task created, accepted and completed in a FIFO workspace whose worker is available;
    /// returns the workspace's Events, oldest first.
    static func taskFlow(_ client: TwinClient, _ workspace: String) async throws -> [[String: Any]] {
        let activities = try await client.send(.get, "/v1/Workspaces/\(workspace)/Activities?FriendlyName=Available")
        let available = try #require(activities.items("activities").first?["sid"] as? String)
        let worker = try await client.send(.post, "/v1/Workspaces/\(workspace)/Workers", [
            ("FriendlyName", "alice"), ("Attributes", #"{"languages":["en"]}"#), ("ActivitySid", available),
        ])
        let workerSid = try #require(worker["sid"] as? String)
        let task = try await client.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", #"{"vip":true, "name":"A & B"}"#)])
        let taskSid = try #require(task["sid"] as? String)
        _ = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "30")])
        let reservations = try await client.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(taskSid)/Reservations")
        let reservation = try #require(reservations.items("reservations").first?["sid"] as? String)
        _ = try await client.send(
            .post, "/v1/Workspaces/\(workspace)/Workers/\(workerSid)/Reservations/\(reservation)", [("ReservationStatus", "accepted")])
        _ = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "90")])
        _ = try await client.send(.post, "/v1/Workspaces/\(workspace)/Tasks/\(taskSid)", [
            ("AssignmentStatus", "completed"), ("Reason", "done"),
        ])
        let events = try await client.send(.get, "/v1/Workspaces/\(workspace)/Events?Minutes=60&PageSize=1000")
        return events.items("events")
    }

    @Test func theSignatureIsTwilios() {
        // twilio-python's test of `RequestValidator.compute_signature`, from Twilio's docs.
        let parameters = [
            ("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"), ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]
        #expect(TwinSignature.sign(
            url: "https://mycompany.com/myapp.php?foo=1&bar=2", parameters: parameters.reversed(), authToken: "12345")
            == "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
        // RFC 2202, test cases 2 and 6 (a key longer than a block).
        let hex: ([UInt8]) -> String = { $0.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(TwinSignature.hmacSHA1(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        #expect(hex(TwinSignature.hmacSHA1(
            key: [UInt8](repeating: 0xAA, count: 80), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
        // FIPS 180 example: a message longer than one block.
        #expect(hex(TwinSignature.sha1(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func everyEventIsPostedInOrderWithItsFieldsAndSigned() async throws {
        try await Self.withReceiver { url, received in
            try await Self.withTwin { twin, client in
                let workspace = try await client.workspace("Callbacks", [("Template", "FIFO"), ("EventCallbackUrl", url)])
                let events = try await Self.taskFlow(client, workspace)
                let counts = try await Self.settle(twin, count: events.count)
                #expect(counts == .init(queued: 0, delivered: events.count, failed: 0, dropped: 0))
                let callbacks = received()
                #expect(callbacks.map { $0["EventType"] ?? "" } == events.map { $0["event_type"] as? String ?? "" })
                #expect(callbacks.map { $0["ResourceSid"] ?? "" } == events.map { $0["resource_sid"] as? String ?? "" })
                for callback in callbacks {
                    #expect(callback.contentType == "application/x-www-form-urlencoded")
                    #expect(callback.signature == TwinSignature.sign(url: url, parameters: callback.fields, authToken: "token"))
                    #expect(callback["AccountSid"] == TwinClient.credentials.accountSid)
                    #expect(callback["WorkspaceSid"] == workspace && callback["WorkspaceName"] == "Callbacks")
                }
                let accepted = try #require(callbacks.first { $0["EventType"] == "reservation.accepted" })
                let shown = try #require(events.first { $0["event_type"] as? String == "reservation.accepted" })
                let data = try #require(shown["event_data"] as? [String: Any])
                for (field, key) in [
                    ("TaskSid", "task_sid"), ("WorkerSid", "worker_sid"), ("WorkerName", "worker_name"),
                    ("ReservationSid", "reservation_sid"), ("TaskQueueSid", "task_queue_sid"), ("WorkflowSid", "workflow_sid"),
                    ("TaskAttributes", "task_attributes"), ("TaskAssignmentStatus", "task_assignment_status"),
                ] {
                    #expect(accepted[field] != nil && accepted[field] == data[key] as? String, "\(field)")
                }
                #expect(accepted["TaskAttributes"] == #"{"vip":true, "name":"A & B"}"#)
                #expect(accepted["TaskAge"] == "30" && accepted["ResourceType"] == "reservation")
                // 2026-01-01T00:00:30Z.
                #expect(accepted["Timestamp"] == "1767225630" && accepted["TimestampMs"] == "1767225630000")
                let completed = try #require(callbacks.first { $0["EventType"] == "task.completed" })
                #expect(completed["TaskCompletedReason"] == "done")
            }
        }
    }

    @Test func onlyTheFilteredTypesArePosted() async throws {
        try await Self.withReceiver { url, received in
            try await Self.withTwin { twin, client in
                let workspace = try await client.workspace("Filtered", [
                    ("Template", "FIFO"), ("EventCallbackUrl", url), ("EventsFilter", "task.created, reservation.accepted"),
                ])
                let events = try await Self.taskFlow(client, workspace)
                _ = try await Self.settle(twin, count: 2)
                #expect(received().map { $0["EventType"] ?? "" } == ["task.created", "reservation.accepted"])
                #expect(events.count > 2, "the Events resource keeps every type")
                _ = try await client.send(.post, "/v1/Workspaces/\(workspace)", [("EventsFilter", "task.canceled")])
                let task = try await client.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", "{}")])
                let taskSid = try #require(task["sid"] as? String)
                _ = try await client.send(.post, "/v1/Workspaces/\(workspace)/Tasks/\(taskSid)", [
                    ("AssignmentStatus", "canceled"), ("Reason", "gone"),
                ])
                #expect(try await Self.settle(twin, count: 3).delivered == 3)
                #expect(received().map { $0["EventType"] ?? "" } == ["task.created", "reservation.accepted", "task.canceled"])
            }
        }
    }

    @Test func anEmptyURLTurnsCallbacksOff() async throws {
        try await Self.withTwin { twin, client in
            let workspace = try await client.workspace("Cleared", [("Template", "FIFO"), ("EventCallbackUrl", "http://127.0.0.1:1/events")])
            _ = try await client.send(.post, "/v1/Workspaces/\(workspace)", [("EventCallbackUrl", "")])
            let events = try await Self.taskFlow(client, workspace)
            #expect(!events.isEmpty)
            #expect(try await Self.settle(twin, count: 0) == .init())
        }
    }

    @Test func aDeadReceiverIsCountedAndNothingElseStops() async throws {
        try await Self.withTwin { twin, client in
            // Port 1 on loopback: nothing listens, the connection is refused.
            let workspace = try await client.workspace("Dead", [("Template", "FIFO"), ("EventCallbackUrl", "http://127.0.0.1:1/events")])
            let events = try await Self.taskFlow(client, workspace)
            let counts = try await Self.settle(twin, count: events.count)
            #expect(counts == .init(queued: 0, delivered: 0, failed: events.count, dropped: 0))
            let document = try await client.send(.get, "/routesim/v1/Callbacks")
            #expect(document["failed"] as? Int == events.count && document["delivered"] as? Int == 0)
            let clock = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "60")])
            #expect(clock["time"] as? Int == 180)
        }
    }
}
