/// One entry of the future event list: a payload due at a simulated time.
///
/// Ordering and equality look only at `(time, sequence)`; the payload is never compared,
/// so it need not be `Equatable` or `Comparable`. Within one `EventList` the sequence
/// numbers are unique, so two distinct entries of the same list never compare equal.
public struct ScheduledEvent<Payload> {
    /// When the event fires, in simulated seconds. Always finite when produced by `EventList`.
    public let time: Double
    /// Tie-breaker: the number of events scheduled on the list before this one (0-based).
    public let sequence: UInt64
    /// What happens at `time`; opaque to the event list.
    public let payload: Payload

    /// Creates an entry; `EventList.schedule(_:at:)` is the usual way to make one.
    ///
    /// No check is made here; `EventList` guarantees finite times and unique sequences.
    @inlinable
    public init(time: Double, sequence: UInt64, payload: Payload) {
        self.time = time
        self.sequence = sequence
        self.payload = payload
    }
}

extension ScheduledEvent: Comparable {
    /// True when both entries have the same time and the same sequence number; payloads are ignored.
    @inlinable
    public static func == (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
        lhs.time == rhs.time && lhs.sequence == rhs.sequence
    }

    /// Orders by time, then by sequence number, so equal times keep scheduling order.
    ///
    /// Assumes finite times (NaN would break the strict weak order); `EventList` enforces this.
    @inlinable
    public static func < (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
        lhs.time < rhs.time || (lhs.time == rhs.time && lhs.sequence < rhs.sequence)
    }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}
