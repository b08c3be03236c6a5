import RouteSim

/// Reads an arrival stream's `trace`: the path of a CSV file of callers, one row each,
/// relative to the scenario file's folder.
///
/// Column `time` (a duration from the start) is required and must not decrease from row to
/// row. `handle_time`, `patience`, `wrapup_time` (durations), `priority` (an integer) and
/// `channel` (a task channel reference) are optional; an empty cell leaves the value to
/// the stream. Every other column is a task attribute: a number when the cell is a decimal
/// number, else a string; an empty cell sets nothing. Problems are reported at the `trace`
/// key with the file, row and line, at most ``CSVChecks/maxProblems`` per file.
enum TraceReader {
    /// The columns with a meaning of their own; the others are attributes.
    static let columns = ["time", "handle_time", "patience", "wrapup_time", "priority", "channel"]

    /// The callers of the file `field` names; nil when it cannot be used (reported).
    static func read(_ field: Field, channels: NameTable) -> [TracedCaller]? {
        guard let written = field.string(expected: "the path of a CSV file") else { return nil }
        let path = TextFile.path(written, nextTo: field.diagnostics.file)
        let text: String
        do {
            text = try field.diagnostics.read(path, limit: TextFile.traceLimit)
        } catch {
            field.report(.unreadableTrace(path: path, reason: error.reason))
            return nil
        }
        var problems: [Problem] = []
        let callers = callers(CSVTable(text), file: written, channels: channels, problems: &problems)
        let shown = CSVChecks.cut(problems) { .badTrace(file: written, row: nil, line: nil, message: $0) }
        for problem in shown { field.report(problem) }
        return problems.isEmpty ? callers : nil
    }

    /// The rows of `table` as callers, with every problem added to `problems`.
    private static func callers(
        _ table: CSVTable, file: String, channels: NameTable, problems: inout [Problem]
    ) -> [TracedCaller] {
        func fileProblem(_ message: String) { problems.append(.badTrace(file: file, row: nil, line: nil, message: message)) }
        if let line = table.unclosedQuoteLine { fileProblem(CSVChecks.unclosedQuote(line: line)) }
        let header = table.header
        guard let timeColumn = header.firstIndex(of: "time") else {
            fileProblem(CSVChecks.missingColumn("time", in: header))
            return []
        }
        CSVChecks.headerNames(header).forEach(fileProblem)
        let column = { (name: String) in header.firstIndex(of: name) }
        let attributeColumns = header.indices.filter { !columns.contains(header[$0]) }
        var callers: [TracedCaller] = []
        callers.reserveCapacity(table.records.count)
        var previous: Double?
        for (index, record) in table.records.enumerated() {
            var rowProblems: [String] = []
            let cells = record.fields
            guard cells.count == header.count else {
                problems.append(.badTrace(
                    file: file, row: index + 1, line: record.line,
                    message: "expected \(header.count) fields as in the header, found \(cells.count)"))
                previous = nil
                continue
            }
            func cell(_ c: Int?) -> String? { c.flatMap { cells[$0].isEmpty ? nil : cells[$0] } }
            func duration(_ name: String) -> Double? {
                guard let text = cell(column(name)) else { return nil }
                guard let seconds = DurationSyntax.seconds(text), seconds >= 0 else {
                    rowProblems.append("\(name): expected a duration >= 0 like 45s, 5m or 90 (seconds), found \"\(text)\"")
                    return nil
                }
                guard seconds <= ScenarioLimits.longestDuration else {
                    rowProblems.append("\(name): expected a duration of at most "
                        + "\(DurationSyntax.describe(ScenarioLimits.longestDuration)), found \"\(text)\"")
                    return nil
                }
                return seconds
            }
            let time = duration("time")
            if cell(timeColumn) == nil { rowProblems.append("time: expected a duration, found an empty cell") }
            var caller = TracedCaller(time: time ?? 0)
            caller.handleTime = duration("handle_time")
            caller.patience = duration("patience")
            caller.wrapupTime = duration("wrapup_time")
            if let text = cell(column("priority")) {
                if NumberSyntax.isInteger(text.trimmed), let value = Int(text.trimmed), (0...Int(Int32.max)).contains(value) {
                    caller.priority = value
                } else {
                    rowProblems.append("priority: expected an integer from 0 to 2147483647, found \"\(text)\"")
                }
            }
            if let name = cell(column("channel")) {
                caller.channel = channels.index(of: name)
                if caller.channel == nil, channels.complete {
                    rowProblems.append(
                        "channel: " + Problem.unknownName(kind: "task channel", name: name, expected: channels.names).message)
                }
            }
            for c in attributeColumns {
                guard let text = cell(c) else { continue }
                let number = NumberSyntax.isDecimal(text) ? Double(text) : nil
                caller.attributes[header[c]] = number.map { $0.isFinite ? .number($0) : .string(text) } ?? .string(text)
            }
            if let time, let last = previous, time < last {
                rowProblems.append("time \(NumberSyntax.format(time)) is before the previous row's \(NumberSyntax.format(last)); "
                    + "rows must be sorted by time")
            }
            previous = time
            problems += rowProblems.map { .badTrace(file: file, row: index + 1, line: record.line, message: $0) }
            callers.append(caller)
        }
        return callers
    }
}
