/// A binary min-heap: the smallest element is at hand, inserts and removals are O(log n).
///
/// The engine's queues of waiting tasks and idle workers only ever ask for the minimum,
/// so a plain binary heap serves them with fewer comparisons per operation than a
/// min-max heap. Equal elements come out in no particular order; the engine's keys never
/// tie between entries that are both valid.
public struct MinHeap<Element: Comparable> {
    /// The elements in heap order: `storage[i] <= storage[2i + 1]` and `storage[2i + 2]`.
    @usableFromInline
    var storage: ContiguousArray<Element>

    /// Creates an empty heap.
    @inlinable
    public init() {
        storage = []
    }

    /// Creates a heap of `elements` in O(n) (Floyd's bottom-up construction).
    @inlinable
    public init(_ elements: some Sequence<Element>) {
        storage = ContiguousArray(elements)
        var index = storage.count / 2
        while index > 0 {
            index -= 1
            siftDown(storage[index], from: index)
        }
        checkInvariant()
    }

    /// The number of elements. O(1).
    @inlinable
    public var count: Int { storage.count }

    /// True when the heap has no element. O(1).
    @inlinable
    public var isEmpty: Bool { storage.isEmpty }

    /// The smallest element, or nil when empty. O(1).
    @inlinable
    public var min: Element? { storage.first }

    /// The elements in heap order (not sorted). O(1).
    @inlinable
    public var unordered: ContiguousArray<Element> { storage }

    /// Adds `element`. O(log n).
    @inlinable
    public mutating func insert(_ element: Element) {
        storage.append(element)
        storage.withUnsafeMutableBufferPointer { buffer in
            var hole = buffer.count - 1
            while hole > 0 {
                let parent = (hole - 1) >> 1
                guard element < buffer[parent] else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = element
        }
    }

    /// Removes and returns the smallest element, or nil when empty. O(log n).
    @inlinable
    public mutating func popMin() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard let first = storage.first else { return last }
        siftDown(last, from: 0)
        return first
    }

    /// Removes and returns the smallest element. O(log n). Precondition: not empty.
    @inlinable
    @discardableResult
    public mutating func removeMin() -> Element {
        guard let first = popMin() else { preconditionFailure("removeMin on an empty MinHeap") }
        return first
    }

    /// Puts `moving` at `index` (whose element is being replaced) and moves it down to its place.
    @inlinable
    mutating func siftDown(_ moving: Element, from index: Int) {
        storage.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var hole = index
            while true {
                var child = 2 * hole + 1
                guard child < count else { break }
                if child + 1 < count, buffer[child + 1] < buffer[child] { child += 1 }
                guard buffer[child] < moving else { break }
                buffer[hole] = buffer[child]
                hole = child
            }
            buffer[hole] = moving
        }
    }

    /// Checks the heap order in debug builds. O(n).
    @inlinable
    func checkInvariant() {
        #if DEBUG
        for index in storage.indices.dropFirst() {
            assert(!(storage[index] < storage[(index - 1) / 2]), "MinHeap order broken at \(index)")
        }
        #endif
    }
}

extension MinHeap: Sendable where Element: Sendable {}
