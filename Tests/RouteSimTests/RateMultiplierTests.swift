import RouteSim
import RouteSimKernel
import Testing

/// Demand uncertainty: a day-level rate multiplier drawn once per replication from the
/// stream's own random stream.
@Suite struct RateMultiplierTests {
    typealias C = TestCenter

    /// One Poisson stream at `rate` per second for an hour, served by `agents` agents.
    static func spec(agents: Int, rate: Double = 0.1, multiplier: Distribution?, replication: Int) -> SimulationSpec {
        var spec = C.spec(
            queues: [C.queue("Q")], workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agents", count: agents)],
            arrivals: [ArrivalStream(
                name: "calls", channel: C.voice, workflow: 0, process: .poisson(ratePerSecond: rate),
                handleTime: .exponential(mean: 60), patience: .exponential(mean: 120), rateMultiplier: multiplier)],
            horizon: 3600)
        spec.replication = replication
        return spec
    }

    static let uncertain = Distribution.gamma(shape: 16, scale: 0.075)

    @Test func multiplierDiffersAcrossReplications() {
        let stream = Self.spec(agents: 1, multiplier: Self.uncertain, replication: 0).arrivals[0]
        let factors = (0..<20).map { stream.dayMultiplier(seed: 7, replication: $0) }
        #expect(Set(factors).count == 20)
        #expect(factors.allSatisfy { $0 > 0 })
        let counts = (0..<5).map { C.run(Self.spec(agents: 3, multiplier: Self.uncertain, replication: $0)).1.tasksCreated }
        #expect(Set(counts).count > 1)
    }

    /// Common random numbers: the same replication with other staffing gets the same
    /// factor, hence the same callers; the factor does change the callers.
    @Test func multiplierIsTheSameInEveryVariantOfAReplication() {
        func arrivals(agents: Int, multiplier: Distribution?) -> [Double] {
            C.run(Self.spec(agents: agents, multiplier: multiplier, replication: 4)).0.tasksInOrder.map(\.createdAt)
        }
        let few = arrivals(agents: 2, multiplier: Self.uncertain)
        let many = arrivals(agents: 9, multiplier: Self.uncertain)
        #expect(few.count > 200)
        #expect(few == many)
        #expect(few != arrivals(agents: 2, multiplier: nil))
        let stream = Self.spec(agents: 2, multiplier: Self.uncertain, replication: 4).arrivals[0]
        var other = Self.spec(agents: 9, multiplier: Self.uncertain, replication: 4).arrivals[0]
        other.handleTime = .fixed(30)
        #expect(stream.dayMultiplier(seed: 7, replication: 4) == other.dayMultiplier(seed: 7, replication: 4))
    }

    /// Offered per day averages rate x horizon x mean factor: 360 x 1.2 = 432.
    @Test func meanOfferedIsRateTimesMeanMultiplier() {
        let multiplier = Distribution.gamma(shape: 16, scale: 0.075)
        let offered = (0..<200).map { replication in
            Double(C.run(Self.spec(agents: 40, multiplier: multiplier, replication: replication)).1.tasksCreated)
        }
        let estimate = Estimate(offered, confidence: 0.99)
        #expect(estimate.contains(432), "offered \(estimate.mean) ± \(estimate.halfWidth)")
        #expect(estimate.halfWidth < 25)
        // Poisson alone would give a standard deviation of about 21; the factor's sd of 0.3 adds 360 x 0.3.
        #expect(estimate.standardDeviation > 80)
    }

    /// A factor of exactly 1 changes no draw: the key is off the other streams' paths.
    @Test func fixedFactorOneChangesNothing() {
        let plain = C.run(Self.spec(agents: 3, multiplier: nil, replication: 2)).0
        let one = C.run(Self.spec(agents: 3, multiplier: .fixed(1), replication: 2)).0
        #expect(plain.tasksInOrder.count > 200)
        #expect(plain.tasksInOrder == one.tasksInOrder)
        #expect(plain.reservations == one.reservations)
    }

    @Test func profileVolumesAreScaled() {
        var spec = Self.spec(agents: 40, multiplier: .fixed(2), replication: 0)
        spec.arrivals[0].process = .profile(every: 1800, volumes: [100, 0])
        let times = C.run(spec).0.tasksInOrder.map(\.createdAt)
        #expect(abs(Double(times.count) - 200) < 5 * 200.0.squareRoot())
        #expect(times.allSatisfy { $0 < 1800 })
    }
}
