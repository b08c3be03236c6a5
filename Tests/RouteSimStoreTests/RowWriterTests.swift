import Foundation
import GRDB
import RouteSim
@testable import RouteSimStore
import Testing

/// The row writer's multi-row inserts, its texts bound without a copy, what a failed insert
/// leaves, and the foreign-key check that replaces SQLite's while a run is written.
@Suite struct RowWriterTests {
    /// Records `tasks`, `reservations` and `spans` as one run into a new file; returns its path.
    func record(
        tasks: [TaskRecord], reservations: [ReservationRecord], spans: [ActivitySpanRecord], in folder: URL
    ) throws -> String {
        let path = folder.appendingPathComponent("rows.sqlite").path
        let store = try ResultStore(path: path)
        _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
            for task in tasks { sink?.record(task) }
            for reservation in reservations { sink?.record(reservation) }
            for span in spans { sink?.record(span) }
            return StoreFixture.result
        }
        return path
    }

    /// More rows than a few multi-row groups, not a multiple of a group: every row is stored
    /// with its own values; tasks sent in descending order of their ordinals land in
    /// ascending order (the pipeline puts them back in key order), spans in the order sent.
    @Test func rowsOfSeveralGroupsAndARestLandInKeyOrderWithTheirValues() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = RowWriter.rowsPerInsert * 5 + 7
        let reasons = TaskReason.allCases
        let tasks = (0..<count).map { index in
            var task = StoreFixture.tasks[index % 2]
            task.index = count - 1 - index
            task.createdAt = Double(index)
            task.reason = reasons[index % reasons.count]
            return task
        }
        let reservations = (0..<count).map { index in
            var reservation = StoreFixture.reservations[index % 2]
            reservation.index = index
            reservation.task = count - 1 - index
            reservation.status = ReservationStatus.allCases[index % ReservationStatus.allCases.count]
            return reservation
        }
        let spans = (0..<count + 3).map { index in
            ActivitySpanRecord(worker: index % 2, activity: index % 2, start: Double(index), end: Double(index) + 0.5)
        }
        let path = try record(tasks: tasks, reservations: reservations, spans: spans, in: folder)
        let tasksByKey = tasks.sorted { $0.index < $1.index }
        #expect(tasksByKey.map(\.index) == Array(0..<count))
        try DatabaseQueue(path: path).read { db in
            let taskRows = try Row.fetchAll(db, sql: "SELECT task_index, created_at, reason, status, task_sid FROM tasks ORDER BY rowid")
            #expect(taskRows.map { $0["task_index"] as Int } == tasksByKey.map(\.index))
            #expect(taskRows.map { $0["created_at"] as Double } == tasksByKey.map(\.createdAt))
            #expect(taskRows.map { $0["reason"] as String } == tasksByKey.map(\.reason.text))
            #expect(taskRows.map { $0["status"] as String } == tasksByKey.map(\.status.rawValue))
            let sids = SidGenerator(seed: StoreFixture.spec.seed)
            #expect(taskRows.map { $0["task_sid"] as String } == tasksByKey.map { sids.sid(.task, $0.index) })
            let reservationRows = try Row.fetchAll(
                db, sql: "SELECT reservation_index, task_sid, reservation_sid, status FROM reservations ORDER BY rowid")
            #expect(reservationRows.map { $0["reservation_index"] as Int } == reservations.map(\.index))
            #expect(reservationRows.map { $0["status"] as String } == reservations.map(\.status.rawValue))
            #expect(reservationRows.map { $0["task_sid"] as String } == reservations.map { sids.sid(.task, $0.task) })
            #expect(reservationRows.map { $0["reservation_sid"] as String } == reservations.map { sids.sid(.reservation, $0.index) })
            let spanRows = try Row.fetchAll(db, sql: "SELECT run_id, start, duration, activity FROM worker_activity ORDER BY rowid")
            #expect(spanRows.map { $0["start"] as Double } == spans.map(\.start))
            #expect(spanRows.allSatisfy { $0["duration"] as Double == 0.5 && $0["run_id"] as Int64 == 1 })
            #expect(spanRows.map { $0["activity"] as String } == spans.map { ["Offline", "Available"][$0.activity] })
        }
    }

    /// Rows handed over in batches of uneven sizes (empty, smaller than a group, ending
    /// inside a group, completing no group): a group is bound across batches, and the rows
    /// of the last group, not full, are inserted by `finish()`; every row is stored once,
    /// in the order sent.
    @Test func groupsSpanningBatchesKeepOrder() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.sqlite").path
        _ = try ResultStore(path: path)
        let group = RowWriter.rowsPerInsert
        let sizes = [1, group - 2, 0, 3, group, 2 * group + 5, group - 7, 10]
        let count = sizes.reduce(0, +)
        let tasks = (0..<count).map { index in
            var task = StoreFixture.tasks[index % 2]
            task.index = (index * 7) % count
            task.createdAt = Double(index)
            return task
        }
        let reservations = (0..<count).map { index in
            var reservation = StoreFixture.reservations[index % 2]
            reservation.index = count - 1 - index
            reservation.task = index
            return reservation
        }
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            // No `runs` row: the writer's rows reference run 1 without it.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                let writer = try RowWriter(
                    db, runId: 1, labels: RunLabels(spec: StoreFixture.spec), seed: StoreFixture.spec.seed, events: false)
                let sids = SidGenerator(seed: StoreFixture.spec.seed)
                var start = 0
                for size in sizes {
                    var batch = RowBatch(
                        tasks: Array(tasks[start..<start + size]), reservations: Array(reservations[start..<start + size]))
                    batch.completeSids(sids)
                    writer.write(batch)
                    start += size
                }
                try writer.finish()
                return .commit
            }
        }
        try queue.read { db in
            let taskRows = try Row.fetchAll(db, sql: "SELECT task_index, created_at, task_sid FROM tasks ORDER BY rowid")
            #expect(taskRows.map { $0["task_index"] as Int } == tasks.map(\.index))
            #expect(taskRows.map { $0["created_at"] as Double } == tasks.map(\.createdAt))
            let sids = SidGenerator(seed: StoreFixture.spec.seed)
            #expect(taskRows.map { $0["task_sid"] as String } == tasks.map { sids.sid(.task, $0.index) })
            let reservationRows = try Row.fetchAll(
                db, sql: "SELECT reservation_index, reservation_sid, task_sid FROM reservations ORDER BY rowid")
            #expect(reservationRows.map { $0["reservation_index"] as Int } == reservations.map(\.index))
            #expect(reservationRows.map { $0["task_sid"] as String } == reservations.map { sids.sid(.task, $0.task) })
            #expect(reservationRows.map { $0["reservation_sid"] as String } == reservations.map { sids.sid(.reservation, $0.index) })
        }
    }

    /// Foreign keys are not enforced by SQLite while a run is written, so the store checks
    /// the run's experiment itself: an unknown one fails the run, as SQLite would.
    @Test func runOfAnUnknownExperimentIsRefused() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.sqlite").path
        let store = try ResultStore(path: path)
        var info = StoreFixture.run
        info.experimentID = 99
        let error = #expect(throws: StoreError.self) {
            try store.record(run: info, spec: StoreFixture.spec, level: .tasks) { StoreFixture.simulate($0) }
        }
        #expect(error?.operation == .write)
        #expect(error?.description.contains("FOREIGN KEY constraint failed") == true)
        #expect(try store.runCount() == 0)
        info.experimentID = try store.beginExperiment(.batch, arguments: ["batch"])
        #expect(try store.record(run: info, spec: StoreFixture.spec, level: .tasks) { StoreFixture.simulate($0) } == 1)
        let orphans = try DatabaseQueue(path: path).read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(orphans.isEmpty)
    }

    /// A multi-row insert stopped by a bad row keeps the rows before it (`INSERT OR FAIL`),
    /// where SQLite's default would take them back, at the price of a statement journal.
    @Test func aFailedGroupInsertKeepsTheRowsBeforeTheBadOne() throws {
        try DatabaseQueue().write { db in
            try db.execute(sql: "CREATE TABLE t (run_id INTEGER NOT NULL, k INTEGER NOT NULL, PRIMARY KEY (run_id, k))")
            let group = try RowStatement(db, insertInto: "t (run_id, k)", runId: 7, columns: 1, rows: 3)
            for (slot, key) in [1, 2, 2].enumerated() { group.bind(Int32(slot + 1), key) }
            #expect(throws: DatabaseError.self) { try group.insert() }
            #expect(try Int.fetchAll(db, sql: "SELECT k FROM t WHERE run_id = 7 ORDER BY k") == [1, 2])
        }
    }

    /// What makes `OR FAIL` safe: a run whose rows fail to insert halfway through a group is
    /// rolled back whole, so neither the rows before the bad one nor the `runs` row remain.
    @Test func aRunWhoseInsertFailsLeavesNoRow() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("failed.sqlite").path
        let store = try ResultStore(path: path)
        let bad = RowWriter.rowsPerInsert + 5
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER bad_task BEFORE INSERT ON tasks WHEN NEW.task_index = \(bad)
                BEGIN SELECT RAISE(FAIL, 'bad task'); END
                """)
        }
        let tasks = (0..<RowWriter.rowsPerInsert * 2).map { index in
            var task = StoreFixture.tasks[index % 2]
            task.index = index
            return task
        }
        let error = #expect(throws: StoreError.self) {
            try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
                for task in tasks { sink?.record(task) }
                return StoreFixture.result
            }
        }
        #expect(error?.description.contains("bad task") == true)
        #expect(try store.runCount() == 0)
        let rows = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM tasks") }
        #expect(rows == 0)
    }

    /// When several of the rows left for ``RowWriter/finish()`` fail, the first failure is the
    /// one thrown and no row after it is tried.
    @Test func theFirstFailedInsertIsThrownAndNothingAfterIt() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("failed.sqlite").path
        let store = try ResultStore(path: path)
        let first = RowWriter.rowsPerInsert
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER first_bad BEFORE INSERT ON tasks WHEN NEW.task_index = \(first)
                BEGIN SELECT RAISE(FAIL, 'first bad task'); END;
                CREATE TRIGGER second_bad BEFORE INSERT ON tasks WHEN NEW.task_index = \(first + 2)
                BEGIN SELECT RAISE(FAIL, 'second bad task'); END;
                CREATE TRIGGER bad_span BEFORE INSERT ON worker_activity
                BEGIN SELECT RAISE(FAIL, 'bad span'); END
                """)
        }
        let tasks = (0..<first + 3).map { index in
            var task = StoreFixture.tasks[index % 2]
            task.index = index
            return task
        }
        let error = #expect(throws: StoreError.self) {
            try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
                for task in tasks { sink?.record(task) }
                for span in StoreFixture.spans { sink?.record(span) }
                return StoreFixture.result
            }
        }
        #expect(error?.description.contains("first bad task") == true, "\(String(describing: error))")
        #expect(try store.runCount() == 0)
    }

    @Test func statusAndReasonOrdinalsFollowAllCases() {
        #expect(TaskStatus.allCases.map(\.ordinal) == Array(0..<TaskStatus.allCases.count))
        #expect(ReservationStatus.allCases.map(\.ordinal) == Array(0..<ReservationStatus.allCases.count))
        #expect(TaskReason.allCases.map(\.ordinal) == Array(0..<TaskReason.allCases.count))
        #expect(TaskReason.allCases.count == 1 + CancelReason.allCases.count)
        #expect(Set(TaskReason.allCases.map(\.text)).count == TaskReason.allCases.count)
    }
}
