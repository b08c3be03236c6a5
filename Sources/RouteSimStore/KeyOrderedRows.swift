/// Puts rows that end out of order back into the order of their keys (a task's or a
/// reservation's ordinal), within a bounded window, before they are inserted.
///
/// The engine sends a task when it ends, so a short call that arrived after a long one is
/// sent first. SQLite inserts a key beyond the last one of an index without searching the
/// index from its root; any other key costs a search (docs/performance.md, "The row writer
/// of case (b), third round"). So rows wait here until
/// every smaller key has come, and leave in key order.
///
/// Keys must be distinct, non-negative and dense (every key from 0 on comes once), as the
/// engine's ordinals are. The window starts at ``initialCapacity`` keys and doubles up to
/// ``maximumCapacity`` when a key comes that far ahead of the smallest missing one; past
/// that, rows leave without waiting for the missing key (which then leaves as soon as it
/// comes), so memory stays bounded by the window, not by the run: a task that waits for
/// hours does not hold back every row after it. Deterministic: the order out depends only
/// on the keys in.
struct KeyOrderedRows<Row> {
    /// The window a new instance starts with (keys).
    static var initialCapacity: Int { 1_024 }
    /// The largest window (keys), which bounds the rows waiting to this many slots of
    /// `TaskRecord?` and of `ReservationRecord?` (`MemoryLayout.stride` bytes each, some
    /// megabytes in all). A center taking 30 tasks a second (10,000
    /// agents at 90 % load on 300-second calls) fills it only with a task that lives longer
    /// than half an hour.
    static var maximumCapacity: Int { 65_536 }

    /// The rows waiting, at `key % slots.count`; the count is a power of two.
    private var slots: [Row?]
    /// The smallest key that has not left yet: every key below it has left.
    private var next = 0
    /// The number of rows waiting.
    private(set) var count = 0

    /// An empty window expecting key 0 first.
    init() {
        slots = Array(repeating: nil, count: Self.initialCapacity)
    }

    /// Takes `row` with `key` and appends to `output` every row that may now leave, in key
    /// order.
    ///
    /// - Complexity: amortized O(1): each key's slot is visited a bounded number of times,
    ///   plus O(window) when the window doubles.
    mutating func add(_ row: Row, key: Int, to output: inout [Row]) {
        assert(key >= 0, "keys are ordinals")
        if key < next {
            output.append(row)
            return
        }
        if key - next >= slots.count {
            makeRoom(for: key, output: &output)
        }
        let slot = key & (slots.count - 1)
        assert(slots[slot] == nil, "each key comes once")
        slots[slot] = row
        count += 1
        if key == next { release(to: &output) }
    }

    /// Appends every waiting row to `output` in key order and empties the window; the next
    /// key expected is the one after the largest that came.
    ///
    /// - Complexity: O(window).
    mutating func flush(to output: inout [Row]) {
        while count > 0 { advance(to: &output) }
    }

    /// Appends the rows from `next` on that have come, up to the first missing key.
    private mutating func release(to output: inout [Row]) {
        while slots[next & (slots.count - 1)] != nil { advance(to: &output) }
    }

    /// Appends the row of key `next`, if it has come, and moves past it.
    private mutating func advance(to output: inout [Row]) {
        let slot = next & (slots.count - 1)
        if let row = slots[slot] {
            output.append(row)
            slots[slot] = nil
            count -= 1
        }
        next += 1
    }

    /// Widens the window so that `key` fits, or, at the largest window, lets rows leave past
    /// the missing keys until it does.
    private mutating func makeRoom(for key: Int, output: inout [Row]) {
        var capacity = slots.count
        while key - next >= capacity && capacity < Self.maximumCapacity { capacity *= 2 }
        if capacity > slots.count {
            var wider = [Row?](repeating: nil, count: capacity)
            for offset in 0..<slots.count {
                let old = (next + offset) & (slots.count - 1)
                if let row = slots[old] { wider[(next + offset) & (capacity - 1)] = row }
            }
            slots = wider
        }
        while key - next >= slots.count { advance(to: &output) }
        release(to: &output)
    }
}
