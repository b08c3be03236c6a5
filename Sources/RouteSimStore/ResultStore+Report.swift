import GRDB
import RouteSim

/// The read side of `routesim report`: a group of runs' intervals, queue snapshots and
/// activity spans, averaged or totalled over the group's runs.
///
/// Every query takes the group's run ids; an empty list reads nothing.
extension ResultStore {
    /// The intervals of runs `runIDs` summed over the runs, per queue (nil first) and
    /// interval, in interval order.
    public func intervalTotals(runs runIDs: [Int64]) throws(StoreError) -> [IntervalTotals] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT queue, interval, MIN(start) AS start, MAX("end") AS "end", MAX(warmup) AS warmup, COUNT(*) AS runs,
                    AVG(staffed_agents) AS staffed_agents, \(KPIColumns.totalsSelection)
                FROM intervals WHERE run_id IN (\(databaseQuestionMarks(count: runIDs.count)))
                GROUP BY queue, interval ORDER BY queue IS NOT NULL, MIN(rowid)
                """, arguments: StatementArguments(runIDs))
            return rows.map { row in
                IntervalTotals(
                    queue: row["queue"], interval: row["interval"], start: row["start"], end: row["end"],
                    warmup: row["warmup"], runs: row["runs"], staffedAgents: row["staffed_agents"],
                    kpis: KPIColumns.totals(in: row))
            }
        }
    }

    /// The tasks pending and reserved per queue at each real-time snapshot of runs
    /// `runIDs`, averaged over the runs, by queue then time.
    public func waitingTasks(runs runIDs: [Int64]) throws(StoreError) -> [WaitingTasks] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT name, time,
                    AVG(COALESCE(json_extract(document, '$.tasks_by_status.pending'), 0)),
                    AVG(COALESCE(json_extract(document, '$.tasks_by_status.reserved'), 0))
                FROM statistics
                WHERE run_id IN (\(databaseQuestionMarks(count: runIDs.count))) AND scope = 'realtime' AND kind = 'taskQueue'
                GROUP BY name, time ORDER BY MIN(rowid)
                """, arguments: StatementArguments(runIDs))
            return rows.map { WaitingTasks(queue: $0[0], time: $0[1], pending: $0[2], reserved: $0[3]) }
        }
    }

    /// The mean number of agents in each activity per interval over the runs of `runIDs`
    /// that recorded activity spans, by interval then activity; empty when none did
    /// (`--record summary`).
    public func activityAgents(runs runIDs: [Int64]) throws(StoreError) -> [ActivityAgents] {
        try reading { db in
            let marks = databaseQuestionMarks(count: runIDs.count)
            let arguments = StatementArguments(runIDs)
            let withSpans = try Int.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT run_id) FROM worker_activity WHERE run_id IN (\(marks))
                """, arguments: arguments) ?? 0
            guard withSpans > 0 else { return [] }
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.interval, MIN(i.start), MAX(i.end), w.activity, MAX(w.available),
                    SUM(MIN(w.end, i.end) - MAX(w.start, i.start))
                FROM worker_activity w
                JOIN intervals i ON i.run_id = w.run_id AND i.queue IS NULL AND w.start < i.end AND w.end > i.start
                WHERE w.run_id IN (\(marks))
                GROUP BY i.interval, w.activity ORDER BY i.interval, MIN(w.rowid)
                """, arguments: arguments)
            return rows.map { row in
                let start: Double = row[1]
                let end: Double = row[2]
                let seconds: Double = row[5]
                return ActivityAgents(
                    interval: row[0], start: start, end: end, activity: row[3], available: row[4],
                    agents: seconds / (end - start) / Double(withSpans))
            }
        }
    }

    /// The service-level thresholds (s) of runs `runIDs`, each once, ascending.
    public func serviceLevelThresholds(runs runIDs: [Int64]) throws(StoreError) -> [Double] {
        try reading { db in
            try Double.fetchAll(db, sql: """
                SELECT DISTINCT service_level FROM runs WHERE run_id IN (\(databaseQuestionMarks(count: runIDs.count)))
                ORDER BY 1
                """, arguments: StatementArguments(runIDs))
        }
    }
}
