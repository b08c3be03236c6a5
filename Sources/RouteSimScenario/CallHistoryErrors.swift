/// Every problem found in a call history, all at once: at most ``CSVChecks/maxProblems`` of
/// them, then how many more there were, as the trace loader reports a trace.
public struct CallHistoryErrors: Error, Sendable {
    /// At least one error.
    public var errors: [CallHistoryError]

    public init(errors: [CallHistoryError]) {
        self.errors = errors
    }

    /// `problems` cut to ``CSVChecks/maxProblems``, with a last line counting the rest.
    init(cutting problems: [CallHistoryError], source: String) {
        errors = CSVChecks.cut(problems) { CallHistoryError(source: source, message: $0) }
    }
}
