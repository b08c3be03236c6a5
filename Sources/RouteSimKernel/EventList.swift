/// The future event list: a priority queue of payloads ordered by simulated time.
///
/// Events with equal times come out in the order they were scheduled (first in, first out),
/// because each event carries a sequence number that breaks ties. Given the same calls in the
/// same order, the pop order is therefore fully deterministic.
///
/// Most events are timers in a 4-ary ``MinHeap`` keyed by `(time, sequence)`. An event
/// scheduled at the time of the last popped event (zero delay: "right after what is
/// happening now") goes to a FIFO instead: it sorts after every pending event of that time,
/// and the pop takes whichever of the FIFO's head and the heap's minimum is smaller, so the
/// order is exactly that of one heap, without the heap's O(log n) for events that only wait
/// their turn.
public struct EventList<Payload> {
    /// The pending timers.
    @usableFromInline
    var heap: MinHeap<ScheduledEvent<Payload>>

    /// Events scheduled at ``currentTime``, in scheduling order, from ``nowHead`` on.
    @usableFromInline
    var nowQueue: ContiguousArray<ScheduledEvent<Payload>>

    /// The first entry of ``nowQueue`` not yet popped.
    @usableFromInline
    var nowHead: Int

    /// The time of the last popped event; -infinity before the first pop.
    @usableFromInline
    var currentTime: Double

    /// The sequence number the next scheduled event receives; equals the number ever
    /// scheduled or reserved.
    @usableFromInline
    var nextSequence: UInt64

    /// Creates an empty event list.
    @inlinable
    public init() {
        self.init(minimumCapacity: 0)
    }

    /// Creates an empty event list with storage for at least `minimumCapacity` pending events.
    ///
    /// Reserving avoids regrowth when the peak number of pending events is roughly known.
    @inlinable
    public init(minimumCapacity: Int) {
        heap = MinHeap(minimumCapacity: minimumCapacity)
        nowQueue = []
        nowHead = 0
        currentTime = -.infinity
        nextSequence = 0
    }

    /// The number of pending events. O(1).
    @inlinable
    public var count: Int { heap.count + nowQueue.count - nowHead }

    /// True when no event is pending. O(1).
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// The total number of events ever scheduled on this list, popped or not, plus the
    /// sequence numbers reserved with ``reserveSequence()``. O(1).
    ///
    /// Read-only from outside; it only grows, by one per `schedule(_:at:)` or reservation.
    @inlinable
    public var scheduledCount: UInt64 { nextSequence }

    /// The time of the earliest pending event, or nil when the list is empty. O(1).
    @inlinable
    public var nextTime: Double? {
        guard nowHead < nowQueue.count else { return heap.min?.time }
        guard let timer = heap.min else { return currentTime }
        return nowQueue[nowHead] < timer ? currentTime : timer.time
    }

    /// Adds `payload` to fire at `time` (simulated seconds). O(log n); O(1) at the time of
    /// the last popped event.
    ///
    /// The event gets the next sequence number, so it fires after every pending event with the
    /// same time. Times earlier than already-popped events are accepted; keeping the clock
    /// monotone is the caller's job. Precondition: `time.isFinite`.
    @inlinable
    public mutating func schedule(_ payload: Payload, at time: Double) {
        precondition(time.isFinite, "EventList.schedule needs a finite time, found \(time)")
        let event = ScheduledEvent(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        if time == currentTime {
            nowQueue.append(event)
        } else {
            heap.insert(event)
        }
    }

    /// Takes the sequence number an event scheduled now would get, for an event that may
    /// be scheduled later with ``schedule(_:at:sequence:)``. O(1).
    ///
    /// An engine that usually finds a timer stale before it fires (a caller's patience,
    /// when the caller is answered at once) reserves its number and schedules it only if
    /// still needed once the current instant is over: the order of events is then exactly
    /// what it would have been, without the timer's two heap operations when it is not.
    @inlinable
    public mutating func reserveSequence() -> UInt64 {
        defer { nextSequence &+= 1 }
        return nextSequence
    }

    /// Adds `payload` to fire at `time` with a number from ``reserveSequence()``, so that
    /// it sorts as if it had been scheduled when the number was taken. O(log n).
    ///
    /// Preconditions: `time` is later than the last popped event (so the event belongs in
    /// the heap, not among the zero-delay events), and `sequence` was reserved on this list
    /// and is used once.
    @inlinable
    public mutating func schedule(_ payload: Payload, at time: Double, sequence: UInt64) {
        precondition(time.isFinite && time > currentTime, "a reserved event must be later than the last popped one")
        assert(sequence < nextSequence, "sequence \(sequence) was never reserved")
        heap.insert(ScheduledEvent(time: time, sequence: sequence, payload: payload))
    }


    /// The event ``popNext()`` would return, left in the list; nil when empty. O(1).
    @inlinable
    public var next: ScheduledEvent<Payload>? {
        guard nowHead < nowQueue.count else { return heap.min }
        guard let timer = heap.min else { return nowQueue[nowHead] }
        return nowQueue[nowHead] < timer ? nowQueue[nowHead] : timer
    }

    /// Removes and returns the earliest event (ties by scheduling order), or nil when empty. O(log n).
    @inlinable
    public mutating func popNext() -> ScheduledEvent<Payload>? {
        if nowHead < nowQueue.count, heap.min.map({ nowQueue[nowHead] < $0 }) ?? true {
            let event = nowQueue[nowHead]
            nowHead += 1
            if nowHead == nowQueue.count {
                nowQueue.removeAll(keepingCapacity: true)
                nowHead = 0
            }
            return event
        }
        guard let first = heap.popMin() else { return nil }
        // An event scheduled into the past may come before the FIFO, whose entries keep their time.
        if nowHead == nowQueue.count { currentTime = first.time }
        return first
    }
}

extension EventList: Sendable where Payload: Sendable {}
