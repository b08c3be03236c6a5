/// The mean of independent observations (one per replication) with its Student-t
/// confidence interval.
public struct Estimate: Sendable, Equatable {
    /// Number of observations.
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n - 1 in the denominator); 0 for one observation.
    public var standardDeviation: Double
    /// Half the width of the interval; infinite for fewer than two observations.
    public var halfWidth: Double
    /// The confidence level, e.g. 0.95.
    public var confidence: Double

    public var low: Double { mean - halfWidth }
    public var high: Double { mean + halfWidth }

    /// Whether `value` lies inside the interval (ends included).
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    /// The estimate from `samples` at `confidence`, strictly between 0 and 1.
    public init(_ samples: [Double], confidence: Double = 0.95) {
        precondition(!samples.isEmpty, "an estimate needs at least one observation")
        count = samples.count
        mean = samples.reduce(0, +) / Double(samples.count)
        let mean = mean
        let squares = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        standardDeviation = samples.count > 1 ? (squares / Double(samples.count - 1)).squareRoot() : 0
        halfWidth = .infinity
        self.confidence = confidence
        self = at(confidence: confidence)
    }

    /// The same observations' interval at another `confidence`.
    public func at(confidence: Double) -> Estimate {
        var estimate = self
        estimate.confidence = confidence
        estimate.halfWidth = count < 2 ? .infinity
            : StudentT.quantile(confidence: confidence, degreesOfFreedom: count - 1)
                * standardDeviation / Double(count).squareRoot()
        return estimate
    }
}
