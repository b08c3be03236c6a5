/// Every problem found in a call history, all at once: at most ``shown`` of them, then how
/// many more there were, as the trace loader reports a trace.
public struct CallHistoryErrors: Error, Sendable {
    /// At most this many problems are listed.
    static let shown = TraceReader.maxProblems

    /// At least one error.
    public var errors: [CallHistoryError]

    public init(errors: [CallHistoryError]) {
        self.errors = errors
    }

    /// `problems` cut to ``shown``, with a last line counting the rest.
    init(cutting problems: [CallHistoryError], source: String) {
        errors = Array(problems.prefix(Self.shown))
        if problems.count > Self.shown {
            errors.append(CallHistoryError(source: source, message: "\(problems.count - Self.shown) more problems not shown"))
        }
    }
}
