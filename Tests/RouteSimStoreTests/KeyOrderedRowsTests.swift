import RouteSimKernel
@testable import RouteSimStore
import Testing

/// The window that puts rows ending out of order back into key order.
@Suite struct KeyOrderedRowsTests {
    /// Adds `keys` in turn (each row is its key) and returns what left, then what the flush gave.
    func run(_ keys: [Int]) -> (added: [Int], flushed: [Int]) {
        var window = KeyOrderedRows<Int>()
        var out: [Int] = []
        for key in keys { window.add(key, key: key, to: &out) }
        var rest: [Int] = []
        window.flush(to: &rest)
        #expect(window.count == 0)
        return (out, rest)
    }

    /// A row waits for every smaller key and leaves as soon as the last of them comes.
    @Test func rowsLeaveInKeyOrderAsSoonAsTheGapCloses() {
        var window = KeyOrderedRows<Int>()
        var out: [Int] = []
        window.add(2, key: 2, to: &out)
        window.add(1, key: 1, to: &out)
        #expect(out.isEmpty)
        #expect(window.count == 2)
        window.add(0, key: 0, to: &out)
        #expect(out == [0, 1, 2])
        window.add(3, key: 3, to: &out)
        #expect(out == [0, 1, 2, 3])
        #expect(window.count == 0)
    }

    /// A shuffled permutation, several times the first window, comes out sorted, all of it
    /// before the flush.
    @Test func aPermutationComesOutSorted() {
        let count = KeyOrderedRows<Int>.initialCapacity * 5 + 3
        var generator = RandomStream(seed: 7, replication: 1, name: "shuffle")
        let keys = (0..<count).shuffled(using: &generator)
        let (added, flushed) = run(keys)
        #expect(added == Array(0..<count))
        #expect(flushed.isEmpty)
    }

    /// Keys far beyond the first window widen it: nothing leaves before the missing key comes.
    @Test func theWindowWidensForAKeyFarAhead() {
        let far = KeyOrderedRows<Int>.initialCapacity * 8
        let (added, flushed) = run(Array(1...far) + [0])
        #expect(added == Array(0...far))
        #expect(flushed.isEmpty)
    }

    /// Past the largest window, rows leave without the missing key, in key order, and the
    /// missing key leaves the moment it comes: memory stays bounded by the window.
    @Test func pastTheLargestWindowRowsLeaveWithoutTheMissingKey() {
        let window = KeyOrderedRows<Int>.maximumCapacity
        let last = window + 100
        let (added, flushed) = run(Array(1...last) + [0])
        #expect(added == Array(1...last) + [0])
        #expect(flushed.isEmpty)
    }

    /// The flush gives what still waits for a key that never came, in key order.
    @Test func flushGivesTheRowsStillWaitingInKeyOrder() {
        let (added, flushed) = run([5, 3, 0, 9, 4])
        #expect(added == [0])
        #expect(flushed == [3, 4, 5, 9])
    }
}
