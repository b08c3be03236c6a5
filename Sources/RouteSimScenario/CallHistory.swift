import RouteSim

/// The calls of a contact center's history, ready for ``HistoryFitter``.
public struct CallHistory: Sendable {
    public var calls: [HistoryCall]
    /// The streams (queues or mapped types), in order of first appearance.
    public var streams: [String]
    /// The agents named, in order of first appearance.
    public var agents: [String]
    /// Rows left out because their outcome says they were no call (`PHANTOM`).
    public var phantoms: Int
    /// The date of the history's first day (`YYYY-MM-DD`), when its times are dates.
    public var firstDate: String?
    /// How agents answered reservations, when the history is TaskRouter's events.
    public var reservations: ReservationTally?
}
