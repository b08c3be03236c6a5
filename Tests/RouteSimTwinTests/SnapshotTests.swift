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
            // A new activity builds the engine again: the session's second run.
            #expect(try await client.send(.post, "\(base)/Activities", [("FriendlyName", "Lunch")]).status == 201)
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

    /// The runs in the file at `path`: `run_id` and `record_level`, in `run_id` order.
    func runs(in path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT run_id, record_level FROM runs ORDER BY run_id")
                .map { "\($0["run_id"] as Int64) \($0["record_level"] as String)" }
        }
    }

    /// The first column of `query`'s rows in the file at `path`, as text.
    func strings(_ query: String, in path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: query) }
    }

    /// Commits, through `connection`, a copy of the file's first run as run `id` at the
    /// `tasks` level, leaving it in the file's `-wal`.
    func insertRun(_ id: Int, through connection: DatabaseQueue) throws {
        try connection.inDatabase { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            try db.execute(sql: """
                CREATE TEMP TABLE copied AS SELECT * FROM runs ORDER BY run_id LIMIT 1;
                UPDATE copied SET run_id = \(id), record_level = 'tasks';
                INSERT INTO runs SELECT * FROM copied;
                DROP TABLE copied;
                """)
        }
    }

    /// Creates the quickstart workspace and one task in it, which the engine routes.
    func routeATask(_ client: TwinClient) async throws -> String {
        let (workspace, _, _) = try await TaskFlowTests.quickstart(client)
        #expect(try await client.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", "{}")]).status == 201)
        return workspace
    }

    @Test func aSnapshotKeepsARunAnotherConnectionCommittedAndAFailedOneChangesNothing() async throws {
        let (twin, path) = try recordingTwin()
        try await TwinClient.withTwin(twin) { client in
            let workspace = try await routeATask(client)
            #expect(try await client.send(.post, "/routesim/v1/Snapshot").status == 200)
            // Another program's run (a copy of the snapshot's, as run 1000), committed but still in
            // FILE-wal while its connection is open.
            let other = try DatabaseQueue(path: path)
            try insertRun(1000, through: other)
            #expect((try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0) > 0)
            let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
            #expect(try await client.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [("Attributes", "{}")]).status == 201)
            let answer = try await client.send(.post, "/routesim/v1/Snapshot")
            #expect(answer.status == 200)
            let written = try #require(answer.items("runs").first)
            let run = try #require(written["run_id"] as? Int)
            try other.close()
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            let kept = try runs(in: path)
            #expect(kept.sorted() == ["\(run) events", "1000 tasks"].sorted())
            #expect(try strings("SELECT COUNT(*) FROM events WHERE run_id = \(run)", in: path) == ["\(written["events"] as? Int ?? -1)"])
            // The first snapshot's run is gone with all its rows.
            #expect(try strings("SELECT COUNT(*) FROM events WHERE run_id NOT IN (SELECT run_id FROM runs)", in: path) == ["0"])
            let events = try strings("SELECT COUNT(*) FROM events", in: path)

            // A snapshot that fails part-way (a trigger refuses its events) leaves the file as it was.
            try DatabaseQueue(path: path).inDatabase { db in
                try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'refused'); END")
            }
            let failed = try await client.send(.post, "/routesim/v1/Snapshot")
            #expect(failed.status == 500 && failed.code == 20500)
            #expect(try runs(in: path) == kept)
            #expect(try strings("SELECT COUNT(*) FROM events", in: path) == events)
        }
    }

    @Test func aWorkspaceThatRoutedNothingHasNoRunThoughItsStatisticsWereRead() async throws {
        let (twin, path) = try recordingTwin()
        try await TwinClient.withTwin(twin) { client in
            let (workspace, _, _) = try await TaskFlowTests.quickstart(client)
            let base = "/v1/Workspaces/\(workspace)"
            for read in ["/Statistics", "/CumulativeStatistics", "/Events", "/Tasks", "/TaskQueues/Statistics"] {
                #expect(try await client.send(.get, base + read).status == 200, "\(read)")
            }
            let answer = try await client.send(.post, "/routesim/v1/Snapshot")
            #expect(answer.status == 200)
            #expect(answer.items("runs").isEmpty)
            #expect(try runs(in: path).isEmpty)
        }
    }

    @Test func twoSessionsWithTheSameSidsIntoOneFileAreNotPooled() async throws {
        let (first, path) = try recordingTwin()
        let second = Twin(credentials: TwinClient.credentials, output: try SessionFile(path: path), version: "test")
        for twin in [first, second] {
            try await TwinClient.withTwin(twin) { client in
                _ = try await routeATask(client)
                #expect(try await client.send(.post, "/routesim/v1/Snapshot").status == 200)
            }
        }
        #expect(await first.workspaces.map(\.sid) == second.workspaces.map(\.sid))
        let hashes = try strings("SELECT configuration_hash FROM runs ORDER BY run_id", in: path)
        #expect(hashes.count == 2 && hashes[0] != hashes[1], "\(hashes)")
    }

    @Test func withoutOutThereIsNoSnapshot() async throws {
        try await TwinClient.withTwin { client in
            let answer = try await client.send(.post, "/routesim/v1/Snapshot")
            #expect(answer.status == 400 && answer.code == 20001)
        }
    }
}
