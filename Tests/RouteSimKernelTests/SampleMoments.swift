import RouteSimKernel

/// Sample moments of many draws, with the standard errors used to set test tolerances.
struct SampleMoments {
    /// Number of draws.
    let count: Int
    /// Sample mean.
    let mean: Double
    /// Sample variance (divisor n).
    let variance: Double
    /// Sample fourth central moment (divisor n).
    let fourthCentralMoment: Double
    /// Smallest draw.
    let minimum: Double

    /// Computes the moments of `values` in two passes.
    init(_ values: [Double]) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        var second = 0.0
        var fourth = 0.0
        for value in values {
            let squared = (value - mean) * (value - mean)
            second += squared
            fourth += squared * squared
        }
        self.count = values.count
        self.mean = mean
        self.variance = second / n
        self.fourthCentralMoment = fourth / n
        self.minimum = values.min() ?? .nan
    }

    /// Draws `count` samples of `distribution` from `rng` and summarises them.
    init(of distribution: Distribution, count: Int, rng: inout RandomStream) {
        self.init((0..<count).map { _ in distribution.sample(&rng) })
    }

    /// Standard error of the sample mean for a population of the given variance.
    func meanStandardError(populationVariance: Double) -> Double {
        (populationVariance / Double(count)).squareRoot()
    }

    /// Standard error of the sample variance, estimated from the sample fourth central moment.
    var varianceStandardError: Double {
        (max(fourthCentralMoment - variance * variance, 0) / Double(count)).squareRoot()
    }
}
