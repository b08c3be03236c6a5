/// Whether the kernel's collections check themselves, like swift-collections' types under
/// its `COLLECTIONS_INTERNAL_CHECKS`.
///
/// The checks are compiled in when the compilation condition `ROUTESIM_INTERNAL_CHECKS` is
/// set: Package.swift sets it for this module in debug builds, and CI's optimized test run
/// sets it with `-Xswiftc -DROUTESIM_INTERNAL_CHECKS`. A release build without it has none
/// of them, not even a branch. The condition is read where this module is compiled: the
/// collections' inlinable bodies carry it into the modules that use them.
///
/// Compiled in, the O(1) checks are always on: ``SlotArray``'s indices are checked with
/// `precondition`, and so is that an append goes to a buffer no copy shares. The O(n) one,
/// ``MinHeap``'s order after every mutation, is on only inside ``$heapOrder``'s
/// `withValue(true)`: in every run it would make the engine's test suite many times slower.
/// A task-local value, not a global switch, so that tests running in parallel each see
/// their own.
public enum InternalChecks {
    /// True when this module was compiled with its checks.
    public static var areCompiled: Bool {
        #if ROUTESIM_INTERNAL_CHECKS
        true
        #else
        false
        #endif
    }

    /// Whether ``MinHeap`` checks its order after every mutation (when ``areCompiled``);
    /// false unless set with `InternalChecks.$heapOrder.withValue(true) { ... }`.
    @TaskLocal
    public static var heapOrder = false
}
