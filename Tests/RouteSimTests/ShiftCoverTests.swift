import RouteSim
import Testing

/// The shift cover meets every interval's count with the fewest shifts, checked by hand and
/// against an exhaustive search on small days.
@Suite struct ShiftCoverTests {
    /// Agents on during each of `intervals` intervals under `blocks`.
    static func staffed(_ blocks: [ShiftCover.Block], intervals: Int, breakLength: Int) -> [Int] {
        (0..<intervals).map { interval in
            blocks.filter { $0.covers(interval, breakLength: breakLength) }.reduce(0) { $0 + $1.count }
        }
    }

    /// The fewest shifts covering `counts`, by iterative deepening: at the first interval
    /// still short, some shift covering it must be added; try each.
    static func fewest(_ counts: [Int], lengths: [Int], breakLength: Int) -> Int {
        let shifts = counts.indices.flatMap { start in
            lengths.map { length in
                ShiftCover.Block(
                    start: start, length: length, breakStart: breakLength > 0 ? start + (length - breakLength) / 2 : nil, count: 1)
            }
        }
        func search(_ short: [Int], _ left: Int) -> Bool {
            guard let first = short.firstIndex(where: { $0 > 0 }) else { return true }
            guard left >= short.max()! else { return false }
            for shift in shifts where shift.covers(first, breakLength: breakLength) {
                let after = short.indices.map { short[$0] - (shift.covers($0, breakLength: breakLength) ? 1 : 0) }
                if search(after, left - 1) { return true }
            }
            return false
        }
        var bound = 0
        while !search(counts, bound) { bound += 1 }
        return bound
    }

    /// Demand in two runs of two intervals with a gap: fitting a 2-interval shift to each
    /// run (a naive greedy) takes 2 shifts; one 6-interval shift covers both.
    @Test func oneLongShiftCoversTwoRuns() {
        let blocks = ShiftCover(counts: [1, 1, 0, 0, 1, 1], lengths: [2, 6]).blocks
        #expect(blocks == [ShiftCover.Block(start: 0, length: 6, breakStart: nil, count: 1)])
    }

    /// Hand case: 2 agents over 6 intervals, then 3 over 2, with 4- or 2-interval shifts:
    /// 18 agent-intervals, at most 4 per shift, so at least 5 shifts; 5 do it, and the one
    /// covering only the last two intervals gets the short length.
    @Test func fewestShiftsByHand() {
        let counts = [2, 2, 2, 2, 2, 2, 3, 3]
        let cover = ShiftCover(counts: counts, lengths: [2, 4])
        let blocks = cover.blocks
        #expect(cover.provenFewest)
        #expect(blocks.reduce(0) { $0 + $1.count } == 5, "\(blocks)")
        #expect(blocks == [
            ShiftCover.Block(start: 0, length: 4, breakStart: nil, count: 2),
            ShiftCover.Block(start: 4, length: 4, breakStart: nil, count: 2),
            ShiftCover.Block(start: 6, length: 2, breakStart: nil, count: 1),
        ])
        #expect(zip(Self.staffed(blocks, intervals: counts.count, breakLength: 0), counts).allSatisfy { $0 >= $1 })
    }

    /// Random small days: the count equals the exhaustive search's, with or without a break
    /// in mid-shift, and the cover meets every count.
    @Test(arguments: [(lengths: [2, 3], breakLength: 0), (lengths: [1, 4], breakLength: 0), (lengths: [3, 5], breakLength: 1), (lengths: [4], breakLength: 2)])
    func meetsEveryCountWithTheFewestShifts(lengths: [Int], breakLength: Int) {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<40 {
            let counts = (0..<(4 + next(5))).map { _ in next(3) }
            let cover = ShiftCover(counts: counts, lengths: lengths, breakLength: breakLength)
            let blocks = cover.blocks
            #expect(cover.provenFewest)
            let staffed = Self.staffed(blocks, intervals: counts.count, breakLength: breakLength)
            #expect(zip(staffed, counts).allSatisfy { $0 >= $1 }, "\(counts) staffed \(staffed) by \(blocks)")
            #expect(blocks.allSatisfy { lengths.contains($0.length) })
            #expect(blocks.reduce(0) { $0 + $1.count } == Self.fewest(counts, lengths: lengths, breakLength: breakLength), "\(counts): \(blocks)")
        }
    }

    /// With a 1-interval break, 3- or 5-interval shifts, and one agent wanted in intervals 0
    /// and 2 only: the greedy pass starts a 5-interval shift at 0 (on at 0, 1, 3, 4), then
    /// another at 2, two shifts; one 3-interval shift from 0 rests at 1 and covers both. The
    /// search finds it and proves it the fewest. Out of budget, the greedy cover is kept,
    /// still meeting every count, and not claimed the fewest.
    @Test func theSearchBeatsTheGreedyPassWithBreaks() {
        let counts = [1, 0, 1]
        let searched = ShiftCover(counts: counts, lengths: [3, 5], breakLength: 1)
        #expect(searched.provenFewest)
        #expect(searched.blocks == [ShiftCover.Block(start: 0, length: 3, breakStart: 1, count: 1)])
        let greedy = ShiftCover(counts: counts, lengths: [3, 5], breakLength: 1, budget: 0)
        #expect(!greedy.provenFewest)
        #expect(greedy.blocks.reduce(0) { $0 + $1.count } == 2, "\(greedy.blocks)")
        #expect(zip(Self.staffed(greedy.blocks, intervals: counts.count, breakLength: 1), counts).allSatisfy { $0 >= $1 })
    }
}
