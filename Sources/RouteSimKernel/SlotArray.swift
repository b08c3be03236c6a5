import CacheHints
/// A growable array of plain values (entity states, counters) that are written in place
/// by index without a copy-on-write check on every write.
///
/// `Array` checks that its buffer is uniquely referenced before each element write; in an
/// engine that writes a task's or worker's fields dozens of times per event, those checks
/// and their calls are a measurable share of the run. A `SlotArray` checks once instead:
/// ``makeUnique()`` gives the value its own buffer, after which element writes and appends
/// go straight to memory. Element writes are `nonmutating`, so **call `makeUnique()` before
/// writing to or appending to a value that may have been copied**; a value that was never
/// copied since it was made, grown or made unique owns its buffer.
/// The engine calls it at the start of every run, which keeps the engine a value type to
/// its users: a copy taken before `run` is not changed by it.
///
/// Elements are `BitwiseCopyable`, so the buffer is copied and freed without per-element
/// work.
///
/// With ``InternalChecks`` compiled in (debug builds), every index is checked with
/// `precondition`, and so is that an append goes to a buffer no copy shares. An element
/// write is not checked for sharing: `isKnownUniquelyReferenced` needs mutable access to the
/// reference, which a `nonmutating` accessor does not have, and a reference count read there
/// would count the temporaries an unoptimized build makes. That contract is held by the
/// engine calling ``makeUnique()`` at the start of a run and by the tests of copies.
public struct SlotArray<Element: BitwiseCopyable> {

    /// Owns the memory that ``base`` points into; shared between copies until one of them
    /// is made unique.
    @usableFromInline
    var storage: SlotStorage<Element>

    /// The first element, cached from ``storage`` so that an access is one load.
    @usableFromInline
    var base: UnsafeMutablePointer<Element>

    /// The number of elements (``count``).
    @usableFromInline
    var elementCount: Int

    /// The number of elements. O(1).
    @inlinable
    public var count: Int { elementCount }

    /// Creates an empty array with room for `minimumCapacity` elements before it grows.
    @inlinable
    public init(minimumCapacity: Int = 0) {
        storage = SlotStorage(capacity: minimumCapacity)
        base = storage.base
        elementCount = 0
    }

    /// Creates an array of `count` copies of `value`. O(count).
    @inlinable
    public init(repeating value: Element, count: Int) {
        precondition(count >= 0, "SlotArray needs a count >= 0, found \(count)")
        storage = SlotStorage(capacity: count)
        base = storage.base
        base.initialize(repeating: value, count: count)
        elementCount = count
    }

    /// Creates an array holding the elements of `elements`, in order. O(n).
    @inlinable
    public init(_ elements: some Collection<Element>) {
        self.init(minimumCapacity: elements.count)
        for element in elements { append(element) }
    }

    /// The valid indices, `0..<count`.
    @inlinable
    public var indices: Range<Int> { 0..<count }

    /// True when the array has no element. O(1).
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// The element at `index`, read and written in place. O(1), no copy-on-write check:
    /// writes go to the buffer this value shares with its copies (see ``makeUnique()``).
    ///
    /// Precondition (checked with ``InternalChecks``): `0 <= index < count`.
    @inlinable
    public subscript(index: Int) -> Element {
        unsafeAddress {
            checkIndex(index)
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            checkIndex(index)
            return base + index
        }
    }

    /// Stops the program if `index` is not in `0..<count`, when ``InternalChecks`` are
    /// compiled in; nothing otherwise.
    @inlinable
    @inline(__always)
    func checkIndex(_ index: Int) {
        #if ROUTESIM_INTERNAL_CHECKS
        precondition(index >= 0 && index < count, "SlotArray index \(index) is out of range for count \(count)")
        #endif
    }

    /// Asks the processor to bring element `index` into its caches before it is read or
    /// written: a hint every 64 bytes and one for its last byte, so every cache line it spans
    /// is asked for wherever it starts. Changes nothing, and is harmless
    /// for any index (a hint never faults). O(1).
    ///
    /// For an element about to be reached at random in state larger than the caches, when
    /// other work can be done while it comes (the engine's state of the next event's task).
    @inlinable
    public func prefetch(_ index: Int) {
        let start = UnsafeRawPointer(base + index)
        let size = MemoryLayout<Element>.size
        var offset = 0
        while offset < size {
            routesim_prefetch_for_write(start + offset)
            offset += 64
        }
        routesim_prefetch_for_write(start + (size - 1))
    }

    /// Gives this value a buffer of its own if it shares one with a copy. O(count) when
    /// it copies, O(1) otherwise.
    @inlinable
    public mutating func makeUnique() {
        guard !isKnownUniquelyReferenced(&storage) else { return }
        reallocate(capacity: storage.capacity)
    }

    /// Adds `element` at the end. Amortized O(1).
    ///
    /// Like an element write, appending assumes the buffer is this value's own (see
    /// ``makeUnique()``); growing moves the elements to a new buffer that is. Checked with
    /// ``InternalChecks`` whether it grows or not, so that a missing `makeUnique()` shows
    /// whatever the capacity.
    @inlinable
    public mutating func append(_ element: Element) {
        #if ROUTESIM_INTERNAL_CHECKS
        precondition(
            isKnownUniquelyReferenced(&storage),
            "SlotArray append to a buffer shared with a copy: call makeUnique() first")
        #endif
        if elementCount == storage.capacity { reallocate(capacity: Swift.max(16, 2 * elementCount)) }
        (base + count).initialize(to: element)
        elementCount += 1
    }

    /// Removes and returns the last element, or nil when empty. O(1).
    ///
    /// Shrinking needs no unique buffer: copies keep their own count.
    @inlinable
    public mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        elementCount -= 1
        return base[elementCount]
    }

    /// Removes every element, keeping the capacity. O(1).
    @inlinable
    public mutating func removeAll() {
        elementCount = 0
    }

    /// Moves the elements to a new buffer of `capacity` (>= `count`) that this value owns.
    @usableFromInline
    mutating func reallocate(capacity: Int) {
        let fresh = SlotStorage<Element>(capacity: capacity)
        fresh.base.initialize(from: base, count: count)
        storage = fresh
        base = fresh.base
    }
}

extension SlotArray: RandomAccessCollection {
    /// Always 0.
    @inlinable
    public var startIndex: Int { 0 }

    /// Equal to ``count``.
    @inlinable
    public var endIndex: Int { count }
}

/// The memory of a ``SlotArray``: `capacity` elements, freed with the last reference.
///
/// Elements are `BitwiseCopyable`, so nothing is deinitialized element by element.
@usableFromInline
final class SlotStorage<Element: BitwiseCopyable> {
    /// The first of `capacity` elements.
    @usableFromInline
    let base: UnsafeMutablePointer<Element>

    /// How many elements the memory holds.
    @usableFromInline
    let capacity: Int

    /// Allocates room for `capacity` elements, uninitialized.
    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer.allocate(capacity: Swift.max(1, capacity))
    }

    deinit {
        base.deallocate()
    }
}
