import Testing
import RouteSimKernel

@Suite("MinHeap", .heapOrderChecked)
struct MinHeapTests {
    @Test("pops in ascending order, interleaved with inserts")
    func popsInOrder() {
        var rng = RandomStream(seed: 3, replication: 0, name: "min-heap")
        var heap = MinHeap<Int>()
        var reference: [Int] = []
        for round in 0..<5_000 {
            let value = Int(rng.next() % 1_000)
            heap.insert(value)
            reference.append(value)
            if round % 3 == 0 {
                reference.sort()
                #expect(heap.min == reference.first)
                #expect(heap.popMin() == reference.removeFirst())
            }
        }
        reference.sort()
        var popped: [Int] = []
        while let value = heap.popMin() { popped.append(value) }
        #expect(popped == reference)
        #expect(heap.isEmpty)
        #expect(heap.min == nil)
    }

    @Test("builds from a sequence in heap order")
    func buildsFromSequence() {
        let values = [9, 4, 7, 1, 8, 2, 2, 6, 0, 5]
        var heap = MinHeap(values)
        #expect(heap.count == values.count)
        #expect(heap.unordered.sorted() == values.sorted())
        var popped: [Int] = []
        while !heap.isEmpty { popped.append(heap.removeMin()) }
        #expect(popped == values.sorted())
    }

    @Test(
        "with the order checked, an insert into a heap whose order was broken stops the program",
        .enabled(if: InternalChecks.areCompiled))
    func insertChecksTheOrder() async {
        await #expect(processExitsWith: .failure) {
            InternalChecks.$heapOrder.withValue(true) {
                let keys = (0..<10).map(MutableKey.init)
                var heap = MinHeap(keys)
                keys[0].value = 100
                heap.insert(MutableKey(50))
            }
        }
    }

    @Test(
        "with the order checked, a removal from a heap whose order was broken stops the program",
        .enabled(if: InternalChecks.areCompiled))
    func removalChecksTheOrder() async {
        await #expect(processExitsWith: .failure) {
            InternalChecks.$heapOrder.withValue(true) {
                let keys = (0..<10).map(MutableKey.init)
                var heap = MinHeap(keys)
                keys[5].value = -1
                _ = heap.popMin()
            }
        }
    }

    @Test("the order is checked only where a test turns it on", .enabled(if: InternalChecks.areCompiled))
    func orderChecksAreOffByDefault() async {
        await #expect(processExitsWith: .success) {
            let keys = (0..<10).map(MutableKey.init)
            var heap = MinHeap(keys)
            keys[0].value = 100
            heap.insert(MutableKey(50))
        }
    }
}

/// A key whose value can change while it is in a heap, which breaks the heap's order the
/// way a bug in the heap would.
final class MutableKey: Comparable {
    var value: Int

    init(_ value: Int) { self.value = value }

    static func < (lhs: MutableKey, rhs: MutableKey) -> Bool { lhs.value < rhs.value }
    static func == (lhs: MutableKey, rhs: MutableKey) -> Bool { lhs.value == rhs.value }
}
