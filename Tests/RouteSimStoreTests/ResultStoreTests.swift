import Foundation
import GRDB
import RouteSim
@testable import RouteSimStore
import Testing

/// The results database through ``ResultStore``'s public API, read back with GRDB.
@Suite struct ResultStoreTests {
    /// An error a simulation throws half-way.
    struct EngineFailure: Error {}

    /// True when `sid` is `prefix` followed by 32 lowercase hex digits.
    func isSid(_ sid: String?, prefix: String) -> Bool {
        guard let sid, sid.hasPrefix(prefix), sid.utf8.count == 34 else { return false }
        return sid.dropFirst(2).allSatisfy { "0123456789abcdef".contains($0) }
    }

    /// Opens a store in a new scratch folder, runs `body`, and removes the folder.
    func withStore(_ body: (ResultStore, String) throws -> Void) throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("results/run.sqlite").path
        try body(try ResultStore(path: path), path)
    }

    /// Records the fixture's run into `store`.
    func recordFixture(_ store: ResultStore, level: RecordLevel = .tasks) throws -> Int64 {
        try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: level) {
            StoreFixture.simulate($0)
        }
    }

    /// Replacing runs (a `serve --out` snapshot) deletes their rows in every table that has a
    /// `run_id`, and leaves the other runs' rows.
    @Test func replacedRunsLeaveNoRowInAnyTable() throws {
        try withStore { store, path in
            let replaced = try recordFixture(store)
            let kept = try recordFixture(store)
            #expect(try store.replaceRuns([replaced], with: []).isEmpty)
            let counts = try DatabaseQueue(path: path).read { db in
                let tables = try String.fetchAll(db, sql: """
                    SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
                    WHERE m.type = 'table' AND c.name = 'run_id' ORDER BY m.name
                    """)
                return try tables.map { table in
                    try [replaced, kept].map {
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE run_id = ?", arguments: [$0]) ?? 0
                    }
                }
            }
            #expect(counts.count >= 7)
            #expect(counts.allSatisfy { $0[0] == 0 }, "\(counts)")
            #expect(counts.filter { $0[1] > 0 }.count >= 6, "\(counts)")
        }
    }

    /// A new file gets 16 KiB pages (cheaper writes); a results file made with another page
    /// size (and the first schema) keeps it and takes runs as before.
    @Test func newFilesHave16KiBPagesAndOlderFilesKeepTheirs() throws {
        try withStore { store, path in
            _ = try recordFixture(store)
            #expect(try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 16_384)
        }
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("old.sqlite").path
        let older = try DatabaseQueue(path: path)
        try older.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = 4096") }
        try ResultSchema.migrator.migrate(older, upTo: "v1")
        try older.close()
        let store = try ResultStore(path: path)
        #expect(try recordFixture(store) == 1)
        let reader = try DatabaseQueue(path: path)
        #expect(try reader.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4_096)
        #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM tasks") } == StoreFixture.tasks.count)
    }

    /// `wall_seconds` is the time from the start of `simulate`, or from `since` for a run
    /// simulated earlier, to the end of its rows, in seconds.
    @Test func wallSecondsCountTheSimulation() throws {
        try withStore { store, path in
            _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
                Thread.sleep(forTimeInterval: 0.3)
                return StoreFixture.simulate(sink)
            }
            _ = try store.record(
                run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks,
                since: ContinuousClock.now.advanced(by: .seconds(-2)), simulate: StoreFixture.simulate)
            let walls = try DatabaseQueue(path: path).read {
                try Double.fetchAll($0, sql: "SELECT wall_seconds FROM runs ORDER BY run_id")
            }
            #expect(walls.count == 2)
            #expect(walls.first.map { $0 >= 0.3 && $0 < 60 } == true, "\(walls)")
            #expect(walls.last.map { $0 >= 2 && $0 < 60 } == true, "\(walls)")
        }
    }

    @Test func runsRowHoldsRunInfoOutcomeAndSummary() throws {
        try withStore { store, path in
            #expect(try recordFixture(store) == 1)
            let row = try #require(try DatabaseQueue(path: path).read { try Row.fetchOne($0, sql: "SELECT * FROM runs") })
            #expect(row["run_id"] as Int64 == 1)
            #expect(row["scenario"] as String == "tiny")
            #expect(row["variant"] as String? == "multi")
            #expect(row["replication"] as Int == 3)
            #expect(row["seed"] as Int64 == 42)
            #expect(row["horizon"] as Double == 3600)
            #expect(row["warmup"] as Double == 600)
            #expect(row["interval"] as Double == 1800)
            #expect(row["service_level"] as Double == 20)
            #expect(row["multi_task_enabled"] as Int == 0)
            #expect(row["overrides"] as String == #"["agents.count=2","a=\"b\""]"#)
            #expect(row["routesim_version"] as String == "0.1.0-test")
            #expect(row["workspace_sid"] as String == StoreFixture.spec.workspace.sid)
            #expect(row["record_level"] as String == "tasks")
            let startedAt: String = row["started_at"]
            #expect(startedAt.count == 20 && startedAt.hasSuffix("Z") && startedAt.contains("T"))
            #expect(row["event_count"] as Int == 123)
            #expect(row["tasks_created"] as Int == 2)
            #expect(row["end_time"] as Double == 3600)
            #expect(row["offered"] as Int == 2)
            #expect(row["answered"] as Int == 1)
            #expect(row["abandoned"] as Int == 1)
            #expect(row["other_canceled"] as Int == 0)
            #expect(row["answered_within"] as Int == 1)
            #expect(row["abandoned_after"] as Int == 1)
            #expect(row["answered_wait_seconds"] as Double == 12.5)
            #expect(row["handled"] as Int == 1)
            #expect(row["handle_seconds"] as Double == 317.5)
            #expect(row["longest_wait"] as Double == 45)
            #expect(row["busy_seconds"] as Double == 317.5)
            #expect(row["staffed_seconds"] as Double == 1000)
            #expect(row["reservations_created"] as Int == 2)
            #expect(row["reservations_accepted"] as Int == 1)
            #expect(row["reservations_rejected"] as Int == 0)
            #expect(row["reservations_timed_out"] as Int == 1)
            #expect(row["sl"] as Double == 0.5)
            #expect(row["sl_offered"] as Double == 0.5)
            #expect(row["sl_answered"] as Double == 1)
            #expect(row["abandon_rate"] as Double == 0.5)
            #expect(row["asa"] as Double == 12.5)
            #expect(row["aht"] as Double == 317.5)
            #expect(row["occupancy"] as Double == 0.3175)
        }
    }

    @Test func tasksRowsCarrySidsNamesJsonAndNulls() throws {
        try withStore { store, path in
            _ = try recordFixture(store)
            let rows = try DatabaseQueue(path: path).read {
                try Row.fetchAll($0, sql: "SELECT * FROM tasks ORDER BY created_at")
            }
            try #require(rows.count == 2)
            let sids = SidGenerator(seed: 42)
            let workers = StoreFixture.spec.makeWorkers()
            let answered = rows[0]
            #expect(answered["run_id"] as Int64 == 1)
            #expect(answered["task_sid"] as String == sids.sid(.task, 0))
            #expect(isSid(answered["task_sid"], prefix: "WT"))
            #expect(answered["stream"] as String == "calls")
            #expect(answered["channel"] as String == "voice")
            #expect(answered["workflow"] as String == "Main")
            #expect(answered["priority"] as Int == 5)
            #expect(answered["attributes"] as String == #"{"lang":"en","skills":["a","b"],"vip":true}"#)
            #expect(answered["created_at"] as Double == 700)
            #expect(answered["first_queue"] as String? == "Support")
            #expect(answered["queue"] as String? == "Support")
            #expect(answered["worker_sid"] as String? == workers[1].sid)
            #expect(isSid(answered["worker_sid"], prefix: "WK"))
            #expect(answered["worker_name"] as String? == "agents-002")
            #expect(answered["assigned_at"] as Double? == 712.5)
            #expect(answered["wrapup_at"] as Double? == 1000)
            #expect(answered["completed_at"] as Double? == 1030)
            #expect(answered["canceled_at"] as Double? == nil)
            #expect(answered["status"] as String == "completed")
            #expect(answered["reason"] as String? == "Task completed")
            #expect(answered["reservation_count"] as Int == 2)
            #expect(answered["wait_seconds"] as Double == 12.5)
            let abandoned = rows[1]
            #expect(abandoned["task_sid"] as String == sids.sid(.task, 1))
            #expect(abandoned["worker_sid"] as String? == nil)
            #expect(abandoned["worker_name"] as String? == nil)
            #expect(abandoned["assigned_at"] as Double? == nil)
            #expect(abandoned["wrapup_at"] as Double? == nil)
            #expect(abandoned["completed_at"] as Double? == nil)
            #expect(abandoned["canceled_at"] as Double? == 845)
            #expect(abandoned["status"] as String == "canceled")
            #expect(abandoned["reason"] as String? == "Caller hung up")
            #expect(abandoned["wait_seconds"] as Double == 45)
        }
    }

    @Test func reservationsRowsReferToTasksAndWorkers() throws {
        try withStore { store, path in
            _ = try recordFixture(store)
            let rows = try DatabaseQueue(path: path).read {
                try Row.fetchAll($0, sql: "SELECT * FROM reservations ORDER BY created_at")
            }
            try #require(rows.count == 2)
            let sids = SidGenerator(seed: 42)
            let workers = StoreFixture.spec.makeWorkers()
            #expect(rows.map { $0["reservation_sid"] as String } == [sids.sid(.reservation, 0), sids.sid(.reservation, 1)])
            #expect(rows.allSatisfy { isSid($0["reservation_sid"], prefix: "WR") })
            #expect(rows.allSatisfy { $0["task_sid"] as String == sids.sid(.task, 0) })
            #expect(rows.map { $0["worker_sid"] as String } == [workers[0].sid, workers[1].sid])
            #expect(rows.map { $0["worker_name"] as String } == ["agents-001", "agents-002"])
            #expect(rows.allSatisfy { $0["queue"] as String == "Support" })
            #expect(rows.map { $0["created_at"] as Double } == [700, 710])
            #expect(rows.map { $0["responded_at"] as Double } == [710, 712.5])
            #expect(rows.map { $0["ended_at"] as Double } == [710, 1030])
            #expect(rows.map { $0["status"] as String } == ["timeout", "completed"])
            let plan = try DatabaseQueue(path: path).read {
                try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN SELECT * FROM reservations JOIN tasks USING (run_id, task_index)")
                    .map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("USING INDEX") && $0.contains("task_index=?") }, "\(plan)")
            let joined = try DatabaseQueue(path: path).read {
                try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM reservations JOIN tasks USING (run_id, task_index)")
            }
            #expect(joined == 2)
        }
    }

    @Test func workerActivityRowsNameWorkerGroupAndActivity() throws {
        try withStore { store, path in
            _ = try recordFixture(store)
            let rows = try DatabaseQueue(path: path).read {
                try Row.fetchAll($0, sql: "SELECT * FROM worker_activity ORDER BY start")
            }
            try #require(rows.count == 2)
            let worker = StoreFixture.spec.makeWorkers()[0]
            #expect(rows.allSatisfy { $0["worker_sid"] as String == worker.sid && isSid($0["worker_sid"], prefix: "WK") })
            #expect(rows.allSatisfy { $0["worker_name"] as String == "agents-001" })
            #expect(rows.allSatisfy { $0["worker_group"] as String == "agents" })
            #expect(rows.map { $0["activity"] as String } == ["Available", "Offline"])
            #expect(rows.map { $0["available"] as Int } == [1, 0])
            #expect(rows.map { $0["start"] as Double } == [0, 710])
            #expect(rows.map { $0["end"] as Double } == [710, 900])
            #expect(rows.map { $0["duration"] as Double } == [710, 190])
        }
    }

    @Test func intervalRowsHaveQueueNamesAndNullRatiosWhenEmpty() throws {
        try withStore { store, path in
            _ = try recordFixture(store)
            let rows = try DatabaseQueue(path: path).read {
                try Row.fetchAll($0, sql: "SELECT * FROM intervals ORDER BY interval, queue IS NOT NULL")
            }
            try #require(rows.count == 4)
            #expect(rows.map { $0["interval"] as Int } == [0, 0, 1, 1])
            #expect(rows.map { $0["queue"] as String? } == [nil, "Support", nil, "Support"])
            #expect(rows.map { $0["warmup"] as Int } == [1, 1, 0, 0])
            #expect(rows.map { $0["start"] as Double } == [0, 0, 1800, 1800])
            #expect(rows.map { $0["end"] as Double } == [1800, 1800, 3600, 3600])
            #expect(rows.map { $0["staffed_agents"] as Double } == [2, 2, 1.5, 1.5])
            let empty = rows[0]
            #expect(empty["offered"] as Int == 0)
            #expect(empty["sl"] as Double? == nil)
            #expect(empty["sl_offered"] as Double? == nil)
            #expect(empty["sl_answered"] as Double? == nil)
            #expect(empty["abandon_rate"] as Double? == nil)
            #expect(empty["asa"] as Double? == nil)
            #expect(empty["aht"] as Double? == nil)
            #expect(empty["occupancy"] as Double? == nil)
            let busy = rows[3]
            #expect(busy["offered"] as Int == 2)
            #expect(busy["answered"] as Int == 1)
            #expect(busy["abandoned"] as Int == 1)
            #expect(busy["other_canceled"] as Int == 0)
            #expect(busy["answered_within"] as Int == 1)
            #expect(busy["abandoned_after"] as Int == 1)
            #expect(busy["sl"] as Double? == 0.5)
            #expect(busy["sl_offered"] as Double? == 0.5)
            #expect(busy["sl_answered"] as Double? == 1)
            #expect(busy["asa"] as Double? == 12.5)
            #expect(busy["aht"] as Double? == 317.5)
            #expect(busy["longest_wait"] as Double == 45)
            #expect(busy["occupancy"] as Double? == 0.3175)
            #expect(busy["busy_seconds"] as Double == 317.5)
            #expect(busy["staffed_seconds"] as Double == 1000)
        }
    }

    @Test func queueSummaryHasOneRowPerQueue() throws {
        try withStore { store, path in
            _ = try recordFixture(store)
            let rows = try DatabaseQueue(path: path).read { try Row.fetchAll($0, sql: "SELECT * FROM queue_summary") }
            try #require(rows.count == 1)
            #expect(rows[0]["run_id"] as Int64 == 1)
            #expect(rows[0]["queue"] as String == "Support")
            #expect(rows[0]["offered"] as Int == 2)
            #expect(rows[0]["sl"] as Double? == 0.5)
            #expect(rows[0]["asa"] as Double? == 12.5)
            #expect(rows[0]["reservations_timed_out"] as Int == 1)
        }
    }

    @Test func statisticsDocumentsAreStoredInOrder() throws {
        try withStore { store, path in
            _ = try recordFixture(store)
            let rows = try DatabaseQueue(path: path).read {
                try Row.fetchAll($0, sql: "SELECT * FROM statistics ORDER BY rowid")
            }
            #expect(rows.map { $0["scope"] as String } == ["realtime", "cumulative"])
            #expect(rows.map { $0["time"] as Double } == [1800, 3600])
            #expect(rows.map { $0["kind"] as String } == ["taskQueue", "workspace"])
            #expect(rows.map { $0["sid"] as String } == StoreFixture.statistics.map(\.sid))
            #expect(rows.map { $0["name"] as String } == ["Support", "Tiny"])
            #expect(rows.map { $0["document"] as String } == StoreFixture.statistics.map(\.json))
            let pending = try DatabaseQueue(path: path).read {
                try Int.fetchOne(
                    $0, sql: "SELECT json_extract(document, '$.tasks_by_status.pending') FROM statistics WHERE scope = 'realtime'")
            }
            #expect(pending == 1)
        }
    }

    @Test func secondRunAppendsAndKeepsTheFirst() throws {
        try withStore { store, path in
            #expect(try recordFixture(store) == 1)
            let reopened = try ResultStore(path: path)
            #expect(try recordFixture(reopened) == 2)
            #expect(try reopened.runCount() == 2)
            let counts = try DatabaseQueue(path: path).read {
                try Row.fetchAll($0, sql: "SELECT run_id, COUNT(*) AS n FROM tasks GROUP BY run_id ORDER BY run_id")
            }
            #expect(counts.map { $0["run_id"] as Int64 } == [1, 2])
            #expect(counts.map { $0["n"] as Int } == [2, 2])
        }
    }

    @Test func throwingSimulationLeavesNoTraceOfItsRun() throws {
        try withStore { store, path in
            _ = try recordFixture(store)
            #expect(throws: EngineFailure.self) {
                try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
                    _ = StoreFixture.simulate(sink)
                    throw EngineFailure()
                }
            }
            #expect(try store.runCount() == 1)
            let counts = try DatabaseQueue(path: path).read { db in
                try ["tasks", "reservations", "worker_activity", "intervals", "queue_summary", "statistics"].map {
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0) WHERE run_id = 1") ?? 0
                }
                    + [try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks WHERE run_id <> 1") ?? 0]
            }
            #expect(counts == [2, 2, 2, 4, 1, 2, 0])
            #expect(try recordFixture(store) == 2)
        }
    }

    @Test func failedRowInsertRollsBackAndNamesTheFile() throws {
        try withStore { store, path in
            let error = #expect(throws: StoreError.self) {
                try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
                    sink?.record(StoreFixture.tasks[0])
                    sink?.record(StoreFixture.tasks[0])
                    return StoreFixture.result
                }
            }
            #expect(error?.operation == .write)
            #expect(error?.description.contains(path) == true)
            #expect(error?.description.contains("UNIQUE constraint failed") == true)
            let runs = try store.runCount()
            #expect(runs == 0)
        }
    }

    @Test func summaryLevelWritesRunsAndIntervalsOnly() throws {
        try withStore { store, path in
            _ = try recordFixture(store, level: .summary)
            let counts = try DatabaseQueue(path: path).read { db in
                try ["runs", "tasks", "reservations", "worker_activity", "intervals", "queue_summary", "statistics"].map {
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0
                }
            }
            #expect(counts == [1, 0, 0, 0, 4, 1, 2])
            let recorded = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT record_level FROM runs") }
            #expect(recorded == "summary")
        }
    }

    @Test func openingInAMissingFolderCreatesIt() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/c.sqlite").path
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        let store = try ResultStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.runCount() == 0)
    }

    @Test func fileFromANewerRoutesimIsRefused() throws {
        try withStore { _, path in
            try DatabaseQueue(path: path).write {
                try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999')")
            }
            let error = #expect(throws: StoreError.self) { try ResultStore(path: path) }
            #expect(error?.operation == .migrate)
            #expect(error?.description == "cannot set up the results schema in \(path): it was written by a newer routesim")
        }
    }

    @Test func unwritablePathGivesAStoreErrorNamingIt() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("plain.txt")
        try Data("not a folder".utf8).write(to: file)
        for path in [file.appendingPathComponent("x.sqlite").path, folder.path, file.path] {
            let error = #expect(throws: StoreError.self) { try ResultStore(path: path) }
            #expect(error?.description.contains(path) == true, "\(error.map(String.init(describing:)) ?? "")")
        }
    }
}
