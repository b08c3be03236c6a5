import Foundation
import RouteSim
import RouteSimScenario
import Testing

/// ``MemoryEstimate`` of shipped scenarios and of scenarios made large one way at a time.
struct MemoryEstimateTests {
    /// Every shipped scenario, the benchmarks included, is estimated well under a laptop's memory.
    @Test(arguments: [
        "quickstart.yaml", "bilingual-support.yaml", "chat-multitasking.yaml", "erlang-c.yaml", "single-vs-multi.yaml",
        "trace-day.yaml", "imported/production-day.yaml", "bench/chat.yaml", "bench/mm100.yaml", "bench/skills.yaml",
    ])
    func shippedScenariosFit(name: String) throws {
        let spec = try ScenarioLoader.load(path: Fixtures.shippedScenario(name)).spec
        let streamed = MemoryEstimate(spec: spec, keepsRows: false, keepsEvents: false)
        let buffered = MemoryEstimate(spec: spec, keepsRows: true, keepsEvents: false)
        print("memory estimate \(name): \(Int(streamed.total / 1e6)) MB, rows kept: \(Int(buffered.total / 1e6)) MB")
        #expect(streamed.total < 100e6)
        #expect(buffered.total < 2e9)
        #expect(streamed.rows == 0 && buffered.rows > 0)
    }

    /// Each dimension the engine allocates by shows in its part of the estimate.
    @Test func partsFollowTheirSizes() throws {
        let base = try Fixtures.load(Fixtures.minimal).spec
        let small = MemoryEstimate(spec: base, keepsRows: false, keepsEvents: false)
        let workers = MemoryEstimate(spec: try Fixtures.minimal("workers.g.count", "1000000").spec, keepsRows: false, keepsEvents: false)
        #expect(workers.workers > 100e6 && workers.workers > 10_000 * small.workers)
        let intervals = MemoryEstimate(
            spec: try Fixtures.load(Fixtures.minimal, overrides: [
                Override(keyPath: "horizon", value: "300d"), Override(keyPath: "interval", value: "30s"),
            ]).spec, keepsRows: false, keepsEvents: false)
        #expect(intervals.intervals > 100e6)
        let callers = MemoryEstimate(
            spec: try Fixtures.load(Fixtures.minimal, overrides: [
                Override(keyPath: "horizon", value: "14d"), Override(keyPath: "arrivals.a.rate", value: "1000/s"),
                Override(keyPath: "arrivals.a.timeout", value: "14d"),
            ]).spec, keepsRows: false, keepsEvents: false)
        #expect(callers.callers > 100e9)
        let patient = MemoryEstimate(
            spec: try Fixtures.load(Fixtures.minimal, overrides: [
                Override(keyPath: "horizon", value: "14d"), Override(keyPath: "arrivals.a.rate", value: "1000/s"),
                Override(keyPath: "arrivals.a.timeout", value: "14d"), Override(keyPath: "arrivals.a.patience", value: "1m"),
            ]).spec, keepsRows: false, keepsEvents: false)
        #expect(patient.callers < callers.callers / 1000)
    }
}
