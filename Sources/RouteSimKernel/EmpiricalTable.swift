/// A discrete distribution over given non-negative values with given weights.
///
/// Stores the values and their normalised cumulative weights; sampling draws one uniform and
/// binary-searches the cumulative weights, so it returns exactly one of the values.
/// Values with zero weight are kept but never drawn. Only the throwing initializer builds a
/// table, so every table is valid.
public struct EmpiricalTable: Sendable, Equatable {
    /// The values, in the order given (duplicates allowed). Never empty; all finite and >= 0.
    public let values: [Double]

    /// Running sums of the normalised weights, aligned with `values`: non-decreasing, in
    /// [0, 1], the last one exactly 1. The probability of `values[i]` is
    /// `cumulativeWeights[i] - cumulativeWeights[i - 1]` (with -1 meaning 0).
    public let cumulativeWeights: [Double]

    /// Builds a table from `values` and their `weights` (nil means equal weights). O(n).
    ///
    /// Weights are relative: they are normalised to sum to 1. Throws when `values` is empty, a
    /// value is negative or not finite, the counts differ, a weight is negative or not finite,
    /// or all weights are zero.
    public init(values: [Double], weights: [Double]?) throws(DistributionError) {
        guard !values.isEmpty else {
            throw DistributionError(message: "empirical needs at least one value, found none")
        }
        for (index, value) in values.enumerated() {
            guard value.isFinite else {
                throw DistributionError(
                    message: "empirical needs finite values, found \(Distribution.format(value)) at index \(index)")
            }
            guard value >= 0 else {
                throw DistributionError(
                    message: "empirical needs values >= 0, found \(Distribution.format(value)) at index \(index)")
            }
        }
        let rawWeights = weights ?? Array(repeating: 1, count: values.count)
        guard rawWeights.count == values.count else {
            throw DistributionError(
                message: "empirical needs as many weights as values (\(values.count) values, \(rawWeights.count) weights)")
        }
        for (index, weight) in rawWeights.enumerated() {
            guard weight.isFinite else {
                throw DistributionError(
                    message: "empirical needs finite weights, found \(Distribution.format(weight)) at index \(index)")
            }
            guard weight >= 0 else {
                throw DistributionError(
                    message: "empirical needs weights >= 0, found \(Distribution.format(weight)) at index \(index)")
            }
        }
        let largest = rawWeights.max() ?? 0
        guard largest > 0 else {
            throw DistributionError(message: "empirical needs at least one weight > 0, found all zero")
        }
        var running = 0.0
        var sums: [Double] = []
        sums.reserveCapacity(rawWeights.count)
        for weight in rawWeights {
            running += weight / largest
            sums.append(running)
        }
        self.values = values
        self.cumulativeWeights = sums.map { $0 / running }
    }

    /// The probability of each value, aligned with `values`. O(n).
    var probabilities: [Double] {
        var previous = 0.0
        return cumulativeWeights.map { cumulative in
            defer { previous = cumulative }
            return cumulative - previous
        }
    }

    /// Draws one of the values with its probability; uses one `uniform()`. O(log n).
    @inlinable
    func sample(_ rng: inout RandomStream) -> Double {
        let u = rng.uniform()
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > u {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return values[low]
    }
}
