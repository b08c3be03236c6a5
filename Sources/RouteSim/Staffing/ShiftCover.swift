/// The fewest shifts of given lengths, starting on interval boundaries, whose agents cover a
/// head count per interval.
///
/// A shift of length *L* starting at interval *s* covers intervals *s* ..< *s* + *L*, except
/// its break: *b* intervals placed mid-shift, from *s* + ⌊(*L* − *b*) / 2⌋. Shifts may run
/// past the last interval (the run ends there), so every start may take every length.
///
/// How it is solved: a greedy pass walks the intervals in order and, at the first one still
/// short of its count, starts as many shifts of the longest length as it lacks; an
/// improvement pass then takes each shift, latest first, and drops it if the cover holds
/// without it, else gives it the shortest length that keeps the cover (fewer agent hours).
///
/// Optimality: **without breaks the number of shifts is the fewest possible**. Every
/// shift is a run of consecutive intervals; at the first interval still short, any cover
/// needs that many more shifts covering it, and a longest shift starting there covers every
/// later interval any of them could (the earlier intervals are already met), so by
/// exchange some optimal cover starts exactly those shifts there. The improvement pass never
/// adds shifts, so the count stays optimal; the agent hours it leaves are not proven the
/// fewest. **With breaks** the shifts are no longer runs, the exchange fails, and the
/// result is a cover that the improvement pass cannot shrink, not proven the fewest.
public enum ShiftCover {
    /// `count` identical shifts.
    public struct Block: Sendable, Equatable {
        /// The first interval of the shifts.
        public var start: Int
        /// How many intervals the shifts last, the break included.
        public var length: Int
        /// The first interval of the break (nil without a break).
        public var breakStart: Int?
        /// How many shifts start at ``start`` with this length.
        public var count: Int

        /// Whether the shifts' agents are on during `interval`.
        public func covers(_ interval: Int, breakLength: Int) -> Bool {
            guard interval >= start, interval < start + length else { return false }
            guard let breakStart else { return true }
            return interval < breakStart || interval >= breakStart + breakLength
        }
    }

    /// The shifts covering `counts[i]` agents in interval i, as blocks in order of start,
    /// then length.
    ///
    /// - Precondition: `lengths` is not empty; with `breakLength` > 0 every length is at
    ///   least `breakLength` + 2 (the break is never a shift's first or last interval).
    /// - Complexity: O(*n* × *k* × *m*) for *n* shifts, *k* lengths and *m* intervals.
    public static func cover(counts: [Int], lengths: [Int], breakLength: Int = 0) -> [Block] {
        precondition(!lengths.isEmpty && lengths.allSatisfy { $0 >= (breakLength > 0 ? breakLength + 2 : 1) })
        let shortestFirst = Array(Set(lengths)).sorted()
        let longest = shortestFirst[shortestFirst.count - 1]
        var covered = Array(repeating: 0, count: counts.count)
        var shifts: [Block] = []
        func add(_ shift: Block, _ sign: Int) {
            for interval in shift.start..<min(shift.start + shift.length, counts.count)
            where shift.covers(interval, breakLength: breakLength) {
                covered[interval] += sign
            }
        }
        func shift(_ start: Int, _ length: Int) -> Block {
            Block(start: start, length: length, breakStart: breakLength > 0 ? start + (length - breakLength) / 2 : nil, count: 1)
        }
        for interval in counts.indices where covered[interval] < counts[interval] {
            for _ in covered[interval]..<counts[interval] {
                shifts.append(shift(interval, longest))
                add(shifts[shifts.count - 1], 1)
            }
        }
        let meets = { zip(covered, counts).allSatisfy { $0 >= $1 } }
        var kept: [Block] = []
        for candidate in shifts.reversed() {
            add(candidate, -1)
            guard !meets() else { continue }
            for length in shortestFirst {
                let shorter = shift(candidate.start, length)
                add(shorter, 1)
                if meets() {
                    kept.append(shorter)
                    break
                }
                add(shorter, -1)
            }
        }
        var blocks: [Block] = []
        for shift in kept.sorted(by: { ($0.start, $0.length) < ($1.start, $1.length) }) {
            if let last = blocks.last, last.start == shift.start, last.length == shift.length {
                blocks[blocks.count - 1].count += 1
            } else {
                blocks.append(shift)
            }
        }
        return blocks
    }
}
