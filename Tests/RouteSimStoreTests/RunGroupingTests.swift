import Foundation
import GRDB
import RouteSim
@testable import RouteSimStore
import Testing

/// Which runs are replications of one configuration (``RunGroupSummary``): the same
/// configuration hash, and each seed and replication counted once.
@Suite struct RunGroupingTests {
    /// A run of quickstart with `offered` as its only KPI.
    func run(_ id: Int64, configuration: String?, seed: UInt64, replication: Int = 0, offered: Double) -> StoredRunKPIs {
        var kpis: [Double?] = Array(repeating: nil, count: ResultStore.kpiNames.count)
        kpis[ResultStore.kpiNames.firstIndex(of: "offered")!] = offered
        return StoredRunKPIs(
            runID: id, experimentID: nil, command: nil, scenario: "quickstart", variant: nil, point: nil,
            replication: replication, seed: seed, configuration: configuration, overrides: [], kpis: kpis, queues: [])
    }

    @Test func differentConfigurationsAreDifferentGroups() {
        let summaries = RunGroupSummary.summaries(of: [
            run(1, configuration: "aaaaaaaaaaaaaaaa", seed: 1, offered: 741),
            run(2, configuration: "bbbbbbbbbbbbbbbb", seed: 2, offered: 120),
        ])
        #expect(summaries.map(\.runIDs) == [[1], [2]])
        #expect(summaries.map(\.replications) == [1, 1])
        #expect(summaries.map(\.configuration) == ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"])
    }

    @Test func aRunRepeatingSeedAndReplicationIsOneSample() {
        let summaries = RunGroupSummary.summaries(of: [
            run(1, configuration: "aaaaaaaaaaaaaaaa", seed: 1, offered: 741),
            run(2, configuration: "aaaaaaaaaaaaaaaa", seed: 1, offered: 741),
            run(3, configuration: "aaaaaaaaaaaaaaaa", seed: 2, offered: 760),
            run(4, configuration: "aaaaaaaaaaaaaaaa", seed: 2, replication: 1, offered: 730),
        ])
        #expect(summaries.count == 1)
        #expect(summaries[0].replications == 3)
        #expect(summaries[0].runIDs == [1, 3, 4])
        #expect(summaries[0].repeatedRuns == [RepeatedRun(runID: 2, original: 1)])
        #expect(summaries[0].kpi("offered")?.estimate == Estimate([741, 760, 730]))
    }

    @Test func runsWithoutAHashGroupAsBeforeAndNoneIsARepeat() {
        let summaries = RunGroupSummary.summaries(of: [
            run(1, configuration: nil, seed: 1, offered: 741),
            run(2, configuration: nil, seed: 1, offered: 120),
            run(3, configuration: "aaaaaaaaaaaaaaaa", seed: 1, offered: 741),
        ])
        #expect(summaries.map(\.runIDs) == [[1, 2], [3]])
        #expect(summaries[0].configuration == nil)
        #expect(summaries[0].repeatedRuns.isEmpty)
    }

    /// A file written before the hash was stored: migrated up to `v3-run-start`, two runs
    /// of different overrides. Opened by this routesim, its runs keep a null hash and are
    /// grouped as before; a new run gets a hash and a group of its own.
    @Test func olderFileKeepsItsGroupingAndNewRunsGetAHash() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try ResultSchema.migrator.migrate(old, upTo: "v3-run-start")
        try old.write { db in
            for (id, overrides) in [(1, "[]"), (2, #"["workers.agents.count=1","seed=2"]"#)] {
                try db.execute(sql: """
                    INSERT INTO runs (run_id, scenario, replication, seed, horizon, warmup, interval, service_level,
                        multi_task_enabled, overrides, routesim_version, workspace_sid, record_level, started_at, offered)
                    VALUES (?, 'tiny', 0, ?, 3600, 600, 1800, 20, 0, ?, '0.1.0', 'WS', 'summary', '2026-01-01T00:00:00Z', ?)
                    """, arguments: [id, id, overrides, 100 * id])
            }
        }
        try old.close()

        let store = try ResultStore(path: path)
        var info = StoreFixture.run
        info.configuration = "cccccccccccccccc"
        info.variant = nil
        _ = try store.record(run: info, spec: StoreFixture.spec, level: .summary) { StoreFixture.simulate($0) }
        let runs = try store.runKPIs()
        #expect(runs.map(\.configuration) == [nil, nil, "cccccccccccccccc"])
        #expect(runs[1].overrides == ["workers.agents.count=1", "seed=2"])
        #expect(runs[1].seed == 2)
        let summaries = try store.summaries()
        #expect(summaries.map(\.runIDs) == [[1, 2], [3]])
        #expect(summaries[0].kpi("offered")?.estimate == Estimate([100, 200]))
        let stored = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT configuration_hash FROM runs WHERE run_id = 3") }
        #expect(stored == "cccccccccccccccc")
    }
}
