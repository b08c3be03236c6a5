import RouteSim

/// Reads a contact center's history from a CSV file, one row a call, into a ``CallHistory``.
///
/// Columns by their names here, or by the file's names that `mapping` gives them
/// (`--map arrived_at=vru_exit`):
/// - `arrived_at` (required): when the call arrived: seconds from a start, a date and time, or a
///   time of day with a `date` column (``HistoryClock``);
/// - `queue`: the stream; without the column every call is in one stream, `calls`;
/// - `answered_at`: when an agent answered; empty when no one did;
/// - `ended_at`: the end of talk of an answered call, the hang-up of another;
/// - `hung_up_at`: the hang-up of an unanswered call, when the file keeps it apart from `ended_at`;
/// - `outcome`: `AGENT`/`answered`/`completed`, `HANG`/`abandoned`/`canceled`, or `PHANTOM`
///   (no call: left out); without it, a call with `answered_at` was answered, one without it
///   but with an end hung up, and one with neither is still waiting when the history ends;
/// - `wrapup_seconds`: after-call work, a duration; `agent`: who answered (read on answered calls
///   only, so a placeholder such as `NO_SERVER` on the others is no agent).
///
/// Other columns are left alone. A time of day in a call more than 12 hours before the one it
/// follows is on the next day (a call across midnight); an answer or hang-up up to
/// ``HistoryRows/clockSkew`` before the arrival is a wait of 0. Every problem is collected, with its row and
/// line, and thrown together (``CallHistoryErrors``).
public enum CallHistoryReader {
    /// The columns a history may have, in the order the documentation lists them.
    public static let columns = [
        "arrived_at", "queue", "answered_at", "ended_at", "hung_up_at", "date", "outcome", "wrapup_seconds", "agent",
    ]

    /// The interval length `text` writes (`30m`, `900`), 1 s to one day, for `--interval`.
    public static func interval(_ text: String) throws(CallHistoryErrors) -> Double {
        guard let seconds = DurationSyntax.seconds(text), seconds >= 1, seconds <= 86_400 else {
            throw CallHistoryErrors(errors: [CallHistoryError(
                source: "--interval", message: "expected a duration from 1 s to one day like 30m, 15m or 3600, found \"\(text)\"")])
        }
        return seconds
    }

    /// The most bytes of a history file.
    static let sizeLimit = 2_000_000_000

    /// The history in the file at `path`: TaskRouter's events when it is JSON
    /// (``TaskRouterEventsReader``), else a CSV file, one row a call; `mapping` pairs a column name of ``columns`` with the
    /// file's name for it; `timeZone` names the center's clock.
    public static func read(
        path: String, mapping: [(name: String, column: String)] = [], timeZone: String = "UTC"
    ) throws(CallHistoryErrors) -> CallHistory {
        let text: String
        do {
            text = try TextFile.read(path, limit: sizeLimit)
        } catch {
            throw CallHistoryErrors(errors: [CallHistoryError(source: path, message: "cannot be read: \(error.reason)")])
        }
        guard !TaskRouterEventsReader.isEvents(text) else {
            guard mapping.isEmpty else {
                throw CallHistoryErrors(errors: [CallHistoryError(
                    source: "--map", message: "\(path) holds TaskRouter events (JSON), whose names are fixed; --map is for CSV files")])
            }
            return try TaskRouterEventsReader.read(text: text, file: path, timeZone: timeZone)
        }
        return try read(text: text, file: path, mapping: mapping, timeZone: timeZone)
    }

    /// The history in `text`, read as the file `file`.
    public static func read(
        text: String, file: String, mapping: [(name: String, column: String)] = [], timeZone: String = "UTC"
    ) throws(CallHistoryErrors) -> CallHistory {
        var optionProblems: [CallHistoryError] = []
        var names: [String: String] = [:]
        for (name, column) in mapping {
            if !columns.contains(name) {
                optionProblems.append(CallHistoryError(
                    source: "--map", message: "\(name)=\(column): unknown column name \"\(name)\"; expected one of: "
                        + columns.joined(separator: ", ")))
            } else if names[name] != nil {
                optionProblems.append(CallHistoryError(source: "--map", message: "\(name) is mapped twice"))
            }
            names[name] = column
        }
        let clock = HistoryClock(zone: timeZone)
        if clock == nil {
            optionProblems.append(CallHistoryError(
                source: "--timezone", message: "unknown time zone \"\(timeZone)\"; expected a name such as "
                    + "Europe/Paris or UTC, or an offset such as +02:00"))
        }
        guard optionProblems.isEmpty, var clock else { throw CallHistoryErrors(errors: optionProblems) }
        var reading = HistoryRows(file: file, names: names)
        return try reading.history(text, clock: &clock)
    }
}
