/// One call of a contact center's history, as ``HistoryFitter`` reads it.
public struct HistoryCall: Sendable, Equatable {
    /// The index of the call's stream (queue or mapped type).
    public var stream: Int
    /// Seconds from midnight of the history's first day, on the center's clock.
    public var arrival: Double
    public var outcome: CallOutcome
    /// Seconds from arrival to answer, to hang-up, or to the end of the history.
    public var wait: Double
    /// Talk time of an answered call.
    public var handle: Double?
    /// After-call work of an answered call, when the history records it.
    public var wrapup: Double?
    /// The index of the agent who answered, when the history names agents.
    public var agent: Int?

    public init(
        stream: Int, arrival: Double, outcome: CallOutcome, wait: Double,
        handle: Double? = nil, wrapup: Double? = nil, agent: Int? = nil
    ) {
        self.stream = stream
        self.arrival = arrival
        self.outcome = outcome
        self.wait = wait
        self.handle = handle
        self.wrapup = wrapup
        self.agent = agent
    }
}
