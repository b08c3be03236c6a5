import Foundation
import GRDB
import RouteSimStore
import RouteSimTwin
import Testing

/// `POST /routesim/v1/Snapshot`: the session's runs written to the `--out` results file, with
/// the SIDs, names and attributes the API showed.
@Suite struct SnapshotTests {
    /// A twin writing to `twin.sqlite` in a new folder; returns it and the file's path.
    func recordingTwin() throws -> (Twin, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("routesim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("twin.sqlite").path
        return (Twin(credentials: TwinClient.credentials, output: try SessionFile(path: path), version: "test"), path)
    }

    @Test func aSnapshotHoldsEachBuildOfTheEngineWithTheAPIsSidsAndReplacesTheLastOne() async throws {
        let (twin, path) = try recordingTwin()
        try await TwinClient.withTwin(twin) { client in
            let (workspace, worker, _) = try await TaskFlowTests.quickstart(client)
            let base = "/v1/Workspaces/\(workspace)"
            let first = try #require(try await client.send(.post, "\(base)/Tasks", [("Attributes", #"{"call_sid":"CA1"}"#)])["sid"] as? String)
            let reservation = try #require(try await client.send(.get, "\(base)/Tasks/\(first)/Reservations")
                .items("reservations").first?["sid"] as? String)
            _ = try await client.send(.post, "\(base)/Workers/\(worker)/Reservations/\(reservation)", [("ReservationStatus", "accepted")])
            _ = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "60")])
            _ = try await client.send(.post, "\(base)/Tasks/\(first)", [("AssignmentStatus", "completed"), ("Reason", "done")])
            // A new queue builds the engine again: the session's second run.
            #expect(try await client.send(.post, "\(base)/TaskQueues", [("FriendlyName", "Later")]).status == 201)
            let second = try #require(try await client.send(.post, "\(base)/Tasks", [("Attributes", #"{"call_sid":"CA2"}"#)])["sid"] as? String)
            _ = try await client.send(.post, "\(base)/Tasks/\(second)", [("AssignmentStatus", "canceled"), ("Reason", "hung up")])

            for _ in 0..<2 {
                let answer = try await client.send(.post, "/routesim/v1/Snapshot")
                #expect(answer.status == 200)
                #expect(answer["path"] as? String == path)
                let runs = answer.items("runs")
                #expect(runs.map { $0["workspace_sid"] as? String } == [workspace, workspace])
                #expect(runs.map { $0["tasks"] as? Int } == [1, 1])
                #expect(runs.map { $0["reservations"] as? Int } == [1, 1])
                #expect(runs.allSatisfy { ($0["events"] as? Int ?? 0) > 0 })
            }
            let (tasks, reservations, runs) = try DatabaseQueue(path: path).read { db in
                (try Row.fetchAll(db, sql: "SELECT task_sid, attributes, worker_name, status FROM tasks ORDER BY task_index"),
                 try String.fetchAll(db, sql: "SELECT reservation_sid FROM reservations ORDER BY reservation_index"),
                 try Row.fetchAll(db, sql: "SELECT scenario, workspace_sid FROM runs ORDER BY run_id"))
            }
            #expect(runs.map { $0["scenario"] as String } == ["Quickstart", "Quickstart"])
            #expect(runs.map { $0["workspace_sid"] as String } == [workspace, workspace])
            #expect(tasks.map { $0["task_sid"] as String } == [first, second])
            #expect(tasks.map { $0["attributes"] as String } == [#"{"call_sid":"CA1"}"#, #"{"call_sid":"CA2"}"#])
            #expect(tasks.map { $0["worker_name"] as String? } == ["alice", nil])
            #expect(tasks.map { $0["status"] as String } == ["completed", "canceled"])
            #expect(reservations.count == 2 && reservations.first == reservation)
        }
    }

    @Test func withoutOutThereIsNoSnapshot() async throws {
        try await TwinClient.withTwin { client in
            let answer = try await client.send(.post, "/routesim/v1/Snapshot")
            #expect(answer.status == 400 && answer.code == 20001)
        }
    }
}
