/// The fewest shifts of given lengths, starting on interval boundaries, whose agents cover a
/// head count per interval.
///
/// A shift of length *L* starting at interval *s* covers intervals *s* ..< *s* + *L*, except
/// its break: *b* intervals placed mid-shift, from *s* + ⌊(*L* − *b*) / 2⌋. Shifts may run
/// past the last interval (the run ends there), so every start may take every length.
///
/// How it is solved: a greedy pass walks the intervals in order and, at the first one still
/// short of its count, starts as many shifts of the longest length as it lacks. With breaks,
/// a branch-and-bound search then looks for a cover with fewer shifts: at the first interval
/// still short, it tries each shift covering it, within a budget of search nodes. Last, an
/// improvement pass takes each shift, latest first, and drops it if the cover holds without
/// it, else gives it the shortest length that keeps the cover (fewer agent hours).
///
/// Optimality (``provenFewest``): **without breaks the number of shifts is always the
/// fewest possible**. Every shift is then a run of consecutive intervals; at the first
/// interval still short, any cover needs that many more shifts covering it, and a longest
/// shift starting there covers every later interval any of them could (the earlier ones are
/// already met), so by exchange some optimal cover starts exactly those shifts there.
/// **With breaks** a shift is two runs and the exchange fails; the count is the fewest when
/// the search finishes within its budget (every smaller count tried and ruled out), and is
/// only the best found otherwise. The agent hours left by the improvement pass are not
/// proven the fewest in either case.
public struct ShiftCover: Sendable, Equatable {
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

        /// `count` shifts of `length` intervals from `start`, with a break from `breakStart`.
        public init(start: Int, length: Int, breakStart: Int?, count: Int) {
            self.start = start
            self.length = length
            self.breakStart = breakStart
            self.count = count
        }

        /// Whether the shifts' agents are on during `interval`.
        public func covers(_ interval: Int, breakLength: Int) -> Bool {
            guard interval >= start, interval < start + length else { return false }
            guard let breakStart else { return true }
            return interval < breakStart || interval >= breakStart + breakLength
        }
    }

    /// The shifts, in order of start, then length.
    public var blocks: [Block]
    /// Whether no cover has fewer shifts: always without breaks; with breaks, when the
    /// search finished within its budget.
    public var provenFewest: Bool

    /// The shifts covering `counts[i]` agents in interval i.
    ///
    /// - Precondition: `lengths` is not empty; with `breakLength` > 0 every length is at
    ///   least `breakLength` + 2 (the break is never a shift's first or last interval).
    /// - Parameter budget: the most search nodes spent looking for fewer shifts when there
    ///   are breaks.
    public init(counts: [Int], lengths: [Int], breakLength: Int = 0, budget: Int = 200_000) {
        precondition(!lengths.isEmpty && lengths.allSatisfy { $0 >= (breakLength > 0 ? breakLength + 2 : 1) })
        let shortestFirst = Array(Set(lengths)).sorted()
        let longest = shortestFirst[shortestFirst.count - 1]
        let intervals = counts.count
        func shift(_ start: Int, _ length: Int) -> Block {
            Block(start: start, length: length, breakStart: breakLength > 0 ? start + (length - breakLength) / 2 : nil, count: 1)
        }
        func add(_ shift: Block, _ sign: Int, to covered: inout [Int]) {
            for interval in shift.start..<min(shift.start + shift.length, intervals)
            where shift.covers(interval, breakLength: breakLength) {
                covered[interval] += sign
            }
        }
        var covered = Array(repeating: 0, count: intervals)
        var shifts: [Block] = []
        for interval in counts.indices where covered[interval] < counts[interval] {
            for _ in covered[interval]..<counts[interval] {
                shifts.append(shift(interval, longest))
                add(shifts[shifts.count - 1], 1, to: &covered)
            }
        }
        var proven = breakLength == 0 || shifts.isEmpty
        if !proven {
            let candidates = counts.indices.flatMap { start in shortestFirst.map { shift(start, $0) } }
            let widest = longest - breakLength
            var nodes = 0
            var chosen: [Int] = []
            // A cover of at most `left` more shifts for what `short` lacks, the shifts
            // chosen in `chosen` (index order while the same interval is short).
            func search(_ short: inout [Int], left: Int, firstShort: Int, floor: Int) -> Bool? {
                guard let first = short[firstShort...].firstIndex(where: { $0 > 0 }) else { return true }
                let lacking = short.reduce(0) { $0 + max($1, 0) }
                guard left >= short[first...].max()!, left * widest >= lacking else { return false }
                for index in candidates.indices where index >= (first == firstShort ? floor : 0) {
                    guard candidates[index].covers(first, breakLength: breakLength) else { continue }
                    nodes += 1
                    guard nodes <= budget else { return nil }
                    add(candidates[index], -1, to: &short)
                    chosen.append(index)
                    let found = search(&short, left: left - 1, firstShort: first, floor: index)
                    if found != false { return found }
                    chosen.removeLast()
                    add(candidates[index], 1, to: &short)
                }
                return false
            }
            searching: while true {
                var short = counts
                chosen = []
                switch search(&short, left: shifts.count - 1, firstShort: 0, floor: 0) {
                case true?: shifts = chosen.map { candidates[$0] }
                case false?: proven = true; break searching
                case nil: break searching
                }
            }
            covered = Array(repeating: 0, count: intervals)
            for shift in shifts { add(shift, 1, to: &covered) }
        }
        let meets = { zip(covered, counts).allSatisfy { $0 >= $1 } }
        var kept: [Block] = []
        for candidate in shifts.sorted(by: { ($0.start, $0.length) > ($1.start, $1.length) }) {
            add(candidate, -1, to: &covered)
            guard !meets() else { continue }
            for length in shortestFirst {
                let shorter = shift(candidate.start, length)
                add(shorter, 1, to: &covered)
                if meets() {
                    kept.append(shorter)
                    break
                }
                add(shorter, -1, to: &covered)
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
        self.blocks = blocks
        self.provenFewest = proven
    }
}
