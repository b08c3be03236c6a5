/// The queues each worker group is a member of, laid end to end in one array for the
/// engine's hot loops (a nested array would be retained and released on every read).
struct MemberQueues {
    /// Every group's queues, group after group, each group's ascending.
    private let queues: [Int32]
    /// Where each group's queues start in ``queues``, plus the total at the end.
    private let start: [Int]

    /// Lays out `groupQueues` (per group, its queues).
    init(_ groupQueues: [[Int32]]) {
        queues = groupQueues.flatMap { $0 }
        start = groupQueues.reduce(into: [0]) { start, group in start.append(start.last! + group.count) }
    }

    /// The positions of group `group`'s queues, for ``subscript(_:)``. O(1).
    @inline(__always)
    func range(group: Int32) -> Range<Int> {
        start[Int(group)]..<start[Int(group) + 1]
    }

    /// The queue at `position` (from ``range(group:)``). O(1).
    @inline(__always)
    subscript(position: Int) -> Int32 {
        queues[position]
    }
}
