import RouteSim
import RouteSimKernel
import Testing

/// The engine against exact queueing results (docs/validation.md, The cases): each case is run
/// for several independent replications with a warm-up, and the known value must lie in
/// the 95 % confidence interval of the replication means.
@Suite struct ValidationTests {
    typealias C = TestCenter

    /// An M/M/c(+M) center: one FIFO queue, `agents` agents, Poisson arrivals at `rate`
    /// per second, exponential handle times and (optionally) exponential patience.
    static func center(agents: Int, rate: Double, handle: Double, patience: Double?, horizon: Double,
                       warmup: Double, threshold: Double, replication: Int) -> SimulationSpec {
        var spec = ValidationCase.center(
            agents: agents, arrivalRate: rate, meanHandle: handle, meanPatience: patience, horizon: horizon,
            warmup: warmup, threshold: threshold)
        spec.replication = replication
        spec.seed = 2026
        return spec
    }

    /// E1, 14 agents: P(wait > 0) = 0.174132, SL(20 s) = 0.888350,
    /// ASA = 7.836 s, occupancy = 10/14.
    @Test func erlangCFourteenAgents() {
        var waited: [Double] = []
        var serviceLevel: [Double] = []
        var asa: [Double] = []
        var occupancy: [Double] = []
        for replication in 0..<10 {
            let spec = Self.center(agents: 14, rate: 1.0 / 18, handle: 180, patience: nil, horizon: 200 * 3600,
                                   warmup: 2 * 3600, threshold: 20, replication: replication)
            let counter = WaitTally(warmup: spec.warmup)
            var simulation = Simulation(spec: spec)
            let result = simulation.run(sink: counter)
            waited.append(Double(counter.waited) / Double(counter.tasks))
            serviceLevel.append(result.summary.serviceLevel ?? .nan)
            asa.append(result.summary.asa ?? .nan)
            occupancy.append(result.summary.occupancy ?? .nan)
            #expect(result.summary.abandoned == 0)
        }
        let pWait = Estimate(waited)
        let sl = Estimate(serviceLevel)
        let speed = Estimate(asa)
        let busy = Estimate(occupancy)
        #expect(pWait.contains(0.174132), "P(wait > 0) \(pWait.mean) ± \(pWait.halfWidth)")
        #expect(sl.contains(0.888350), "SL(20 s) \(sl.mean) ± \(sl.halfWidth)")
        #expect(speed.contains(7.836), "ASA \(speed.mean) ± \(speed.halfWidth)")
        #expect(busy.contains(10.0 / 14), "occupancy \(busy.mean) ± \(busy.halfWidth)")
        #expect(pWait.halfWidth < 0.01)
    }

    /// E3: M/M/c+M with theta = mu turns into M/M/infinity: with lambda 10,
    /// mu = theta = 1 and c = 10, P(wait > 0) = P(Poisson(10) >= 10) = 0.542070 and
    /// P(abandon) = 0.125110; and the mean wait of all arrivals equals P(abandon) / theta.
    @Test func erlangAIdentities() {
        var waited: [Double] = []
        var abandoned: [Double] = []
        var littleGap: [Double] = []
        for replication in 0..<10 {
            let spec = Self.center(agents: 10, rate: 10, handle: 1, patience: 1, horizon: 4_000,
                                   warmup: 50, threshold: 1, replication: replication)
            let counter = WaitTally(warmup: spec.warmup)
            var simulation = Simulation(spec: spec)
            let result = simulation.run(sink: counter)
            let abandonRate = Double(result.summary.abandoned) / Double(result.summary.offered)
            waited.append(Double(counter.waited) / Double(counter.tasks))
            abandoned.append(abandonRate)
            littleGap.append(counter.waitTotal / Double(counter.tasks) - abandonRate / 1)
        }
        let pWait = Estimate(waited)
        let pAbandon = Estimate(abandoned)
        let gap = Estimate(littleGap)
        #expect(pWait.contains(0.542070), "P(wait > 0) \(pWait.mean) ± \(pWait.halfWidth)")
        #expect(pAbandon.contains(0.125110), "P(abandon) \(pAbandon.mean) ± \(pAbandon.halfWidth)")
        #expect(gap.contains(0), "mean wait - P(abandon)/theta \(gap.mean) ± \(gap.halfWidth)")
        #expect(pAbandon.halfWidth < 0.005)
    }

    /// E4: one agent with up to 3 chats, single-chat handle 6 min
    /// exponential, 0.15 arrivals per minute. beta 0 is M/M/3 (A = 0.9): P(wait > 0)
    /// 0.07003, mean number in system 0.93001, mean queue wait 0.20008 min. beta 1 is
    /// processor sharing at one agent's speed, i.e. M/M/1 with rho 0.9: mean number in
    /// system 9.0, busy 90 % of the time.
    @Test(arguments: [0.0, 1.0])
    func multitaskingExtremes(beta: Double) {
        let rate = 0.15 / 60
        var inSystem: [Double] = []
        var waited: [Double] = []
        var queueWait: [Double] = []
        var busy: [Double] = []
        for replication in 0..<10 {
            var speeds = Array(repeating: MultitaskingSpeed.none, count: Workspace.defaultTaskChannels.count)
            speeds[C.chat] = .linear(beta: beta)
            var spec = C.spec(
                queues: [C.queue("Chat")],
                workflow: C.workflow([], default: C.target(0)),
                groups: [C.group("agent", capacities: [C.chat: 3])],
                arrivals: [ArrivalStream(
                    name: "chats", channel: C.chat, workflow: 0, process: .poisson(ratePerSecond: rate),
                    handleTime: .exponential(mean: 360))],
                horizon: 1_000 * 3600, multitasking: speeds)
            spec.warmup = 20 * 3600
            spec.replication = replication
            spec.seed = 44
            let counter = WaitTally(warmup: spec.warmup)
            var simulation = Simulation(spec: spec)
            let result = simulation.run(sink: counter)
            inSystem.append(rate * counter.sojournTotal / Double(counter.tasks))
            waited.append(Double(counter.waited) / Double(counter.tasks))
            queueWait.append(counter.waitTotal / Double(counter.tasks) / 60)
            busy.append(result.summary.occupancy ?? .nan)
        }
        let l = Estimate(inSystem)
        let occupancy = Estimate(busy)
        if beta == 0 {
            let pWait = Estimate(waited)
            let wq = Estimate(queueWait)
            #expect(l.contains(0.93001), "L \(l.mean) ± \(l.halfWidth)")
            #expect(pWait.contains(0.07003), "P(wait > 0) \(pWait.mean) ± \(pWait.halfWidth)")
            #expect(wq.contains(0.20008), "Wq \(wq.mean) ± \(wq.halfWidth) min")
        } else {
            #expect(l.contains(9.0), "L \(l.mean) ± \(l.halfWidth)")
            #expect(occupancy.contains(0.9), "busy \(occupancy.mean) ± \(occupancy.halfWidth)")
            #expect(l.halfWidth < 1.5)
        }
    }

    @Test func sameSeedSameRowsOtherSeedOtherRows() {
        func rows(seed: UInt64) -> ([TaskRecord], [ReservationRecord], [ActivitySpanRecord]) {
            var spec = Self.center(agents: 3, rate: 1.0 / 60, handle: 150, patience: 120, horizon: 8 * 3600,
                                   warmup: 0, threshold: 20, replication: 0)
            spec.seed = seed
            spec.workerGroups[0].answer = AnswerBehavior(
                delay: .lognormal(mean: 4, sd: 2), reject: 0.05, noAnswer: 0.05, backAfterTimeout: .exponential(mean: 60))
            let (sink, _) = C.run(spec)
            return (sink.tasks, sink.reservations, sink.spans)
        }
        let first = rows(seed: 11)
        let again = rows(seed: 11)
        let other = rows(seed: 12)
        #expect(first.0.count > 300)
        #expect(first.0 == again.0)
        #expect(first.1 == again.1)
        #expect(first.2 == again.2)
        #expect(first.0 != other.0)
    }

    /// Common random numbers: more agents must not change the callers' arrival times and
    /// work, only how they are served.
    @Test func callersDoNotDependOnStaffing() {
        func callers(agents: Int) -> [Double] {
            var spec = Self.center(agents: agents, rate: 1.0 / 30, handle: 200, patience: 300, horizon: 4 * 3600,
                                   warmup: 0, threshold: 20, replication: 3)
            spec.seed = 5
            return C.run(spec).0.tasksInOrder.map(\.createdAt)
        }
        #expect(callers(agents: 4) == callers(agents: 9))
    }

    @Test func studentQuantiles() {
        #expect(abs(StudentT.quantile(confidence: 0.95, degreesOfFreedom: 9) - 2.262157) < 1e-6)
        #expect(abs(StudentT.quantile(confidence: 0.95, degreesOfFreedom: 60) - 2.000298) < 1e-6)
        #expect(abs(StudentT.quantile(confidence: 0.99, degreesOfFreedom: 1000) - 2.580755) < 1e-6)
        let estimate = Estimate([1, 2, 3, 4])
        #expect(estimate.mean == 2.5)
        #expect(abs(estimate.halfWidth - 3.182446 * (5.0 / 3).squareRoot() / 2) < 1e-6)
    }
}
