/// A short list of numbers per worker group (the queues it is a member of, the channels it
/// has capacity on), laid end to end in one array for the engine's hot loops: a nested
/// array would be retained and released on every read.
struct GroupLists {
    /// Every group's list, group after group.
    private var items: [Int32]
    /// Where each group's list starts in ``items``, plus the total at the end.
    private var start: [Int]

    /// Lays out `lists` (per group, its list, in the order it is to be walked).
    init(_ lists: [[Int32]]) {
        items = lists.flatMap { $0 }
        start = lists.reduce(into: [0]) { start, list in start.append(start.last! + list.count) }
    }

    /// Adds the list of a new last group. O(list).
    mutating func append(_ list: [Int32]) {
        items += list
        start.append(items.count)
    }

    /// The positions of group `group`'s items, for ``subscript(_:)``. O(1).
    @inline(__always)
    func range(group: Int32) -> Range<Int> {
        start[Int(group)]..<start[Int(group) + 1]
    }

    /// The item at `position` (from ``range(group:)``). O(1).
    @inline(__always)
    subscript(position: Int) -> Int32 {
        items[position]
    }
}
