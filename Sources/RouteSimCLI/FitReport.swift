import Foundation
import RouteSim
import RouteSimScenario

/// The terminal report of `routesim fit`: per stream, every estimate with its standard error
/// or 95 % interval, the families compared, and the naive patience beside the censored one.
struct FitReport {
    var history: String
    var calls: CallHistory
    var fit: HistoryFit
    var scenario: FittedScenario
    var path: String

    func render() -> String {
        var out = "history \(history): \(calls.calls.count.counted("call")) on \(fit.days.counted("day")), "
            + "\(fit.streams.count.counted("stream")), interval \(Self.minutes(fit.interval))"
        if calls.phantoms > 0 { out += " (\(calls.phantoms.counted("PHANTOM row")) left out)" }
        out += "\n"
        for stream in fit.streams { out += "\n" + streamSection(stream) }
        out += "\n"
        if let tally = calls.reservations, tally.created > 0 {
            let delays = tally.answerDelays.isEmpty ? nil : Estimate(tally.answerDelays)
            out += "reservations (from the events): \(tally.created) offered; rejected \(Self.rate(tally.rate(tally.rejected))), "
                + "timed out \(Self.rate(tally.rate(tally.timedOut)))"
                + (delays.map { "; answer delay mean \(Self.seconds($0.mean))" + ($0.count > 1 ? " (\(Self.number($0.low))-\(Self.number($0.high)))" : "") } ?? "")
                + (tally.backAfterTimeout.isEmpty ? "" : "; back after a time-out in \(Self.seconds(Estimate(tally.backAfterTimeout).mean)) on average")
                + "; written as workers.agents.answer\n"
        }
        if let seen = fit.agentsSeen, let onShift = fit.agentsOnShift {
            out += "agents seen at work per interval (mean over the days): peak \(Self.number(seen.max() ?? 0)) busy; "
                + "the scenario has \(scenario.workers) at the peak, on shifts following those on shift\n"
            for (i, agents) in seen.enumerated() {
                out += "    \(Self.clock(Double(fit.firstInterval + i) * fit.interval))  \(Self.number(agents)) busy, "
                    + "\(Self.number(onShift[i])) on shift\n"
            }
        } else {
            out += "agents: the history names none; the scenario has a PLACEHOLDER of \(scenario.workers) "
                + "(peak offered load / 0.85): set workers.agents.count\n"
        }
        out += "wrote \(path): check it with `routesim validate \(path)`, run it with `routesim run \(path)`\n"
        return out
    }

    /// One stream: counts, arrivals, handle time, wrap-up and patience.
    private func streamSection(_ stream: StreamFit) -> String {
        let abandonRate = stream.offered > 0 ? Double(stream.abandoned) / Double(stream.offered) : 0
        var out = "stream \"\(stream.name)\": \(stream.offered) offered, \(stream.answered) answered, "
            + "\(stream.abandoned) abandoned (\(Self.percent(abandonRate))), \(stream.waiting) still waiting at the end\n"
        let daily = Estimate(stream.dayTotals.map(Double.init))
        out += "  calls a day: \(Self.number(daily.mean))"
            + (daily.count > 1 ? " (95 % CI \(Self.number(daily.low))-\(Self.number(daily.high)))" : "") + "\n"
        if let multiplier = stream.dayMultiplier {
            out += "  day multiplier (gamma, mean 1): sd \(Self.interval(multiplier.sd)), likelihood ratio "
                + "\(Self.number(multiplier.likelihoodRatio)) over \(multiplier.days) days: "
                + (multiplier.shown ? "shown (written as rate_multiplier)" : "not shown at 5 % (left out)") + "\n"
        } else {
            out += "  day multiplier: one day says nothing about day-to-day variation (left out)\n"
        }
        if !stream.weekdayVolumes.isEmpty {
            let totals = zip(fit.weekdays, stream.weekdayVolumes).map { weekday, volumes in
                "\(FittedScenario.weekdayName(weekday, firstDate: calls.firstDate)) \(Self.number(volumes.reduce(0) { $0 + $1.value }))"
            }
            out += "  calls a day by day of the week (written as variants): \(totals.joined(separator: ", "))\n"
            if let multiplier = stream.weekdayMultiplier {
                out += "  day multiplier within a day of the week: sd \(Self.interval(multiplier.sd)), likelihood ratio "
                    + "\(Self.number(multiplier.likelihoodRatio)): " + (multiplier.shown ? "shown" : "not shown at 5 % (left out)") + "\n"
            }
        }
        out += "  volume per interval (mean over the days, 95 % CI):\n"
        for (i, volume) in stream.volumes.enumerated() where volume.value > 0 || i == 0 {
            let start = Double(fit.firstInterval + i) * fit.interval
            out += "    \(Self.clock(start))  \(Self.number(volume.value)) (\(Self.number(max(volume.low, 0)))-\(Self.number(volume.high)))\n"
        }
        out += familyTable("handle time", count: "\(stream.handle.sorted.count) answered", fits: stream.handleFits, goodness: true)
        if let wrapup = stream.wrapup {
            out += familyTable("wrap-up", count: "\(wrapup.sorted.count) recorded", fits: stream.wrapupFits, goodness: true)
        }
        out += familyTable(
            "patience", count: "\(stream.patience.abandoned.count) hung up, \(stream.patience.censored.count) censored by an answer "
                + "or the end after a wait > 0",
            fits: stream.patienceFits, goodness: false)
        let km = stream.kaplanMeier
        let best = DurationFit.best(stream.patienceFits)
        let naive = stream.patience.naiveMean.map(Self.seconds) ?? "none (no one hung up)"
        out += "    naive mean (hung-up callers only, ignores the censored): \(naive); censored fit's mean: "
            + (best.map { Self.seconds($0.distribution.mean) } ?? "none") + "\n"
        out += "    Kaplan-Meier median: " + (km.quantile(survival: 0.5).map(Self.seconds) ?? "beyond the longest wait seen")
            + (best.map { fit in "; fitted median: " + Self.seconds(Self.median(fit)) } ?? "") + "\n"
        return out
    }

    /// The families fitted to one duration, the chosen one starred.
    private func familyTable(_ title: String, count: String, fits: [DurationFit], goodness: Bool) -> String {
        var out = "  \(title) (\(count)):\n"
        guard let best = DurationFit.best(fits) else { return out + "    too few values to fit\n" }
        for fit in fits.sorted(by: { $0.aic < $1.aic }) {
            let parameters = fit.parameters.map { "\($0.name) \(Self.interval($0))" }.joined(separator: ", ")
            out += "    \(fit.family == best.family ? "*" : " ") \(fit.family.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) "
                + "\(parameters); mean \(Self.seconds(fit.distribution.mean)); AIC \(Self.number(fit.aic))"
                + (goodness ? "; KS \(Self.number(fit.kolmogorovSmirnov ?? .nan))" : "") + "\n"
        }
        return out
    }

    /// The fitted median: where the fitted CDF crosses one half (bisection).
    private static func median(_ fit: DurationFit) -> Double {
        var (low, high) = (0.0, max(fit.distribution.mean, 1))
        while fit.cdf(high) < 0.5 { high *= 2 }
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if fit.cdf(middle) < 0.5 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// `value (low-high)`.
    private static func interval(_ parameter: FittedParameter) -> String {
        "\(number(parameter.value)) (\(number(parameter.low))-\(number(parameter.high)))"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        return abs(value) >= 100 ? String(format: "%.0f", value) : String(format: "%.3g", value)
    }

    static func seconds(_ value: Double) -> String { number(value) + " s" }

    /// An interval length: `30 min`, or seconds when it is not whole minutes.
    static func minutes(_ value: Double) -> String {
        value.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(value) / 60) min" : seconds(value)
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }

    /// A rate with its interval, in percent.
    static func rate(_ parameter: FittedParameter?) -> String {
        guard let parameter else { return "none" }
        return percent(parameter.value) + " (\(percent(max(parameter.low, 0)))-\(percent(min(parameter.high, 1))))"
    }

    /// `HH:MM` of seconds from midnight.
    static func clock(_ seconds: Double) -> String {
        let minutes = Int(seconds) / 60
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
