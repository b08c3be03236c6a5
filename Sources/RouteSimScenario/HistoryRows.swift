import RouteSim

/// The rows of a call history's CSV table turned into calls, every problem collected
/// (``CallHistoryReader`` describes the columns).
struct HistoryRows {
    let file: String
    let table: CSVTable
    /// The file's column name for each of ``CallHistoryReader/columns`` the planner mapped.
    let names: [String: String]
    private var problems: [CallHistoryError] = []

    /// How far an answer or a hang-up may come before the arrival and count as a wait of 0:
    /// exports that join two systems' clocks (the IVR's and the ACD's) disagree by a second or two.
    static let clockSkew = 5.0

    init(file: String, table: CSVTable, names: [String: String]) {
        self.file = file
        self.table = table
        self.names = names
    }

    /// The history; throws every problem found.
    mutating func history(clock: inout HistoryClock) throws(CallHistoryErrors) -> CallHistory {
        let header = table.header
        if let line = table.unclosedQuoteLine {
            problems.append(CallHistoryError(source: file, message: "the quoted field that starts on line \(line) is never closed"))
        }
        for (c, name) in header.enumerated() where name.isEmpty || header[..<c].contains(name) {
            problems.append(CallHistoryError(
                source: file, message: name.isEmpty ? "column \(c + 1) of the header has no name" : "column \"\(name)\" is given twice"))
        }
        var index: [String: Int] = [:]
        for name in CallHistoryReader.columns {
            let written = names[name] ?? name
            if let c = header.firstIndex(of: written) {
                index[name] = c
            } else if names[name] != nil {
                problems.append(CallHistoryError(
                    source: "--map", message: "\(name)=\(written): the history \"\(file)\" has no column \"\(written)\"; its columns: "
                        + header.joined(separator: ", ")))
            }
        }
        guard index["arrived_at"] != nil else {
            let mapped = names["arrived_at"].map { " (mapped from \"\($0)\")" } ?? ""
            if names["arrived_at"] == nil {
                problems.append(CallHistoryError(
                    source: file, message: "expected a column \"arrived_at\"\(mapped) in the header (the first line), found: "
                        + (header.isEmpty ? "nothing" : header.joined(separator: ", ")) + "; --map arrived_at=COLUMN names another"))
            }
            throw CallHistoryErrors(cutting: problems, source: file)
        }
        if table.records.isEmpty {
            problems.append(CallHistoryError(source: file, message: "has no calls: expected rows after the header"))
        }

        var calls: [HistoryCall] = []
        calls.reserveCapacity(table.records.count)
        var streams = NameIndex()
        var agents = NameIndex()
        var phantoms = 0
        var kind: HistoryTime?
        var latest = -Double.infinity
        var waiting: [Int] = []
        var absoluteArrivals: [Double] = []
        absoluteArrivals.reserveCapacity(table.records.count)

        for (r, record) in table.records.enumerated() {
            var rowProblems: [String] = []
            let cells = record.fields
            guard cells.count == table.header.count else {
                problems.append(CallHistoryError(
                    source: file, row: r + 1, line: record.line,
                    message: "expected \(table.header.count) fields as in the header, found \(cells.count)"))
                continue
            }
            func cell(_ name: String) -> String? { index[name].flatMap { cells[$0].isEmpty ? nil : cells[$0] } }
            func label(_ name: String) -> String { names[name].map { "\(name) (\($0))" } ?? name }

            var day: Int?
            if let text = cell("date") {
                day = HistoryClock.day(text)
                if day == nil { rowProblems.append("\(label("date")): expected a date like 2025-03-03, 20250303 or 990101, found \"\(text)\"") }
            }
            /// The time in the cell of `name` as seconds on one scale for the whole file; a
            /// time of day later in the call than `after` but smaller is on the next day.
            func time(_ name: String, after: Double? = nil) -> Double? {
                guard let text = cell(name) else { return nil }
                guard let value = clock.time(text) else {
                    rowProblems.append("\(label(name)): expected seconds from a start (90, 1.5h), a date and time "
                        + "(2025-03-03T08:00:05, Z or +01:00 allowed) or a time of day (8:00:05) with a date column, found \"\(text)\"")
                    return nil
                }
                if let kind, kind.kind != value.kind {
                    rowProblems.append("\(label(name)): expected \(kind.kind) as in the first row, found \"\(text)\"")
                    return nil
                }
                if kind == nil { kind = value }
                switch value {
                case .seconds(let seconds), .instant(let seconds):
                    return seconds
                case .timeOfDay(let clockTime):
                    guard index["date"] != nil else {
                        rowProblems.append("\(label(name)): a time of day (\"\(text)\") needs a date column; --map date=COLUMN names it")
                        return nil
                    }
                    guard let day else {
                        if cell("date") == nil { rowProblems.append("\(label("date")): expected a date, found an empty cell") }
                        return nil
                    }
                    var seconds = Double(day) * 86_400 + clockTime
                    if let after, seconds < after - 43_200 { seconds += 86_400 }
                    return seconds
                }
            }

            var outcome: CallOutcome?
            if let text = cell("outcome") {
                switch text.lowercased() {
                case "agent", "answered", "completed": outcome = .answered
                case "hang", "abandoned", "canceled", "cancelled": outcome = .abandoned
                case "phantom":
                    phantoms += 1
                    continue
                default:
                    rowProblems.append("\(label("outcome")): expected AGENT, answered or completed; HANG, abandoned or "
                        + "canceled; or PHANTOM (no call), found \"\(text)\"")
                }
            }
            let arrival = time("arrived_at")
            if cell("arrived_at") == nil { rowProblems.append("\(label("arrived_at")): expected a time, found an empty cell") }
            let answeredAt = outcome == .abandoned ? nil : time("answered_at", after: arrival)
            let endedAt = outcome == .abandoned && cell("hung_up_at") != nil ? nil : time("ended_at", after: answeredAt ?? arrival)
            let hungUpAt = outcome == .answered ? nil : time("hung_up_at", after: arrival)
            var wrapup: Double?
            if let text = cell("wrapup_seconds") {
                wrapup = DurationSyntax.seconds(text).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
                if wrapup == nil { rowProblems.append("\(label("wrapup_seconds")): expected a duration >= 0 like 30 or 1.5m, found \"\(text)\"") }
            }
            let stream = cell("queue") ?? (index["queue"] == nil ? "calls" : nil)
            if stream == nil { rowProblems.append("\(label("queue")): expected the call's queue, found an empty cell") }

            let resolved = outcome ?? (answeredAt != nil ? .answered : (hungUpAt ?? endedAt) != nil ? .abandoned : .waiting)
            var call = HistoryCall(stream: 0, arrival: arrival ?? 0, outcome: resolved, wait: 0)
            switch resolved {
            case .answered:
                if let arrival, let answeredAt, let endedAt {
                    if answeredAt < arrival - Self.clockSkew {
                        rowProblems.append("\(label("answered_at")) is before \(label("arrived_at"))")
                    }
                    if endedAt < answeredAt { rowProblems.append("\(label("ended_at")) is before \(label("answered_at"))") }
                    call.wait = max(answeredAt - arrival, 0)
                    call.handle = endedAt - answeredAt
                    call.wrapup = wrapup
                } else if arrival != nil {
                    if answeredAt == nil, cell("answered_at") == nil {
                        rowProblems.append("\(label("answered_at")): expected when the answered call was answered, found an empty cell")
                    }
                    if endedAt == nil, cell("ended_at") == nil {
                        rowProblems.append("\(label("ended_at")): expected when the answered call ended, found an empty cell")
                    }
                }
            case .abandoned:
                if let arrival, let end = hungUpAt ?? endedAt {
                    if end < arrival - Self.clockSkew { rowProblems.append("the hang-up is before \(label("arrived_at"))") }
                    call.wait = max(end - arrival, 0)
                } else if arrival != nil, hungUpAt == nil, endedAt == nil, cell("hung_up_at") == nil, cell("ended_at") == nil {
                    rowProblems.append("\(label("ended_at")): expected when the caller hung up, found an empty cell")
                }
            case .waiting:
                waiting.append(calls.count)
            }
            guard rowProblems.isEmpty, let arrival, let stream else {
                problems += rowProblems.map { CallHistoryError(source: file, row: r + 1, line: record.line, message: $0) }
                continue
            }
            latest = max(latest, arrival, answeredAt ?? arrival, endedAt ?? arrival, hungUpAt ?? arrival)
            call.stream = streams.index(stream)
            if resolved == .answered { call.agent = cell("agent").map { agents.index($0) } }
            absoluteArrivals.append(arrival)
            calls.append(call)
        }
        guard problems.isEmpty else { throw CallHistoryErrors(cutting: problems, source: file) }
        guard !calls.isEmpty else {
            throw CallHistoryErrors(errors: [CallHistoryError(source: file, message: "has no calls left once PHANTOM rows are left out")])
        }
        for w in waiting { calls[w].wait = latest - absoluteArrivals[w] }
        let dated = kind.map { !$0.isFromStart } ?? false
        let start = dated ? (absoluteArrivals.min()! / 86_400).rounded(.down) * 86_400 : 0
        for c in calls.indices { calls[c].arrival = absoluteArrivals[c] - start }
        let firstDate = dated ? HistoryClock.date(ofDay: Int(start / 86_400)) : nil
        return CallHistory(calls: calls, streams: streams.names, agents: agents.names, phantoms: phantoms, firstDate: firstDate)
    }
}
