import RouteSim
import RouteSimKernel
import Testing

/// Arrival processes: Poisson at a rate, an intraday profile of volumes, fixed times.
@Suite struct ArrivalTests {
    typealias C = TestCenter

    /// Creation times of the callers of one stream, none of whom is ever served.
    static func arrivals(_ process: ArrivalProcess, horizon: Double, seed: UInt64) -> [Double] {
        var spec = C.spec(
            queues: [C.queue("Q", "nobody == true")], workflow: C.workflow([], default: C.target(0)),
            groups: [],
            arrivals: [ArrivalStream(name: "s", channel: C.voice, workflow: 0, timeout: 1, process: process, handleTime: .fixed(1))],
            horizon: horizon)
        spec.seed = seed
        return C.run(spec).0.tasksInOrder.map(\.createdAt)
    }

    @Test func poissonRateGivesTheExpectedCountAndExponentialGaps() {
        let times = Self.arrivals(.poisson(ratePerSecond: 0.5), horizon: 40_000, seed: 3)
        let expected = 20_000.0
        #expect(abs(Double(times.count) - expected) < 5 * expected.squareRoot())
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let variance = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count - 1)
        #expect(abs(mean - 2) < 0.05)
        #expect(abs(variance - 4) < 0.25)
        #expect(times == times.sorted())
    }

    /// Volumes 120, 0, 360 per hour: each hour's count is Poisson with that mean, none in
    /// the empty hour, none after the profile ends.
    @Test func profileVolumesPerPeriod() {
        var perHour = [0.0, 0.0, 0.0, 0.0]
        let replications = 40
        for seed in 1...UInt64(replications) {
            for time in Self.arrivals(.profile(every: 3600, volumes: [120, 0, 360]), horizon: 4 * 3600, seed: seed) {
                perHour[Int(time / 3600)] += 1
            }
        }
        let means = perHour.map { $0 / Double(replications) }
        #expect(abs(means[0] - 120) < 5 * (120.0 / Double(replications)).squareRoot())
        #expect(means[1] == 0)
        #expect(abs(means[2] - 360) < 5 * (360.0 / Double(replications)).squareRoot())
        #expect(means[3] == 0)
    }

    @Test func fixedTimesAndHorizon() {
        #expect(Self.arrivals(.times([0, 5, 5, 9, 12]), horizon: 10, seed: 1) == [0, 5, 5, 9])
    }
}
