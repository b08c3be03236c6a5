import Foundation
import Testing
import RouteSimTwin

/// `/routesim/v1/Clock` and the simulated dates resources carry.
@Suite struct ClockTests {
    @Test func theClockStartsAt2026AndMovesOnlyForward() async throws {
        try await TwinClient.withTwin { twin in
            let start = try await twin.send(.get, "/routesim/v1/Clock")
            #expect(start["time"] as? Int == 0 && start["date"] as? String == "2026-01-01T00:00:00Z")
            let advanced = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "90.5")])
            #expect(advanced.status == 200 && advanced["time"] as? Double == 90.5)
            #expect(advanced["date"] as? String == "2026-01-01T00:01:30Z")
            let until = try await twin.send(.post, "/routesim/v1/Clock", [("Until", "3600")])
            #expect(until["time"] as? Int == 3600 && until["date"] as? String == "2026-01-01T01:00:00Z")
            for bad in [[("Until", "60")], [("Advance", "-1")], [("Advance", "soon")], [], [("Advance", "1"), ("Until", "5000")]] {
                let refused = try await twin.send(.post, "/routesim/v1/Clock", bad)
                #expect(refused.status == 400 && refused.code == 20001, "\(bad)")
            }
            #expect(try await twin.send(.get, "/routesim/v1/Clock")["time"] as? Int == 3600)
        }
    }

    @Test func theClockStopsAHundredYearsOnAndTheEngineRunsThere() async throws {
        let twin = Twin(credentials: TwinClient.credentials)
        try await TwinClient.withTwin(twin) { client in
            let workspace = try await client.workspace("Far", [("Template", "FIFO")])
            for bad in [[("Advance", "1e308")], [("Until", "3155760001")]] {
                let refused = try await client.send(.post, "/routesim/v1/Clock", bad)
                #expect(refused.status == 400 && refused.code == 20001, "\(bad)")
            }
            // The realtime clock's steps stop there too, however fast it goes.
            await twin.tick(1e300)
            let clock = try await client.send(.get, "/routesim/v1/Clock")
            #expect(clock["time"] as? Int == 3_155_760_000 && clock["date"] as? String == "2126-01-02T00:00:00Z")
            let task = try await client.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", "{}"), ("Timeout", "1")])
            #expect(task.status == 201 && task["date_created"] as? String == "2126-01-02T00:00:00Z")
        }
    }

    @Test func resourcesAreDatedAtTheSimulatedInstant() async throws {
        try await TwinClient.withTwin { twin in
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Until", "7200")])
            let workspace = try await twin.workspace("Later")
            let fetched = try await twin.send(.get, "/v1/Workspaces/\(workspace)")
            #expect(fetched["date_created"] as? String == "2026-01-01T02:00:00Z")
            let worker = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers", [("FriendlyName", "Alice")])
            #expect(worker["date_created"] as? String == "2026-01-01T02:00:00Z")
            #expect(worker["date_status_changed"] as? String == "2026-01-01T02:00:00Z")
        }
    }

    @Test func advancingMovesEveryWorkspace() async throws {
        let twin = Twin(credentials: TwinClient.credentials)
        _ = try await twin.createWorkspace(TwinParameters([("FriendlyName", "A")]), baseURL: "")
        _ = try await twin.createWorkspace(TwinParameters([("FriendlyName", "B")]), baseURL: "")
        try await twin.advance(to: 125)
        #expect(await twin.workspaces.map(\.time) == [125, 125])
        await #expect(throws: TwinError.self) { try await twin.advance(to: 100) }
        #expect(await twin.clock.time == 125)
    }
}
