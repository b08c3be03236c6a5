import RouteSim

/// The rows of a call history's CSV text turned into calls one at a time, every problem
/// collected (``CallHistoryReader`` describes the columns).
struct HistoryRows {
    let file: String
    /// The file's column name for each of ``CallHistoryReader/columns`` the planner mapped.
    let names: [String: String]
    private var problems: [CallHistoryError] = []
    /// The position in a row of each of ``CallHistoryReader/columns``, once the header is read.
    private var positions: [Int?] = []
    private var header: [String]?
    private var calls: [HistoryCall] = []
    private var absoluteArrivals: [Double] = []
    private var waiting: [Int] = []
    private var streams = NameIndex()
    private var agents = NameIndex()
    private var phantoms = 0
    /// The kind of time of the first row's arrival; every time must be of it.
    private var kind: HistoryTime?
    private var latest = -Double.infinity

    /// How far an answer or a hang-up may come before the arrival and count as a wait of 0:
    /// exports that join two systems' clocks (the IVR's and the ACD's) disagree by a second or two.
    static let clockSkew = 5.0

    init(file: String, names: [String: String]) {
        self.file = file
        self.names = names
    }

    /// The history in `text`; throws every problem found.
    mutating func history(_ text: String, clock: inout HistoryClock) throws(CallHistoryErrors) -> CallHistory {
        var number = 0
        let unclosed = CSVTable.forEachRecord(text) { record in
            guard header != nil else {
                readHeader(record.fields)
                return
            }
            number += 1
            if positions[0] != nil { read(record, number: number, clock: &clock) }
        }
        if let unclosed {
            problems.insert(CallHistoryError(source: file, message: CSVChecks.unclosedQuote(line: unclosed)), at: 0)
        }
        if header != nil, positions[0] != nil, number == 0 {
            problems.append(CallHistoryError(source: file, message: "has no calls: expected rows after the header"))
        }
        if header == nil { readHeader([]) }
        guard problems.isEmpty else { throw CallHistoryErrors(cutting: problems, source: file) }
        guard !calls.isEmpty else {
            throw CallHistoryErrors(errors: [CallHistoryError(source: file, message: "has no calls left once PHANTOM rows are left out")])
        }
        for w in waiting { calls[w].wait = latest - absoluteArrivals[w] }
        let dated = kind.map { !$0.isFromStart } ?? false
        let start = dated ? (absoluteArrivals.min()! / 86_400).rounded(.down) * 86_400 : 0
        for c in calls.indices { calls[c].arrival = absoluteArrivals[c] - start }
        let firstDate = dated ? CivilDate(daysSince1970: Int(start / 86_400)).text : nil
        return CallHistory(calls: calls, streams: streams.names, agents: agents.names, phantoms: phantoms, firstDate: firstDate)
    }

    /// Finds each column in `fields`, the header, reporting names it lacks.
    private mutating func readHeader(_ fields: [String]) {
        header = fields
        problems += CSVChecks.headerNames(fields).map { CallHistoryError(source: file, message: $0) }
        positions = CallHistoryReader.columns.map { name in
            let written = names[name] ?? name
            if let c = fields.firstIndex(of: written) { return c }
            if names[name] != nil {
                problems.append(CallHistoryError(
                    source: "--map", message: "\(name)=\(written): the history \"\(file)\" has no column \"\(written)\"; its columns: "
                        + fields.joined(separator: ", ")))
            }
            return nil
        }
        if positions[0] == nil, names["arrived_at"] == nil {
            problems.append(CallHistoryError(
                source: file, message: CSVChecks.missingColumn("arrived_at", in: fields) + "; --map arrived_at=COLUMN names another"))
        }
    }

    /// Reads one data row into a call, or its problems.
    private mutating func read(_ record: CSVTable.Record, number: Int, clock: inout HistoryClock) {
        let cells = record.fields
        guard let header, cells.count == header.count else {
            problems.append(CallHistoryError(
                source: file, row: number, line: record.line,
                message: "expected \(header?.count ?? 0) fields as in the header, found \(cells.count)"))
            return
        }
        var rowProblems: [String] = []
        let positions = self.positions
        /// The non-empty cell of column `c` of ``CallHistoryReader/columns``.
        func cell(_ c: Int) -> String? { positions[c].flatMap { cells[$0].isEmpty ? nil : cells[$0] } }
        func label(_ c: Int) -> String {
            let name = CallHistoryReader.columns[c]
            return names[name].map { "\(name) (\($0))" } ?? name
        }
        let (arrivedAt, queue, answeredAtColumn, endedAtColumn, hungUpAtColumn, date, outcomeColumn, wrapupColumn, agent) =
            (0, 1, 2, 3, 4, 5, 6, 7, 8)

        var day: Int?
        if let text = cell(date) {
            day = HistoryClock.day(text)
            if day == nil { rowProblems.append("\(label(date)): expected a date like 2025-03-03, 20250303 or 990101, found \"\(text)\"") }
        }
        /// The time in column `c` as seconds on one scale for the whole file; a time of day
        /// more than 12 hours before `after` is on the next day.
        func time(_ c: Int, after: Double? = nil) -> Double? {
            guard let text = cell(c) else { return nil }
            guard let value = clock.time(text) else {
                rowProblems.append("\(label(c)): expected seconds from a start (90, 1.5h), a date and time "
                    + "(2025-03-03T08:00:05, Z or +01:00 allowed) or a time of day (8:00:05) with a date column, found \"\(text)\"")
                return nil
            }
            if let kind, kind.kind != value.kind {
                rowProblems.append("\(label(c)): expected \(kind.kind) as in the first row, found \"\(text)\"")
                return nil
            }
            if kind == nil { kind = value }
            switch value {
            case .seconds(let seconds), .instant(let seconds):
                return seconds
            case .timeOfDay(let clockTime):
                guard positions[date] != nil else {
                    rowProblems.append("\(label(c)): a time of day (\"\(text)\") needs a date column; --map date=COLUMN names it")
                    return nil
                }
                guard let day else {
                    if cell(date) == nil { rowProblems.append("\(label(date)): expected a date, found an empty cell") }
                    return nil
                }
                var seconds = Double(day) * 86_400 + clockTime
                if let after, seconds < after - 43_200 { seconds += 86_400 }
                return seconds
            }
        }

        var outcome: CallOutcome?
        if let text = cell(outcomeColumn) {
            switch text.lowercased() {
            case "agent", "answered", "completed": outcome = .answered
            case "hang", "abandoned", "canceled", "cancelled": outcome = .abandoned
            case "phantom":
                phantoms += 1
                return
            default:
                rowProblems.append("\(label(outcomeColumn)): expected AGENT, answered or completed; HANG, abandoned or "
                    + "canceled; or PHANTOM (no call), found \"\(text)\"")
            }
        }
        let arrival = time(arrivedAt)
        if cell(arrivedAt) == nil { rowProblems.append("\(label(arrivedAt)): expected a time, found an empty cell") }
        let answeredAt = outcome == .abandoned ? nil : time(answeredAtColumn, after: arrival)
        let endedAt = outcome == .abandoned && cell(hungUpAtColumn) != nil ? nil : time(endedAtColumn, after: answeredAt ?? arrival)
        let hungUpAt = outcome == .answered ? nil : time(hungUpAtColumn, after: arrival)
        var wrapup: Double?
        if let text = cell(wrapupColumn) {
            wrapup = DurationSyntax.seconds(text).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            if wrapup == nil { rowProblems.append("\(label(wrapupColumn)): expected a duration >= 0 like 30 or 1.5m, found \"\(text)\"") }
        }
        let stream = cell(queue) ?? (positions[queue] == nil ? "calls" : nil)
        if stream == nil { rowProblems.append("\(label(queue)): expected the call's queue, found an empty cell") }

        let resolved = outcome ?? (answeredAt != nil ? .answered : (hungUpAt ?? endedAt) != nil ? .abandoned : .waiting)
        var call = HistoryCall(stream: 0, arrival: 0, outcome: resolved, wait: 0)
        switch resolved {
        case .answered:
            if let arrival, let answeredAt, let endedAt {
                if answeredAt < arrival - Self.clockSkew {
                    rowProblems.append("\(label(answeredAtColumn)) is before \(label(arrivedAt))")
                }
                if endedAt < answeredAt { rowProblems.append("\(label(endedAtColumn)) is before \(label(answeredAtColumn))") }
                call.wait = max(answeredAt - arrival, 0)
                call.handle = endedAt - answeredAt
                call.wrapup = wrapup
            } else if arrival != nil {
                if answeredAt == nil, cell(answeredAtColumn) == nil {
                    rowProblems.append("\(label(answeredAtColumn)): expected when the answered call was answered, found an empty cell")
                }
                if endedAt == nil, cell(endedAtColumn) == nil {
                    rowProblems.append("\(label(endedAtColumn)): expected when the answered call ended, found an empty cell")
                }
            }
        case .abandoned:
            if let arrival, let end = hungUpAt ?? endedAt {
                if end < arrival - Self.clockSkew { rowProblems.append("the hang-up is before \(label(arrivedAt))") }
                call.wait = max(end - arrival, 0)
            } else if arrival != nil, cell(hungUpAtColumn) == nil, cell(endedAtColumn) == nil {
                rowProblems.append("\(label(endedAtColumn)): expected when the caller hung up, found an empty cell")
            }
        case .waiting:
            waiting.append(calls.count)
        }
        guard rowProblems.isEmpty, let arrival, let stream else {
            problems += rowProblems.map { CallHistoryError(source: file, row: number, line: record.line, message: $0) }
            return
        }
        latest = max(latest, arrival, answeredAt ?? arrival, endedAt ?? arrival, hungUpAt ?? arrival)
        call.stream = streams.index(stream)
        if resolved == .answered { call.agent = cell(agent).map { agents.index($0) } }
        absoluteArrivals.append(arrival)
        calls.append(call)
    }
}
