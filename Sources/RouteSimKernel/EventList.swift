import HeapModule

/// The future event list: a priority queue of payloads ordered by simulated time.
///
/// Events with equal times come out in the order they were scheduled (first in, first out),
/// because each event carries a sequence number that breaks ties. Given the same calls in the
/// same order, the pop order is therefore fully deterministic.
public struct EventList<Payload> {
    /// The pending events; a min-max heap from swift-collections keyed by `(time, sequence)`.
    @usableFromInline
    var heap: Heap<ScheduledEvent<Payload>>

    /// The sequence number the next scheduled event receives; equals the number ever scheduled.
    @usableFromInline
    var nextSequence: UInt64

    /// Creates an empty event list.
    @inlinable
    public init() {
        heap = Heap()
        nextSequence = 0
    }

    /// Creates an empty event list with storage for at least `minimumCapacity` pending events.
    ///
    /// Reserving avoids regrowth when the peak number of pending events is roughly known.
    @inlinable
    public init(minimumCapacity: Int) {
        heap = Heap(minimumCapacity: minimumCapacity)
        nextSequence = 0
    }

    /// The number of pending events. O(1).
    @inlinable
    public var count: Int { heap.count }

    /// True when no event is pending. O(1).
    @inlinable
    public var isEmpty: Bool { heap.isEmpty }

    /// The total number of events ever scheduled on this list, popped or not. O(1).
    ///
    /// Read-only from outside; it only grows, by one per `schedule(_:at:)`.
    @inlinable
    public var scheduledCount: UInt64 { nextSequence }

    /// The time of the earliest pending event, or nil when the list is empty. O(1).
    @inlinable
    public var nextTime: Double? { heap.min?.time }

    /// Adds `payload` to fire at `time` (simulated seconds). O(log n).
    ///
    /// The event gets the next sequence number, so it fires after every pending event with the
    /// same time. Times earlier than already-popped events are accepted; keeping the clock
    /// monotone is the caller's job. Precondition: `time.isFinite`.
    @inlinable
    public mutating func schedule(_ payload: Payload, at time: Double) {
        precondition(time.isFinite, "EventList.schedule needs a finite time, found \(time)")
        heap.insert(ScheduledEvent(time: time, sequence: nextSequence, payload: payload))
        nextSequence &+= 1
    }

    /// Removes and returns the earliest event (ties by scheduling order), or nil when empty. O(log n).
    @inlinable
    public mutating func popNext() -> ScheduledEvent<Payload>? {
        heap.popMin()
    }
}

extension EventList: Sendable where Payload: Sendable {}
