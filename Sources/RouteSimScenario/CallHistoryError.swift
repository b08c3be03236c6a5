/// A problem with a call history or with how the command line describes it.
public struct CallHistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The history file as given, or the option at fault (`--map`, `--timezone`).
    public var source: String
    /// The data row (1-based, the header not counted; for events, the event's number) and its
    /// line in the file, for a row's problem.
    public var row: Int?
    public var line: Int?
    /// What was expected and what was found.
    public var message: String

    public init(source: String, row: Int? = nil, line: Int? = nil, message: String) {
        self.source = source
        self.row = row
        self.line = line
        self.message = message
    }

    /// `history "calls.csv" row 2 (line 3): message`, or `--map: message` for an option.
    public var description: String {
        guard !source.hasPrefix("--") else { return "\(source): \(message)" }
        let place = (row.map { " row \($0)" } ?? "") + (line.map { " (line \($0))" } ?? "")
        return "history \"\(source)\"\(place): \(message)"
    }
}
