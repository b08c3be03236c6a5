import GRDB

/// Reads back what runs stored: the read level under the commands that report on a file.
extension ResultStore {
    /// The ids of the file's runs, in increasing order.
    public func runIDs() throws(StoreError) -> [Int64] {
        try reading { try Int64.fetchAll($0, sql: "SELECT run_id FROM runs ORDER BY run_id") }
    }

    /// The statistics documents of run `runId` of one `kind` and `scope`, for the resource
    /// called `name` (any when nil), in the order they were stored (snapshots by time).
    public func statistics(run runId: Int64, kind: String, scope: String, name: String?) throws(StoreError) -> [StoredStatistics] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT run_id, scope, time, kind, sid, name, document FROM statistics
                WHERE run_id = ? AND kind = ? AND scope = ? AND (? IS NULL OR name = ?)
                ORDER BY rowid
                """, arguments: [runId, kind, scope, name, name])
            return rows.map {
                StoredStatistics(runId: $0["run_id"], scope: $0["scope"], time: $0["time"], kind: $0["kind"],
                                 sid: $0["sid"], name: $0["name"], document: $0["document"])
            }
        }
    }

    /// The friendly names of the resources of one `kind` with statistics in run `runId`.
    public func statisticsNames(run runId: Int64, kind: String) throws(StoreError) -> [String] {
        try reading { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT name FROM statistics WHERE run_id = ? AND kind = ? ORDER BY name
                """, arguments: [runId, kind])
        }
    }
}
