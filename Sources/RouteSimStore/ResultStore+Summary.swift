import Foundation
import GRDB
import RouteSim

/// Reads runs back as KPI values and sums replications up: what batch, compare, sweep,
/// staff, report and export print.
extension ResultStore {
    /// The KPI column names of `runs` and `queue_summary`, in table order.
    public static var kpiNames: [String] { KPIColumns.names }

    /// The KPI values of `kpis` in the order of ``kpiNames``, as a stored run's columns read
    /// back: for runs kept in memory only.
    public static func kpiValues(of kpis: KPIs) -> [Double?] { KPIColumns.doubles(of: kpis) }

    /// Every run's KPIs (of experiment `experiment`, or all runs when nil; of the run ids
    /// in `ids` only, when given), by run id.
    public func runKPIs(experiment: Int64? = nil, ids: ClosedRange<Int64>? = nil) throws(StoreError) -> [StoredRunKPIs] {
        let (low, high) = (ids?.lowerBound ?? Int64.min, ids?.upperBound ?? Int64.max)
        let columns = KPIColumns.list
        return try reading { db in
            let runs = try Row.fetchAll(db, sql: """
                SELECT runs.run_id, runs.experiment_id, experiments.command, scenario, variant, point, replication,
                    seed, configuration_hash, overrides,
                    \(KPIColumns.names.map { "runs.\($0)" }.joined(separator: ", "))
                FROM runs LEFT JOIN experiments USING (experiment_id)
                WHERE (? IS NULL OR runs.experiment_id = ?) AND runs.run_id BETWEEN ? AND ?
                ORDER BY runs.run_id
                """, arguments: [experiment, experiment, low, high])
            let queueRows = try Row.fetchAll(db, sql: """
                SELECT run_id, queue, \(columns) FROM queue_summary
                WHERE (? IS NULL OR run_id IN (SELECT run_id FROM runs WHERE experiment_id = ?))
                    AND run_id BETWEEN ? AND ?
                ORDER BY run_id, rowid
                """, arguments: [experiment, experiment, low, high])
            var queues: [Int64: [(queue: String, kpis: [Double?])]] = [:]
            for row in queueRows {
                queues[row["run_id"], default: []].append((row["queue"], Self.kpiValues(row, from: 2)))
            }
            return runs.map { row in
                let runID: Int64 = row["run_id"]
                return StoredRunKPIs(
                    runID: runID, experimentID: row["experiment_id"], command: row["command"],
                    scenario: row["scenario"], variant: row["variant"], point: row["point"],
                    replication: row["replication"], seed: UInt64(bitPattern: row["seed"]), configuration: row["configuration_hash"],
                    overrides: Self.overrides(row["overrides"]), kpis: Self.kpiValues(row, from: 10),
                    queues: queues[runID] ?? [])
            }
        }
    }

    /// The all-queues KPIs of run `runID` per interval, by interval number, in the order of
    /// ``kpiNames``; warm-up intervals included.
    public func intervalKPIs(run runID: Int64) throws(StoreError) -> [[Double?]] {
        try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT \(KPIColumns.list) FROM intervals WHERE run_id = ? AND queue IS NULL ORDER BY interval
                """, arguments: [runID]).map { Self.kpiValues($0, from: 0) }
        }
    }

    /// Mean and 95 % CI of every KPI over the replications of each group of runs (of
    /// experiment `experiment`, or all), grouped by experiment, scenario, variant, point
    /// and configuration (``RunGroupSummary/summaries(of:confidence:)``), in run order.
    public func summaries(experiment: Int64? = nil) throws(StoreError) -> [RunGroupSummary] {
        RunGroupSummary.summaries(of: try runKPIs(experiment: experiment))
    }

    /// The `overrides` column's JSON list of strings; empty when it is not one.
    private static func overrides(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// The KPI columns of `row` starting at column `offset`, as doubles.
    private static func kpiValues(_ row: Row, from offset: Int) -> [Double?] {
        (0..<KPIColumns.names.count).map { row[offset + $0] }
    }
}
