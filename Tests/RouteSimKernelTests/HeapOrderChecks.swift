import RouteSimKernel
import Testing

/// Runs a test, or every test of a suite, with ``InternalChecks/heapOrder`` on: every heap
/// it touches checks its order after each mutation.
struct HeapOrderChecks: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await InternalChecks.$heapOrder.withValue(true) { try await function() }
    }
}

extension Trait where Self == HeapOrderChecks {
    /// ``HeapOrderChecks``: the heap order is checked after every mutation.
    static var heapOrderChecked: Self { Self() }
}
