import Foundation
import GRDB
import RouteSim
import RouteSimStore
import Testing

/// Experiments, reserved run ids and the replication summaries read back from a file.
@Suite struct ExperimentStoreTests {
    /// Simulates the fixture's spec as replication `replication` into `store`.
    func record(
        _ store: ResultStore, variant: String?, replication: Int, experiment: Int64?, point: String? = nil,
        runID: Int64? = nil
    ) throws -> Int64 {
        var spec = StoreFixture.spec
        spec.replication = replication
        var info = StoreFixture.run
        info.variant = variant
        info.replication = replication
        info.experimentID = experiment
        info.point = point
        info.runID = runID
        return try store.record(run: info, spec: spec, level: .summary) { _ in
            var simulation = Simulation(spec: spec)
            return simulation.run(sink: nil)
        }
    }

    @Test func summariesGroupReplicationsByVariantAndPoint() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ResultStore(path: folder.appendingPathComponent("x.sqlite").path)
        let experiment = try store.beginExperiment(.compare, arguments: ["compare", "tiny.yaml"])
        for replication in 0..<3 {
            for variant in ["single", "multi"] {
                _ = try record(store, variant: variant, replication: replication, experiment: experiment)
            }
        }
        _ = try record(store, variant: nil, replication: 0, experiment: nil, point: #"{"agents":3}"#)

        let runs = try store.runKPIs()
        #expect(runs.count == 7)
        let summaries = try store.summaries()
        #expect(summaries.map(\.variant) == ["single", "multi", nil])
        #expect(summaries.map(\.replications) == [3, 3, 1])
        #expect(summaries.map(\.command) == ["compare", "compare", nil])
        #expect(summaries[2].point == #"{"agents":3}"#)

        let offered = runs.filter { $0.variant == "single" }.compactMap { $0.value("offered") }
        #expect(summaries[0].kpi("offered")?.estimate == Estimate(offered))
        #expect(summaries[0].queues.map(\.queue) == ["Support"])
        #expect(summaries[2].kpi("offered")?.estimate.halfWidth == .infinity)
        #expect(try store.summaries(experiment: experiment).count == 2)
    }

    @Test func reservedRunIDsDoNotDependOnCommitOrder() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ResultStore(path: folder.appendingPathComponent("x.sqlite").path)
        let first = try store.nextRunID()
        #expect(first == 1)
        _ = try record(store, variant: nil, replication: 1, experiment: nil, runID: first + 1)
        _ = try record(store, variant: nil, replication: 0, experiment: nil, runID: first)
        #expect(try store.runKPIs().map(\.replication) == [0, 1])
        #expect(try store.nextRunID() == 3)
    }

    /// An experiment's row is written with its first run: none while no run is committed (a
    /// first run that fails leaves none), then one, whatever the number of runs.
    @Test func anExperimentIsWrittenWithItsFirstRun() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.sqlite").path
        let store = try ResultStore(path: path)
        let experiments = { try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT command FROM experiments") } }
        let experiment = try store.beginExperiment(.batch, arguments: ["batch", "tiny.yaml"])
        #expect(try experiments() == [])
        var info = StoreFixture.run
        info.experimentID = experiment
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try store.record(run: info, spec: StoreFixture.spec, level: .summary) { _ in throw DiskFull() }
        }
        #expect(try experiments() == [])
        for replication in 0..<2 {
            _ = try record(store, variant: nil, replication: replication, experiment: experiment)
        }
        #expect(try experiments() == ["batch"])
        #expect(try store.runKPIs(experiment: experiment).count == 2)
        #expect(try store.beginExperiment(.sweep, arguments: []) == experiment + 1)
    }
}
