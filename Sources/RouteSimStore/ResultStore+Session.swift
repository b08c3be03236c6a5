import GRDB
import RouteSim

extension ResultStore {
    /// Replaces the runs `previous` (their rows in every table) with `runs`, simulated
    /// elsewhere (``SessionRun``) and recorded with their events as
    /// ``record(run:spec:level:since:simulate:)`` records one simulated here; returns the new
    /// runs' ids, in order.
    ///
    /// One transaction: if anything fails, nothing changes, and the previous runs stay. The
    /// file is written in place, so runs other connections committed meanwhile (still in its
    /// `-wal`) are kept.
    public func replaceRuns(_ previous: [Int64], with runs: [SessionRun]) throws -> [Int64] {
        try writingRuns { db in
            try Self.deleteRuns(previous, db)
            return try runs.map { run in
                var labels = RunLabels(spec: run.spec)
                labels.streams = run.streams
                labels.taskAttributes = run.taskAttributes
                return try Self.recordRun(
                    run.info, spec: run.spec, labels: labels, sidSeed: run.sidSeed, level: .events, since: nil,
                    simulate: { sink in
                        if let sink { run.rows.replay(into: sink) }
                        return run.result
                    }, path: path, db)
            }
        }
    }

    /// Deletes the runs `ids` and their rows from every table that has a `run_id` column.
    ///
    /// By hand rather than by the schema's `ON DELETE CASCADE`: foreign keys are not enforced
    /// while runs are written (``writingRuns(_:)``).
    private static func deleteRuns(_ ids: [Int64], _ db: Database) throws {
        guard !ids.isEmpty else { return }
        let tables = try String.fetchAll(db, sql: """
            SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
            WHERE m.type = 'table' AND c.name = 'run_id' AND m.name != 'runs'
            """) + ["runs"]
        let marks = ids.map { _ in "?" }.joined(separator: ", ")
        for table in tables {
            try db.execute(sql: "DELETE FROM \(table) WHERE run_id IN (\(marks))", arguments: StatementArguments(ids))
        }
    }
}
