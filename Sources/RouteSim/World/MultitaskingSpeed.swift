/// How much slower an agent works each task when it holds several of one channel.
///
/// ``factor(concurrent:)`` multiplies the single-task handle time: with k tasks in
/// progress each advances at 1/factor(k) seconds of work per second.
public enum MultitaskingSpeed: Sendable, Equatable {
    /// factor(k) = 1 + beta (k - 1); beta 0: no slowdown, beta 1: no throughput gain.
    case linear(beta: Double)
    /// factor(k) = table[k - 1], the last entry beyond the table.
    case table([Double])

    /// No slowdown.
    public static let none = MultitaskingSpeed.linear(beta: 0)

    /// The handle-time multiplier with `k` >= 1 tasks in progress. O(1).
    @inlinable
    public func factor(concurrent k: Int) -> Double {
        switch self {
        case .linear(let beta):
            return 1 + beta * Double(k - 1)
        case .table(let table):
            return table[min(k, table.count) - 1]
        }
    }
}
