/// How agents answered reservations, as TaskRouter's events show it: how many were offered,
/// accepted, rejected and timed out, and the delays from offer to answer.
public struct ReservationTally: Sendable, Equatable {
    public var created = 0
    public var accepted = 0
    public var rejected = 0
    public var timedOut = 0
    /// Seconds from a reservation's creation to its acceptance or rejection.
    public var answerDelays: [Double] = []
    /// Seconds from a reservation's time-out to its worker's next change of activity after the
    /// one the time-out made (back from the time-out activity).
    public var backAfterTimeout: [Double] = []

    public init() {}

    /// The share of reservations answered by `count`, with its 95 % Wald interval.
    public func rate(_ count: Int) -> FittedParameter? {
        guard created > 0 else { return nil }
        let p = Double(count) / Double(created)
        return FittedParameter(
            name: "rate", value: p, standardError: (p * (1 - p) / Double(created)).squareRoot(), positive: false)
    }
}
