/// A 4-ary min-heap: the smallest element is at hand, inserts and removals are O(log n).
///
/// The future event list's timers, and the engine's queues of waiting tasks and idle
/// workers, only ever ask for the minimum, so a plain heap serves them with fewer
/// comparisons than a min-max heap; four children per node make it shallower than a
/// binary heap (fewer levels, so fewer cache lines touched per removal). Equal elements come
/// out in no particular order; the engine's keys never tie between entries that are both
/// valid, and the event list's never tie at all.
///
/// Under ``InternalChecks/heapOrder`` (with the checks compiled in), the order is checked
/// after building and after every insert and removal, as swift-collections' `Heap` does under
/// its internal checks.
public struct MinHeap<Element: Comparable> {
    /// The elements in heap order: `storage[i]` is at most each of its children
    /// `storage[4i + 1] ... storage[4i + 4]`.
    @usableFromInline
    var storage: ContiguousArray<Element>

    /// Creates an empty heap with room for `minimumCapacity` elements before it grows.
    @inlinable
    public init(minimumCapacity: Int = 0) {
        storage = []
        storage.reserveCapacity(minimumCapacity)
    }

    /// Creates a heap of `elements` in O(n) (Floyd's bottom-up construction).
    @inlinable
    public init(_ elements: some Sequence<Element>) {
        storage = ContiguousArray(elements)
        var index = (storage.count + 2) / 4
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
                let parent = (hole - 1) >> 2
                guard element < buffer[parent] else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = element
        }
        checkInvariant()
    }

    /// Removes and returns the smallest element, or nil when empty. O(log n).
    @inlinable
    public mutating func popMin() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard let first = storage.first else { return last }
        siftDown(last, from: 0)
        checkInvariant()
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
                let first = 4 * hole + 1
                guard first < count else { break }
                var best = first
                var child = first + 1
                let end = Swift.min(first + 4, count)
                while child < end {
                    if buffer[child] < buffer[best] { best = child }
                    child += 1
                }
                guard buffer[best] < moving else { break }
                buffer[hole] = buffer[best]
                hole = best
            }
            buffer[hole] = moving
        }
    }

    /// Stops the program if an element is smaller than its parent, under
    /// ``InternalChecks/heapOrder``; nothing when the checks are not compiled in. O(n).
    @inlinable
    @inline(__always)
    func checkInvariant() {
        #if ROUTESIM_INTERNAL_CHECKS
        guard InternalChecks.heapOrder else { return }
        for index in storage.indices.dropFirst() {
            let parent = (index - 1) / 4
            precondition(
                !(storage[index] < storage[parent]),
                "MinHeap order broken: element \(index) is smaller than its parent \(parent) (count \(storage.count))")
        }
        #endif
    }
}

extension MinHeap: Sendable where Element: Sendable {}
