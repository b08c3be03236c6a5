import Testing
import RouteSimKernel

@Suite("SlotArray")
struct SlotArrayTests {
    @Test("appends, reads, writes in place and pops like an array")
    func behavesLikeAnArray() {
        var slots = SlotArray<Int>()
        var reference: [Int] = []
        for value in 0..<1_000 {
            slots.append(value)
            reference.append(value)
        }
        for index in stride(from: 0, to: 1_000, by: 7) {
            slots[index] += 1
            reference[index] += 1
        }
        #expect(Array(slots) == reference)
        #expect(slots.popLast() == reference.popLast())
        #expect(slots.count == 999)
        slots.removeAll()
        #expect(slots.isEmpty)
        #expect(slots.popLast() == nil)
        #expect(Array(SlotArray(repeating: 3, count: 4)) == [3, 3, 3, 3])
        #expect(Array(SlotArray([5, 6, 7])) == [5, 6, 7])
    }

    @Test("prefetching an element changes no element, for elements of one byte to several cache lines")
    func prefetchChangesNothing() {
        let bytes = SlotArray<UInt8>((0..<200).map { UInt8($0) })
        let wide = SlotArray<(Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int)>(
            (0..<50).map { ($0, $0, $0, $0, $0, $0, $0, $0, $0, $0, -$0) })
        for index in bytes.indices { bytes.prefetch(index) }
        for index in wide.indices { wide.prefetch(index) }
        #expect(Array(bytes) == (0..<200).map { UInt8($0) })
        #expect(wide.map { $0.0 + $0.10 } == Array(repeating: 0, count: 50))
        #expect(wide.map(\.0) == Array(0..<50))
    }

    @Test("a copy made unique no longer sees the original's writes, nor they its")
    func makeUniqueSeparatesCopies() {
        let original = SlotArray([1, 2, 3])
        var copy = original
        copy.makeUnique()
        copy[0] = 10
        copy.append(4)
        #expect(Array(original) == [1, 2, 3])
        #expect(Array(copy) == [10, 2, 3, 4])
    }

    @Test("copies share their buffer until made unique, as documented")
    func copiesShareUntilMadeUnique() {
        let original = SlotArray([1, 2, 3])
        let copy = original
        copy[1] = 20
        #expect(original[1] == 20)
    }

    @Test("growing keeps the elements")
    func growingKeepsElements() {
        var slots = SlotArray<Double>(minimumCapacity: 1)
        for value in 0..<100 { slots.append(Double(value)) }
        #expect(slots.count == 100)
        #expect(slots.indices.allSatisfy { slots[$0] == Double($0) })
    }

    @Test("with the checks, reading past the end stops the program and names index and count",
          .enabled(if: InternalChecks.areCompiled))
    func readPastTheEndStops() async throws {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let slots = SlotArray(repeating: 0, count: 3)
            print(slots[3])
        }
        #if DEBUG
        let message = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
        #expect(message.contains("SlotArray index 3 is out of range for count 3"))
        #endif
    }

    @Test("with the checks, writing before the start stops the program", .enabled(if: InternalChecks.areCompiled))
    func writeBeforeTheStartStops() async {
        await #expect(processExitsWith: .failure) {
            let slots = SlotArray(repeating: 0, count: 3)
            slots[-1] = 7
            print(slots[0])
        }
    }

    @Test("with the checks, appending to a buffer a copy shares stops the program",
          .enabled(if: InternalChecks.areCompiled))
    func appendToSharedBufferStops() async {
        await #expect(processExitsWith: .failure) {
            var original = SlotArray<Int>(minimumCapacity: 8)
            let copy = original
            withExtendedLifetime(copy) { original.append(1) }
        }
    }
}
