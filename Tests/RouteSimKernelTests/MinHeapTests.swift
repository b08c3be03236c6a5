import Testing
import RouteSimKernel

@Suite("MinHeap")
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
}
