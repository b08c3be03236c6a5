/// Fits a ``HistoryFit`` from the calls of a contact center's history.
///
/// A day is a calendar day of the center's clock (the calls' `arrival` divided by 86,400 s);
/// an interval of the day starts at a multiple of `interval` from midnight. Volumes are
/// averaged over the days with at least one call in any stream, so a closed day (no calls at
/// all) is not counted as a quiet one.
///
/// A day of the week is a day's number modulo 7 (0 = the history's first day). When the history
/// has at least ``daysPerWeekday`` days of each day of the week it has, and more than one day
/// of the week, each stream also gets a profile per day of the week and a day multiplier
/// within them.
public enum HistoryFitter {
    /// The days of each day of the week a history needs for a profile per day of the week.
    public static let daysPerWeekday = 3


    /// The fit of `calls`, whose `stream` indexes `streams`. O(n log n) for n calls (the sorts
    /// of the fits), memory O(n).
    public static func fit(_ calls: [HistoryCall], streams: [String], interval: Double) -> HistoryFit {
        let perDay = Int((86_400 / interval).rounded(.up))
        let callDays = calls.map { day(of: $0.arrival) }
        let dayNumbers = Set(callDays).sorted()
        let dayIndex = Dictionary(uniqueKeysWithValues: dayNumbers.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: dayNumbers.count * perDay), count: streams.count)
        for (call, callDay) in zip(calls, callDays) {
            let slot = min(Int((call.arrival - Double(callDay) * 86_400) / interval), perDay - 1)
            counts[call.stream][dayIndex[callDay]! * perDay + slot] += 1
        }
        let used = (0..<perDay).filter { i in counts.contains { c in dayNumbers.indices.contains { c[$0 * perDay + i] > 0 } } }
        let first = used.first ?? 0
        let count = (used.last ?? 0) - first + 1
        let days = max(dayNumbers.count, 1)
        let weekdayOfDay = dayNumbers.map { $0 % 7 }
        let present = Set(weekdayOfDay).sorted()
        let weekdays = present.count > 1 && present.allSatisfy { w in weekdayOfDay.count(where: { $0 == w }) >= daysPerWeekday }
            ? present : []

        var byStream = Array(repeating: [HistoryCall](), count: streams.count)
        for call in calls { byStream[call.stream].append(call) }
        let fits = streams.indices.map { s in
            let volumes = (first..<(first + count)).map { i in
                volume(dayNumbers.indices.map { Double(counts[s][$0 * perDay + i]) })
            }
            let dayCounts = dayNumbers.indices.map { d in Array(counts[s][(d * perDay + first)..<(d * perDay + first + count)]) }
            var fit = streamFit(name: streams[s], calls: byStream[s], volumes: volumes, dayCounts: dayCounts)
            if !weekdays.isEmpty {
                fit.weekdayVolumes = weekdays.map { w in
                    (first..<(first + count)).map { i in
                        volume(dayNumbers.indices.filter { weekdayOfDay[$0] == w }.map { Double(counts[s][$0 * perDay + i]) })
                    }
                }
                fit.weekdayMultiplier = DayMultiplierFit(dayTotals: fit.dayTotals, groups: weekdayOfDay)
            }
            return fit
        }
        let spans = busySpans(calls)
        let agents = agentsSeen(spans, days: dayIndex, perDay: perDay, interval: interval)
        let onShift = agentsOnShift(spans, days: dayIndex, perDay: perDay, interval: interval)
        return HistoryFit(
            interval: interval, firstInterval: first, intervalCount: count, days: days, weekdays: weekdays, streams: fits,
            agentsSeen: agents.map { Array($0[first..<(first + count)]) },
            agentsOnShift: onShift.map { Array($0[first..<(first + count)]) })
    }

    /// The day number of a time (days from the history's first midnight).
    private static func day(of time: Double) -> Int { Int((time / 86_400).rounded(.down)) }

    /// The mean of one interval's counts over the days, with its Student-t 95 % interval (for
    /// one day, Poisson's mean ± 1.96·√mean).
    private static func volume(_ counts: [Double]) -> FittedParameter {
        guard counts.count > 1 else {
            let mean = counts.first ?? 0
            return FittedParameter(name: "volume", value: mean, standardError: mean.squareRoot(), positive: false)
        }
        let estimate = Estimate(counts)
        return FittedParameter(name: "volume", value: estimate.mean, low: estimate.low, high: estimate.high)
    }

    /// Every estimate of one stream.
    private static func streamFit(
        name: String, calls: [HistoryCall], volumes: [FittedParameter], dayCounts: [[Int]]
    ) -> StreamFit {
        let answered = calls.filter { $0.outcome == .answered }
        let handle = DurationFitter(answered.compactMap(\.handle))
        let wrapupTimes = answered.compactMap(\.wrapup)
        let wrapup = wrapupTimes.isEmpty ? nil : DurationFitter(wrapupTimes)
        let patience = PatienceFitter(
            abandoned: calls.filter { $0.outcome == .abandoned }.map(\.wait),
            censored: calls.filter { $0.outcome != .abandoned }.map(\.wait))
        var fit = StreamFit(
            name: name, offered: calls.count, answered: answered.count,
            abandoned: patience.abandoned.count, waiting: calls.count(where: { $0.outcome == .waiting }),
            volumes: volumes, dayCounts: dayCounts, dayMultiplier: nil,
            handle: handle, handleFits: handle.fits(), wrapup: wrapup, wrapupFits: wrapup?.fits() ?? [],
            patience: patience, patienceFits: patience.fits(), kaplanMeier: patience.kaplanMeier())
        fit.dayMultiplier = DayMultiplierFit(dayTotals: fit.dayTotals)
        return fit
    }

    /// An agent busy with one call, from its answer to the end of its wrap-up.
    private typealias BusySpan = (agent: Int, start: Double, end: Double)

    /// The busy span of each answered call that names its agent.
    private static func busySpans(_ calls: [HistoryCall]) -> [BusySpan] {
        calls.compactMap { call in
            guard call.outcome == .answered, let agent = call.agent else { return nil }
            let start = call.arrival + call.wait
            return (agent, start, start + (call.handle ?? 0) + (call.wrapup ?? 0))
        }
    }

    /// Agents on shift in each interval of the day, mean over the days: an agent is on shift
    /// on a day from the answer of its first call that day to the end of its last call's
    /// wrap-up (a span past midnight ends at midnight); nil when no call names an agent.
    private static func agentsOnShift(_ busy: [BusySpan], days: [Int: Int], perDay: Int, interval: Double) -> [Double]? {
        var spans: [DaySpanKey: (start: Double, end: Double)] = [:]
        for (agent, start, end) in busy {
            let key = DaySpanKey(day: day(of: start), agent: agent)
            let span = spans[key] ?? (start, end)
            spans[key] = (min(span.start, start), max(span.end, end))
        }
        guard !spans.isEmpty else { return nil }
        var total = Array(repeating: 0, count: perDay)
        for (key, span) in spans where days[key.day] != nil {
            let midnight = Double(key.day) * 86_400
            let first = Int((span.start - midnight) / interval)
            let last = min(Int((span.end - midnight) / interval), perDay - 1)
            for i in first...max(first, last) { total[i] += 1 }
        }
        return total.map { Double($0) / Double(max(days.count, 1)) }
    }

    /// Distinct agents busy with a call (from answer to the end of wrap-up) in each interval of
    /// the day, mean over the days; nil when no call names an agent.
    private static func agentsSeen(_ spans: [BusySpan], days: [Int: Int], perDay: Int, interval: Double) -> [Double]? {
        var busy: [Int: Set<Int>] = [:]
        for (agent, start, end) in spans {
            var slotStart = (start / interval).rounded(.down) * interval
            while slotStart <= end {
                let dayNumber = Int((slotStart / 86_400).rounded(.down))
                if let d = days[dayNumber] {
                    let i = Int((slotStart - Double(dayNumber) * 86_400) / interval)
                    busy[d * perDay + min(i, perDay - 1), default: []].insert(agent)
                }
                slotStart += interval
            }
        }
        guard !busy.isEmpty else { return nil }
        var mean = Array(repeating: 0.0, count: perDay)
        for (key, agents) in busy { mean[key % perDay] += Double(agents.count) / Double(max(days.count, 1)) }
        return mean
    }
}
