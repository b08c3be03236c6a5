import Foundation
import RouteSim
import RouteSimKernel
import RouteSimScenario
import Testing

/// `routesim fit` shown right: a known scenario simulated, its calls written as a history,
/// fitted, and the fit checked against the truth and against the original runs.
@Suite("Fit round trip")
struct FitRoundTripTests {
    /// Two peaks in the day, per half hour over 8 hours (885 calls a day on average).
    static let volumes = [20.0, 40, 70, 90, 80, 60, 45, 40, 45, 60, 80, 85, 70, 50, 30, 20]
    static let multiplierSD = 0.15
    static let handle = Distribution.lognormal(mean: 240, sd: 120)
    static let patience = Distribution.weibull(shape: 1.5, scale: patienceScale)
    static let patienceScale = 300.0
    static let agents = 12
    static let days = 5

    /// The known scenario: 13 agents for a peak load of 12 Erlangs, lognormal handle times, Weibull patience with a few
    /// percent abandoning, a two-peak profile, a gamma day multiplier.
    static func scenario(seed: UInt64) throws -> SimulationSpec {
        let text = """
            name: known
            horizon: 8h
            interval: 30m
            seed: \(seed)
            task_queues: [{friendly_name: Calls, target_workers: '1==1'}]
            workflows:
              - {friendly_name: Inbound, configuration: {task_routing: {filters: [], default_filter: {queue: Calls}}}}
            workers: [{group: agents, count: \(agents)}]
            arrivals:
              - name: calls
                profile: {every: 30m, volumes: [\(volumes.map { "\($0)" }.joined(separator: ", "))]}
                rate_multiplier: {dist: gamma, mean: 1, sd: \(multiplierSD)}
                handle_time: {dist: lognormal, mean: 240, sd: 120}
                patience: {dist: weibull, shape: 1.5, scale: \(patienceScale)}
            """
        return try ScenarioLoader.load(text: text, path: "known.yaml").spec
    }

    /// `days` replications of `spec`: each one's tasks and interval KPIs, and its events when
    /// `events` is true.
    static func simulate(_ spec: SimulationSpec, days: Int, events: Bool = false) -> [Run] {
        (0..<days).map { day in
            var spec = spec
            spec.replication = day
            let sink = RunCollector()
            var simulation = Simulation(spec: spec)
            let result = simulation.run(sink: sink, recordEvents: events)
            return (sink.tasks, result.intervals.filter { $0.queue == nil }, sink.events)
        }
    }

    /// One simulated day.
    typealias Run = (tasks: [TaskRecord], intervals: [IntervalRecord], events: [EventRecord])

    /// The runs' events one a line, in the Events API's names: day d's times are d days after
    /// the first midnight, SIDs and names made from the run's indexes.
    static func eventLines(_ runs: [Run], spec: SimulationSpec) -> String {
        var lines: [String] = []
        for (day, run) in runs.enumerated() {
            for event in run.events {
                var data: [String] = []
                if let task = event.task { data.append(#""task_sid": "WT\#(day)-\#(task)""#) }
                if let queue = event.queue { data.append(#""task_queue_name": "\#(spec.workspace.taskQueues[queue].friendlyName)""#) }
                if let reservation = event.reservation { data.append(#""reservation_sid": "WR\#(day)-\#(reservation)""#) }
                if let worker = event.worker { data.append(#""worker_name": "agent-\#(worker)""#) }
                if let reason = event.reason { data.append(#""task_canceled_reason": "\#(reason.text)""#) }
                let milliseconds = (event.time + Double(day) * 86_400) * 1000
                lines.append(#"{"event_type": "\#(event.type.name)", "event_date_ms": \#(milliseconds), "event_data": {\#(data.joined(separator: ", "))}}"#)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The runs' calls as a history: day d's times are d days after the first midnight.
    static func history(_ runs: [Run]) -> String {
        var lines = ["arrived_at,queue,answered_at,ended_at,agent"]
        for (day, run) in runs.enumerated() {
            let offset = Double(day) * 86_400
            for task in run.tasks.sorted(by: { $0.createdAt < $1.createdAt }) {
                let arrived = "\(task.createdAt + offset)"
                if let answered = task.assignedAt, let ended = task.wrapupAt ?? task.completedAt, let worker = task.worker {
                    lines.append("\(arrived),calls,\(answered + offset),\(ended + offset),agent-\(worker)")
                } else {
                    lines.append("\(arrived),calls,,\(task.canceledAt! + offset),")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The fit of `days` days of the known scenario run with `seed`, and the runs.
    static func fitted(seed: UInt64) throws -> (fit: HistoryFit, runs: [Run]) {
        let runs = simulate(try scenario(seed: seed), days: days)
        let calls = try CallHistoryReader.read(text: history(runs), file: "known.csv")
        return (HistoryFitter.fit(calls.calls, streams: calls.streams, interval: 1800), runs)
    }

    @Test("round trip: each parameter's 95 % CI covers its true value in about 19 of 20 seeds")
    func coverage() throws {
        let sigma = log1p(0.25).squareRoot()
        let truths: [(name: String, value: Double, pick: (StreamFit) -> FittedParameter?)] = [
            ("handle mu", log(240) - sigma * sigma / 2, { $0.handleFits.first { $0.family == .lognormal }?.parameters[0] }),
            ("handle sigma", sigma, { $0.handleFits.first { $0.family == .lognormal }?.parameters[1] }),
            ("patience shape", 1.5, { $0.patienceFits.first { $0.family == .weibull }?.parameters[0] }),
            ("patience scale", Self.patienceScale, { $0.patienceFits.first { $0.family == .weibull }?.parameters[1] }),
            ("day multiplier sd", Self.multiplierSD, { $0.dayMultiplier?.sd }),
            ("calls a day", Self.volumes.reduce(0, +), { stream in
                let daily = Estimate(stream.dayTotals.map(Double.init))
                return FittedParameter(name: "daily", value: daily.mean, low: daily.low, high: daily.high)
            }),
        ]
        var covered = Array(repeating: 0, count: truths.count)
        var intervalsCovered = 0
        var handleChosen = 0
        var abandonRates: [Double] = []
        for seed in 1...20 {
            let stream = try Self.fitted(seed: UInt64(seed)).fit.streams[0]
            for (t, truth) in truths.enumerated() {
                guard let parameter = truth.pick(stream) else {
                    Issue.record("seed \(seed): no estimate of \(truth.name)")
                    continue
                }
                if parameter.covers(truth.value) { covered[t] += 1 }
            }
            intervalsCovered += zip(stream.volumes, Self.volumes).filter { $0.covers($1) }.count
            if DurationFit.best(stream.handleFits)?.family == .lognormal { handleChosen += 1 }
            abandonRates.append(Double(stream.abandoned) / Double(stream.offered))
        }
        let report = zip(truths, covered).map { "\($0.name) \($1)/20" }.joined(separator: ", ")
        print("fit round trip coverage: \(report), interval volumes \(intervalsCovered)/\(20 * Self.volumes.count); "
            + "lognormal handle chosen \(handleChosen)/20; abandoned \(abandonRates.min()!)-\(abandonRates.max()!)")
        // 16 of 20 or more: a correct 95 % interval covers 15 or fewer times in 20 with probability 0.26 %.
        for (truth, count) in zip(truths, covered) {
            #expect(count >= 16, "\(truth.name): covered \(count) of 20")
        }
        #expect(Double(intervalsCovered) >= 0.9 * Double(20 * Self.volumes.count))
        #expect(handleChosen == 20)
        #expect(abandonRates.allSatisfy { $0 > 0.005 && $0 < 0.1 })
    }

    @Test("censoring: on the same data the naive patience is far off, the censored fit is not")
    func censoring() throws {
        let stream = try Self.fitted(seed: 3).fit.streams[0]
        let naive = try #require(stream.patience.naiveMean)
        let censored = try #require(DurationFit.best(stream.patienceFits))
        let truth = Self.patience.mean
        print("patience: true mean \(truth) s, naive mean \(naive) s, censored \(censored.family) mean \(censored.distribution.mean) s")
        #expect(naive < 0.3 * truth)
        #expect(censored.family == .weibull)
        #expect(abs(censored.distribution.mean - truth) < 0.1 * truth)
    }

    @Test("events: the same days' TaskRouter events fit to what their calls fit to")
    func events() throws {
        let spec = try Self.scenario(seed: 3)
        let runs = Self.simulate(spec, days: Self.days, events: true)
        let fromCalls = try CallHistoryReader.read(text: Self.history(runs), file: "known.csv")
        let fromEvents = try TaskRouterEventsReader.read(text: Self.eventLines(runs, spec: spec), file: "known.jsonl")
        let calls = HistoryFitter.fit(fromCalls.calls, streams: fromCalls.streams, interval: 1800).streams[0]
        let events = HistoryFitter.fit(fromEvents.calls, streams: fromEvents.streams, interval: 1800).streams[0]
        #expect(events.name == "Calls" && calls.name == "calls")
        #expect((events.offered, events.answered, events.abandoned) == (calls.offered, calls.answered, calls.abandoned))
        #expect(events.volumes == calls.volumes)
        #expect(events.handleFits.count == calls.handleFits.count && events.patienceFits.count == calls.patienceFits.count)
        for (a, b) in zip(events.handleFits + events.patienceFits, calls.handleFits + calls.patienceFits) {
            #expect(a.family == b.family)
            #expect(zip(a.parameters, b.parameters).allSatisfy { abs($0.value - $1.value) <= 1e-6 * abs($1.value) })
        }
        #expect(fromEvents.reservations?.created == calls.answered)
    }

    @Test("backtest: the fitted scenario reproduces each interval's offered, answered, abandoned and service level")
    func backtest() throws {
        let (fit, original) = try Self.fitted(seed: 3)
        let scenario = FittedScenario(fit, name: "fitted", source: "known.csv")
        #expect(fit.agentsOnShift != nil && !scenario.text.contains("PLACEHOLDER") && scenario.workers == Self.agents)
        var spec = try ScenarioLoader.load(text: scenario.text, path: "fitted.yaml").spec
        spec.seed = 99
        let refit = Self.simulate(spec, days: 20)
        let kpis: [(String, (KPIs) -> Double?)] = [
            ("offered", { Double($0.offered) }), ("answered", { Double($0.answered) }),
            ("abandoned", { Double($0.abandoned) }), ("service level", { $0.serviceLevel }),
        ]
        var comparisons = 0
        var degenerate = 0
        var misses: [String] = []
        for i in Self.volumes.indices {
            for (name, value) in kpis {
                let before = original.compactMap { value($0.intervals[i].kpis) }
                let after = refit.compactMap { value($0.intervals[i].kpis) }
                guard before.count == Self.days, !after.isEmpty else { continue }
                let ci = Estimate(before)
                // Five equal days (no call abandoned, every call answered in time) give an
                // interval of width 0, which no other mean can fall in: no test, counted apart.
                guard ci.halfWidth > 0 else {
                    degenerate += 1
                    continue
                }
                comparisons += 1
                let mean = after.reduce(0, +) / Double(after.count)
                if !ci.contains(mean) { misses.append("\(name) in interval \(i): \(mean) outside \(ci.low)...\(ci.high)") }
            }
        }
        // At a 5 % miss rate per comparison, more than `bound` misses has probability below 1 %.
        let bound = Self.binomialBound(trials: comparisons, probability: 0.05, tail: 0.01)
        print("backtest: \(misses.count) misses of \(comparisons) comparisons (bound \(bound)), "
            + "\(degenerate) intervals of width 0 left out: \(misses)")
        #expect(comparisons >= 50)
        #expect(misses.count <= bound)
    }

    /// The smallest k with P(X > k) < `tail` for X binomial(`trials`, `probability`).
    static func binomialBound(trials: Int, probability: Double, tail: Double) -> Int {
        var cumulative = 0.0
        var term = pow(1 - probability, Double(trials))
        for k in 0...trials {
            cumulative += term
            if 1 - cumulative < tail { return k }
            term *= Double(trials - k) / Double(k + 1) * probability / (1 - probability)
        }
        return trials
    }
}
