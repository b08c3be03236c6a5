import Testing
import RouteSimKernel

@Suite("Distribution")
struct DistributionTests {
    static let sampleCount = 200_000

    static let weightedTable = try! EmpiricalTable(values: [30, 60, 90, 600], weights: [5, 3, 1.5, 0.5])
    static let equalTable = try! EmpiricalTable(values: [12, 0, 7.5], weights: nil)

    static let random: [Distribution] = [
        .exponential(mean: 180),
        .uniform(min: 10, max: 50),
        .uniform(min: 0, max: 0.001),
        .normal(mean: 300, sd: 60),
        .normal(mean: 1, sd: 2),
        .normal(mean: 0, sd: 1),
        .lognormal(mean: 240, sd: 60),
        .lognormal(mean: 100, sd: 100),
        .gamma(shape: 2.5, scale: 40),
        .gamma(shape: 1, scale: 10),
        .gamma(shape: 0.3, scale: 100),
        .erlang(k: 1, mean: 60),
        .erlang(k: 3, mean: 120),
        .erlang(k: 40, mean: 400),
        .weibull(shape: 0.7, scale: 120),
        .weibull(shape: 2.5, scale: 300),
        .empirical(weightedTable),
        .empirical(equalTable),
    ]

    static let degenerate: [Distribution] = [
        .fixed(42),
        .fixed(0),
        .uniform(min: 5, max: 5),
        .normal(mean: 7, sd: 0),
        .normal(mean: 0, sd: 0),
        .lognormal(mean: 50, sd: 0),
        .empirical(try! EmpiricalTable(values: [3, 9], weights: [0, 2])),
    ]

    @Test("sampled mean and variance match the analytic ones within 5 standard errors", arguments: random)
    func momentsMatch(_ distribution: Distribution) throws {
        #expect(try distribution.validated() == distribution)
        var rng = RandomStream(seed: 20_250_101, replication: 0, name: distribution.description)
        let moments = SampleMoments(of: distribution, count: Self.sampleCount, rng: &rng)
        #expect(moments.minimum >= 0)
        let meanTolerance = 5 * moments.meanStandardError(populationVariance: distribution.variance)
        #expect(abs(moments.mean - distribution.mean) < meanTolerance)
        #expect(abs(moments.variance - distribution.variance) < 5 * moments.varianceStandardError)
    }

    @Test("degenerate distributions always return their value", arguments: degenerate)
    func degenerateIsConstant(_ distribution: Distribution) throws {
        #expect(try distribution.validated() == distribution)
        var rng = RandomStream(seed: 1, replication: 0, name: distribution.description)
        for _ in 0..<1_000 {
            #expect(distribution.sample(&rng) == distribution.mean)
        }
        #expect(distribution.variance == 0)
    }

    @Test("truncated normal moments match closed forms")
    func truncatedNormalClosedForms() {
        let halfNormal = Distribution.normal(mean: 0, sd: 1)
        #expect(abs(halfNormal.mean - (2 / Double.pi).squareRoot()) < 1e-12)
        #expect(abs(halfNormal.variance - (1 - 2 / Double.pi)) < 1e-12)
        let nearZero = Distribution.normal(mean: 1, sd: 2)
        #expect(abs(nearZero.mean - 2.018_320_867_674_067) < 1e-12)
        #expect(abs(nearZero.variance - 1.944_701_742_785_468) < 1e-12)
        let farFromZero = Distribution.normal(mean: 300, sd: 60)
        #expect(abs(farFromZero.mean - 300) < 1e-3)
        #expect(abs(farFromZero.variance - 3_600) < 1e-1)
    }

    @Test("the truncated normal with mean near 0 realises the truncated moments, not the untruncated ones")
    func truncatedNormalIsTruncated() {
        let distribution = Distribution.normal(mean: 1, sd: 2)
        var rng = RandomStream(seed: 77, replication: 0, name: "truncated")
        let moments = SampleMoments(of: distribution, count: Self.sampleCount, rng: &rng)
        let tolerance = 5 * moments.meanStandardError(populationVariance: distribution.variance)
        #expect(abs(moments.mean - distribution.mean) < tolerance)
        #expect(abs(moments.mean - 1) > 20 * tolerance)
        #expect(moments.minimum >= 0)
    }

    @Test("lognormal is parameterised by its own mean and sd")
    func lognormalParameters() {
        let distribution = Distribution.lognormal(mean: 240, sd: 60)
        #expect(distribution.mean == 240)
        #expect(distribution.variance == 3_600)
    }

    @Test("analytic moments of every case")
    func analyticMoments() {
        #expect(Distribution.fixed(3).mean == 3)
        #expect(Distribution.exponential(mean: 4).variance == 16)
        #expect(Distribution.uniform(min: 2, max: 8).mean == 5)
        #expect(Distribution.uniform(min: 2, max: 8).variance == 3)
        #expect(Distribution.gamma(shape: 2, scale: 3).mean == 6)
        #expect(Distribution.gamma(shape: 2, scale: 3).variance == 18)
        #expect(Distribution.erlang(k: 4, mean: 20).mean == 20)
        #expect(Distribution.erlang(k: 4, mean: 20).variance == 100)
        let table = Distribution.empirical(Self.weightedTable)
        #expect(abs(table.mean - (30 * 0.5 + 60 * 0.3 + 90 * 0.15 + 600 * 0.05)) < 1e-9)
        let expectedVariance = [(30.0, 0.5), (60, 0.3), (90, 0.15), (600, 0.05)].reduce(0.0) { sum, pair in
            sum + pair.1 * (pair.0 - 76.5) * (pair.0 - 76.5)
        }
        #expect(abs(table.variance - expectedVariance) < 1e-9)
    }

    @Test("samples are never negative, even with much mass near 0", arguments: [
        Distribution.normal(mean: 0, sd: 50),
        .gamma(shape: 0.05, scale: 1),
        .exponential(mean: 1e-9),
        .lognormal(mean: 1, sd: 20),
        .uniform(min: 0, max: 1e-300),
    ])
    func neverNegative(_ distribution: Distribution) {
        var rng = RandomStream(seed: 3, replication: 0, name: distribution.description)
        for _ in 0..<Self.sampleCount {
            let value = distribution.sample(&rng)
            #expect(value >= 0 && value.isFinite)
        }
    }

    @Test("the same stream gives the same samples")
    func samplingIsDeterministic() {
        for distribution in Self.random {
            var first = RandomStream(seed: 5, replication: 2, name: "determinism")
            var second = RandomStream(seed: 5, replication: 2, name: "determinism")
            let a = (0..<200).map { _ in distribution.sample(&first) }
            let b = (0..<200).map { _ in distribution.sample(&second) }
            #expect(a == b)
        }
    }

    @Test("descriptions use scenario notation")
    func descriptions() throws {
        #expect(Distribution.fixed(30).description == "fixed(30)")
        #expect(Distribution.exponential(mean: 180).description == "exponential(mean: 180)")
        #expect(Distribution.uniform(min: 10, max: 20.5).description == "uniform(min: 10, max: 20.5)")
        #expect(Distribution.normal(mean: 100, sd: 15).description == "normal(mean: 100, sd: 15)")
        #expect(Distribution.lognormal(mean: 240, sd: 60).description == "lognormal(mean: 240, sd: 60)")
        #expect(Distribution.gamma(shape: 0.5, scale: 30).description == "gamma(shape: 0.5, scale: 30)")
        #expect(Distribution.erlang(k: 3, mean: 120).description == "erlang(k: 3, mean: 120)")
        let small = try EmpiricalTable(values: [10, 20], weights: [1, 3])
        #expect(Distribution.empirical(small).description == "empirical(values: [10, 20], probabilities: [0.25, 0.75])")
        let tenths = try EmpiricalTable(values: [1, 2.5, 3, 4], weights: [5, 3, 1.5, 0.5])
        #expect(
            Distribution.empirical(tenths).description
                == "empirical(values: [1, 2.5, 3, 4], probabilities: [0.5, 0.3, 0.15, 0.05])")
        let large = try EmpiricalTable(values: (1...20).map(Double.init), weights: nil)
        #expect(Distribution.empirical(large).description == "empirical(20 values, min: 1, max: 20)")
    }

    @Test("valid boundary parameters pass validation", arguments: [
        Distribution.fixed(0),
        .exponential(mean: 1e-12),
        .uniform(min: 0, max: 0),
        .normal(mean: 0, sd: 0),
        .normal(mean: 0, sd: 5),
        .lognormal(mean: 1, sd: 0),
        .gamma(shape: 1e-3, scale: 1e-3),
        .erlang(k: 1, mean: 1),
    ])
    func validBoundaries(_ distribution: Distribution) throws {
        #expect(try distribution.validated() == distribution)
    }

    @Test("invalid parameters throw a message saying what was expected and found", arguments: [
        (Distribution.fixed(-1), "fixed needs a value >= 0, found -1"),
        (.fixed(.nan), "fixed needs a finite value, found nan"),
        (.fixed(.infinity), "fixed needs a finite value, found inf"),
        (.exponential(mean: -3), "exponential needs mean > 0, found -3"),
        (.exponential(mean: 0), "exponential needs mean > 0, found 0"),
        (.exponential(mean: .infinity), "exponential needs a finite mean, found inf"),
        (.exponential(mean: .nan), "exponential needs a finite mean, found nan"),
        (.uniform(min: -1, max: 3), "uniform needs min >= 0, found -1"),
        (.uniform(min: 5, max: 3), "uniform needs min <= max, found min 5, max 3"),
        (.uniform(min: 0, max: .infinity), "uniform needs finite min and max, found min 0, max inf"),
        (.uniform(min: .nan, max: 1), "uniform needs finite min and max, found min nan, max 1"),
        (.normal(mean: 10, sd: -1), "normal needs sd >= 0, found -1"),
        (.normal(mean: -5, sd: 1), "normal needs mean >= 0, found -5"),
        (.normal(mean: .nan, sd: 1), "normal needs a finite mean, found nan"),
        (.normal(mean: 10, sd: .infinity), "normal needs a finite sd, found inf"),
        (.lognormal(mean: 0, sd: 1), "lognormal needs mean > 0, found 0"),
        (.lognormal(mean: -2.5, sd: 1), "lognormal needs mean > 0, found -2.5"),
        (.lognormal(mean: 10, sd: -0.5), "lognormal needs sd >= 0, found -0.5"),
        (.lognormal(mean: .infinity, sd: 1), "lognormal needs a finite mean, found inf"),
        (.lognormal(mean: 10, sd: .nan), "lognormal needs a finite sd, found nan"),
        (.lognormal(mean: 1e-300, sd: 1e300), "lognormal needs sd <= 1000000 × mean, found mean 1e-300, sd 1e+300"),
        (.gamma(shape: 0, scale: 1), "gamma needs shape > 0, found 0"),
        (.gamma(shape: 2, scale: -1), "gamma needs scale > 0, found -1"),
        (.gamma(shape: .nan, scale: 1), "gamma needs a finite shape, found nan"),
        (.gamma(shape: 1, scale: .infinity), "gamma needs a finite scale, found inf"),
        (.erlang(k: 0, mean: 10), "erlang needs k >= 1, found 0"),
        (.erlang(k: -2, mean: 10), "erlang needs k >= 1, found -2"),
        (.erlang(k: 2, mean: 0), "erlang needs mean > 0, found 0"),
        (.erlang(k: 2, mean: -.infinity), "erlang needs a finite mean, found -inf"),
        (.weibull(shape: 0, scale: 1), "weibull needs shape > 0, found 0"),
        (.weibull(shape: 2, scale: -1), "weibull needs scale > 0, found -1"),
        (.weibull(shape: .nan, scale: 1), "weibull needs a finite shape, found nan"),
    ])
    func invalidParametersThrow(_ distribution: Distribution, _ message: String) {
        #expect(throws: DistributionError(message: message)) {
            try distribution.validated()
        }
    }

    @Test("error description is its message")
    func errorDescription() {
        let error = DistributionError(message: "gamma needs shape > 0, found 0")
        #expect(error.description == "gamma needs shape > 0, found 0")
        #expect("\(error)" == "gamma needs shape > 0, found 0")
    }

    @Test("sampling a normal with negative mean traps instead of looping")
    func negativeNormalTraps() async {
        await #expect(processExitsWith: .failure) {
            var rng = RandomStream(key: 1)
            _ = Distribution.normal(mean: -100, sd: 1).sample(&rng)
        }
    }
}
