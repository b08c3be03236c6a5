/// A time as a call history writes it, read by ``HistoryClock``.
enum HistoryTime: Equatable {
    /// Seconds from the history's start (`90`, `1.5h`): the start is midnight of day 0.
    case seconds(Double)
    /// A date and time (ISO 8601), as seconds since 1970-01-01 00:00 on the center's clock.
    case instant(Double)
    /// A time of day (`8:05:30`) to be put on the row's `date`.
    case timeOfDay(Double)

    /// Whether the time counts from the history's start rather than from a date.
    var isFromStart: Bool {
        if case .seconds = self { return true }
        return false
    }

    /// What the kind is called in messages.
    var kind: String {
        switch self {
        case .seconds: "seconds from a start"
        case .instant: "a date and time"
        case .timeOfDay: "a time of day"
        }
    }
}
