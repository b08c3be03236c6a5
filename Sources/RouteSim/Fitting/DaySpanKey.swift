/// An agent on a day of a history, the key of its span of work in ``HistoryFitter``.
struct DaySpanKey: Hashable {
    /// Days from the history's first midnight.
    var day: Int
    /// The agent's index.
    var agent: Int
}
