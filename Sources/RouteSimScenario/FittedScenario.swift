import Foundation
import RouteSim
import RouteSimKernel

/// A scenario file written from a ``HistoryFit``: one queue and one arrival stream per fitted
/// stream, every agent in one group serving every queue, first come first served.
///
/// Each stream's arrivals follow its fitted profile from the first interval with calls, with
/// the gamma day multiplier when the days showed over-dispersion; handle time, wrap-up and
/// patience are the families AIC chose (or, with `empiricalQuantiles`, handle time and wrap-up
/// as that many equally likely quantiles). The agents follow the staffing seen per interval
/// (``HistoryFit/agentsOnShift``), in groups with shifts, or, when the history names none, are
/// a placeholder: the peak offered load in Erlangs over 0.85, which the planner is told to set.
/// With `reservations` (TaskRouter's events), the agents answer as the events show: the reject
/// and time-out shares, the answer delay's family by AIC, and the time back after a time-out.
///
/// A scenario has one profile per stream, so the profiles per day of the week are variants,
/// one per day of the week, each setting every stream's volumes and multiplier; `routesim
/// compare` runs them. They are named after the day (`monday`) when the history has dates,
/// and `day0` to `day6` (days from the history's first day, modulo 7) when it has not.
public struct FittedScenario: Sendable {
    /// The scenario's YAML text.
    public var text: String
    /// The agents the scenario has at its busiest.
    public var workers: Int

    /// The scenario `name` for `fit`, read from `source` (named in its opening comment).
    public init(
        _ fit: HistoryFit, name: String, source: String, empiricalQuantiles: Int? = nil, firstDate: String? = nil,
        reservations: ReservationTally? = nil
    ) {
        let every = Self.number(fit.interval)
        var lines = [
            "# Fitted by `routesim fit` from \(source): \(fit.days) day(s), \(fit.streams.count) stream(s), interval \(every) s.",
            "# Time 0 is \(Self.clock(Double(fit.firstInterval) * fit.interval)) on the center's clock.",
            "name: \(Self.quoted(name))",
            "horizon: \(Self.number(Double(fit.intervalCount) * fit.interval))",
            "interval: \(every)",
        ]
        if let firstDate { lines.append("start: \(firstDate)T\(Self.clock(Double(fit.firstInterval) * fit.interval))") }
        lines += ["", "task_queues:"]
        for stream in fit.streams {
            lines.append("  - {friendly_name: \(Self.quoted(stream.name)), target_workers: '1==1'}")
        }
        lines += [
            "", "workflows:", "  - friendly_name: Fitted", "    configuration:", "      task_routing:", "        filters:",
        ]
        for stream in fit.streams {
            lines.append("          - {filter_friendly_name: \(Self.quoted(stream.name)), expression: \(Self.quoted(Self.expression(stream.name))), "
                + "targets: [{queue: \(Self.quoted(stream.name))}]}")
        }
        lines.append("        default_filter: {queue: \(Self.quoted(fit.streams[0].name))}")

        let answer = reservations.flatMap { $0.created > 0 ? Self.answer($0) : nil } ?? []
        lines += ["", "workers:"]
        if let onShift = fit.agentsOnShift {
            let staffing = onShift.map { Int(($0 - 1e-9).rounded(.up)) }
            workers = max(staffing.max() ?? 0, 1)
            lines.append("  # The agents on shift in each interval (from an agent's first answer of a day to the end of its last call, "
                + "mean over the days, rounded up), one group per shift pattern.")
            for (index, group) in Self.shiftGroups(staffing).enumerated() {
                lines += ["  - group: \(index == 0 ? "agents" : "agents-\(index + 1)")", "    count: \(group.count)"]
                if group.runs != [0..<staffing.count] {
                    let shifts = group.runs.map { run in
                        "{start: \(Self.number(Double(run.lowerBound) * fit.interval)), end: \(Self.number(Double(run.upperBound) * fit.interval))}"
                    }
                    lines.append("    shifts: [\(shifts.joined(separator: ", "))]")
                }
                lines += answer
            }
        } else {
            workers = max(Self.placeholder(fit), 1)
            lines.append("  # PLACEHOLDER: the history names no agents. Set the count (the peak offered load / 0.85).")
            lines += ["  - group: agents", "    count: \(workers)"] + answer
        }
        lines += ["", "arrivals:"]
        for stream in fit.streams {
            lines += Self.arrival(stream, fit: fit, empiricalQuantiles: empiricalQuantiles)
        }
        if !fit.weekdays.isEmpty { lines += Self.variants(fit, firstDate: firstDate) }
        text = lines.joined(separator: "\n") + "\n"
    }

    /// The `arrivals` item of one stream.
    private static func arrival(_ stream: StreamFit, fit: HistoryFit, empiricalQuantiles: Int?) -> [String] {
        var lines = [
            "  - name: \(quoted(stream.name))",
            "    channel: voice",
            "    attributes: {stream: \(quoted(stream.name))}",
            "    profile: {every: \(number(fit.interval)), volumes: [\(stream.volumes.map { number($0.value) }.joined(separator: ", "))]}",
        ]
        if let multiplier = stream.dayMultiplier, multiplier.shown {
            lines.append("    rate_multiplier: {dist: gamma, mean: 1, sd: \(number(multiplier.sd.value))}")
        }
        func empirical(_ fitter: DurationFitter, _ count: Int) -> String {
            "{dist: empirical, values: [\(fitter.quantiles(count).map(number).joined(separator: ", "))]}"
        }
        if let count = empiricalQuantiles, !stream.handle.sorted.isEmpty {
            lines.append("    handle_time: \(empirical(stream.handle, count))")
        } else {
            lines.append("    handle_time: \(DurationFit.best(stream.handleFits).map { distribution($0.distribution) } ?? "0")")
        }
        if let wrapup = stream.wrapup {
            if let count = empiricalQuantiles {
                lines.append("    wrapup_time: \(empirical(wrapup, count))")
            } else if let best = DurationFit.best(stream.wrapupFits) {
                lines.append("    wrapup_time: \(distribution(best.distribution))")
            }
        }
        if let best = DurationFit.best(stream.patienceFits) {
            lines.append("    patience: \(distribution(best.distribution))")
        } else {
            lines.append("    # no caller hung up: patience is left out (callers never hang up)")
        }
        return lines
    }

    /// The agents a staffing per interval needs, grouped by the intervals they are on shift:
    /// the k-th agent works the intervals staffed with k or more, and agents with the same
    /// intervals share a group. Each group's intervals as runs of consecutive ones, widest first.
    private static func shiftGroups(_ staffing: [Int]) -> [(count: Int, runs: [Range<Int>])] {
        var groups: [(count: Int, runs: [Range<Int>])] = []
        for level in stride(from: 1, through: staffing.max() ?? 0, by: 1) {
            var runs: [Range<Int>] = []
            for i in staffing.indices where staffing[i] >= level {
                if let last = runs.last, last.upperBound == i {
                    runs[runs.count - 1] = last.lowerBound..<(i + 1)
                } else {
                    runs.append(i..<(i + 1))
                }
            }
            if let last = groups.last, last.runs == runs {
                groups[groups.count - 1].count += 1
            } else {
                groups.append((1, runs))
            }
        }
        return groups
    }

    /// The agents' `answer`, from the reservations' events.
    private static func answer(_ tally: ReservationTally) -> [String] {
        let share = { (count: Int) in number(Double(count) / Double(tally.created)) }
        var lines = [
            "    # How the agents answered \(tally.created) reservations in the events.",
            "    answer:",
            "      reject: \(share(tally.rejected))",
            "      no_answer: \(share(tally.timedOut))",
        ]
        if tally.answerDelays.contains(where: { $0 > 0 }), let best = DurationFit.best(DurationFitter(tally.answerDelays).fits()) {
            lines.append("      delay: \(distribution(best.distribution))")
        }
        if tally.timedOut > 0 {
            if tally.backAfterTimeout.isEmpty {
                lines.append("      # PLACEHOLDER: no agent was seen back after a time-out; set back_after_timeout, or they stay away")
            } else if let best = DurationFit.best(DurationFitter(tally.backAfterTimeout).fits()) {
                lines.append("      back_after_timeout: \(distribution(best.distribution))")
            }
        }
        return lines
    }

    /// One variant per day of the week: each stream's volumes and day multiplier on that day.
    private static func variants(_ fit: HistoryFit, firstDate: String?) -> [String] {
        var lines = [
            "",
            "# The profile of each day of the week (\(HistoryFitter.daysPerWeekday) or more of each in the history); the profiles "
                + "above average them all. Run with `routesim compare FILE --variant \(weekdayName(fit.weekdays[0], firstDate: firstDate)) --variant ...`.",
            "variants:",
        ]
        for (k, weekday) in fit.weekdays.enumerated() {
            lines.append("  \(weekdayName(weekday, firstDate: firstDate)):")
            for (index, stream) in fit.streams.enumerated() {
                let path = "arrivals." + (pathSegment(stream.name) ?? String(index))
                lines.append("    \(quoted(path + ".profile.volumes")): [\(stream.weekdayVolumes[k].map { number($0.value) }.joined(separator: ", "))]")
                let multiplier = stream.weekdayMultiplier.flatMap { $0.shown ? "{dist: gamma, mean: 1, sd: \(number($0.sd.value))}" : nil }
                lines.append("    \(quoted(path + ".rate_multiplier")): \(multiplier ?? "null")")
            }
        }
        return lines
    }

    /// The variant name of a day of the week of ``HistoryFit/weekdays``: `monday` to `sunday`
    /// when the history's first day has a date, `day0` to `day6` otherwise.
    public static func weekdayName(_ weekday: Int, firstDate: String?) -> String {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        // 1970-01-01 was a Thursday.
        return firstDate.flatMap(HistoryClock.day).map { names[($0 + 3 + weekday) % 7] } ?? "day\(weekday)"
    }

    /// `name` as a segment of an override's path, nil when it cannot be one (it has a dot, spaces
    /// at an end, or is a whole number, which would be read as an index).
    private static func pathSegment(_ name: String) -> String? {
        name.contains(".") || name.trimmed != name || name.allSatisfy(\.isNumber) ? nil : name
    }

    /// A fitted distribution in scenario notation.
    private static func distribution(_ distribution: Distribution) -> String {
        switch distribution {
        case .exponential(let mean): "{dist: exponential, mean: \(number(mean))}"
        case .lognormal(let mean, let sd): "{dist: lognormal, mean: \(number(mean)), sd: \(number(sd))}"
        case .gamma(let shape, let scale): "{dist: gamma, shape: \(number(shape)), scale: \(number(scale))}"
        case .weibull(let shape, let scale): "{dist: weibull, shape: \(number(shape)), scale: \(number(scale))}"
        default: number(distribution.mean)
        }
    }

    /// The peak offered load, in agents, over 0.85, rounded up.
    private static func placeholder(_ fit: HistoryFit) -> Int {
        let load = (0..<fit.intervalCount).map { i in
            fit.streams.reduce(0.0) { sum, stream in
                let work = (DurationFit.best(stream.handleFits)?.distribution.mean ?? 0)
                    + (DurationFit.best(stream.wrapupFits)?.distribution.mean ?? 0)
                return sum + stream.volumes[i].value * work / fit.interval
            }
        }
        return Int(((load.max() ?? 0) / 0.85).rounded(.up))
    }

    /// The routing expression that picks a stream's tasks.
    private static func expression(_ name: String) -> String {
        name.contains("\"") ? "stream == '\(name)'" : "stream == \"\(name)\""
    }

    /// A YAML double-quoted scalar (JSON's escapes are YAML's).
    private static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
        let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }

    /// A number with six significant digits, whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.6g", value)
    }

    /// `HH:MM:SS` of seconds from midnight.
    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds)
        return "\(CivilDate.twoDigits(whole / 3600)):\(CivilDate.twoDigits(whole / 60 % 60)):\(CivilDate.twoDigits(whole % 60))"
    }
}
