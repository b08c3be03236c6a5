import RouteSim
import RouteSimKernel
import RouteSimScenario
import Testing

/// Durations, rates and distributions, through the loader.
struct ValueSyntaxTests {
    static let durationCases: [(String, Double)] = [
        ("45s", 45), ("5m", 300), ("1.5h", 5400), ("2d", 172_800), ("90", 90), ("\"90\"", 90), ("2.5", 2.5),
        ("0.5m", 30), ("1e3", 1000), ("10 m", 600),
    ]

    @Test(arguments: durationCases)
    func durations(text: String, seconds: Double) throws {
        #expect(try Fixtures.minimal("horizon", text).spec.horizon == seconds)
    }

    @Test(arguments: [
        ("-5s", "expected a duration > 0 and at most 31622400 s (366 d), found \"-5s\""),
        ("-3", "expected a duration > 0 and at most 31622400 s (366 d), found -3"),
        (".inf", "expected a duration > 0 and at most 31622400 s (366 d), found .inf"),
        ("0", "expected a duration > 0 and at most 31622400 s (366 d), found 0"),
        ("5 minutes", "expected a duration like 45s, 5m, 1.5h, 2d or 90 (seconds), found \"5 minutes\""),
        ("true", "expected a duration like 45s, 5m, 1.5h, 2d or 90 (seconds), found true"),
        ("[1, 2]", "expected a duration like 45s, 5m, 1.5h, 2d or 90 (seconds), found a list"),
    ])
    func badDurations(text: String, message: String) {
        let errors = Fixtures.minimalErrors("horizon", text)
        #expect(errors.map(\.message) == [message])
        #expect(errors.first?.keyPath == "horizon")
        #expect(errors.first?.overrideKey == "horizon")
        #expect(errors.first?.line == nil)
    }

    @Test func zeroDurationAllowedWhereNotPositive() throws {
        let spec = try Fixtures.minimal("arrivals.a.wrapup_time", "0").spec
        #expect(spec.arrivals[0].wrapupTime == .fixed(0))
    }

    static let rateCases: [(String, Double)] = [
        ("120/h", 120.0 / 3600), ("2/m", 2.0 / 60), ("0.5/s", 0.5), ("300/d", 300.0 / 86_400), ("0/h", 0),
        ("12 / h", 12.0 / 3600),
    ]

    @Test(arguments: rateCases)
    func rates(text: String, perSecond: Double) throws {
        let process = try Fixtures.minimal("arrivals.a.rate", text).spec.arrivals[0].process
        #expect(process == .poisson(ratePerSecond: perSecond))
    }

    @Test(arguments: [
        ("120", "expected a rate like 120/h (per s, m, h or d), found 120"),
        ("120/w", "expected a rate like 120/h (per s, m, h or d), found \"120/w\""),
        ("per hour", "expected a rate like 120/h (per s, m, h or d), found \"per hour\""),
        ("-5/h", "expected a rate >= 0 and at most 1000/s (3600000/h), found \"-5/h\""),
    ])
    func badRates(text: String, message: String) {
        let errors = Fixtures.minimalErrors("arrivals.a.rate", text)
        #expect(errors.map(\.message) == [message])
        #expect(errors.first?.keyPath == "arrivals.a.rate")
    }

    @Test func profile() throws {
        let process = try Fixtures.minimal("arrivals.a", "{name: a, profile: {every: 30m, volumes: [12, 18.5, 0]}, handle_time: 5m}")
            .spec.arrivals[0].process
        #expect(process == .profile(every: 1800, volumes: [12, 18.5, 0]))
    }

    static let distributionCases: [(String, Distribution)] = [
        ("4m", .fixed(240)),
        ("{dist: fixed, value: 90}", .fixed(90)),
        ("{dist: exponential, mean: 3m}", .exponential(mean: 180)),
        ("{dist: uniform, min: 1m, max: 2m}", .uniform(min: 60, max: 120)),
        ("{dist: normal, mean: 5m, sd: 30s}", .normal(mean: 300, sd: 30)),
        ("{dist: lognormal, mean: 5m, sd: 3m}", .lognormal(mean: 300, sd: 180)),
        ("{dist: gamma, shape: 2, scale: 1m}", .gamma(shape: 2, scale: 60)),
        ("{dist: gamma, mean: 10, sd: 5}", .gamma(shape: 4, scale: 2.5)),
        ("{dist: erlang, k: 3, mean: 6m}", .erlang(k: 3, mean: 360)),
        ("{dist: weibull, shape: 1.5, scale: 4m}", .weibull(shape: 1.5, scale: 240)),
    ]

    @Test(arguments: distributionCases)
    func distributions(text: String, expected: Distribution) throws {
        let stream = try Fixtures.minimal("arrivals.a.handle_time", text).spec.arrivals[0]
        #expect(stream.handleTime == expected)
    }

    @Test func empiricalDistribution() throws {
        let text = "{dist: empirical, values: [10s, 1m, 90], weights: [1, 3, 0.5]}"
        let stream = try Fixtures.minimal("arrivals.a.patience", text).spec.arrivals[0]
        #expect(stream.patience == .empirical(try EmpiricalTable(values: [10, 60, 90], weights: [1, 3, 0.5])))
        let unweighted = try Fixtures.minimal("arrivals.a.patience", "{dist: empirical, values: [5s]}").spec
        #expect(unweighted.arrivals[0].patience == .empirical(try EmpiricalTable(values: [5], weights: nil)))
    }

    @Test(arguments: [
        ("{dist: exponential}", "arrivals.a.handle_time.mean", #"missing required key "mean" (exponential needs it)"#),
        ("{dist: uniform, min: 1m}", "arrivals.a.handle_time.max", #"missing required key "max" (uniform needs it)"#),
        ("{dist: exponential, mean: 3m, sd: 1m}", "arrivals.a.handle_time.sd",
         #"unknown key "sd"; expected one of: dist, mean"#),
        ("{dist: frechet, mean: 3m}", "arrivals.a.handle_time.dist",
         #"unknown distribution "frechet"; expected one of: fixed, exponential, uniform, normal, lognormal, gamma, erlang, weibull, empirical"#),
        ("{mean: 3m}", "arrivals.a.handle_time.dist",
         #"missing required key "dist" (one of fixed, exponential, uniform, normal, lognormal, gamma, erlang, weibull, empirical)"#),
        ("{dist: weibull, shape: 0.01, scale: 1m}", "arrivals.a.handle_time.shape", "expected a shape from 0.1 to 1000, found 0.01"),
        ("{dist: uniform, min: 5m, max: 1m}", "arrivals.a.handle_time",
         "invalid distribution: uniform needs min <= max, found min 300, max 60"),
        ("{dist: exponential, mean: 0}", "arrivals.a.handle_time", "invalid distribution: exponential needs mean > 0, found 0"),
        ("{dist: gamma, shape: 2, mean: 1m}", "arrivals.a.handle_time", #"give only one of "shape/scale", "mean/sd", not several"#),
        ("{dist: erlang, k: 1.5, mean: 1m}", "arrivals.a.handle_time.k", "expected an integer from 1 to 1000, found 1.5"),
        ("{dist: empirical, values: [1, 2], weights: [1]}", "arrivals.a.handle_time",
         "invalid distribution: empirical needs as many weights as values (2 values, 1 weights)"),
        ("{dist: exponential, mean: -3m}", "arrivals.a.handle_time.mean", #"expected a duration >= 0 and at most 31622400 s (366 d), found "-3m""#),
    ])
    func badDistributions(text: String, keyPath: String, message: String) {
        let errors = Fixtures.minimalErrors("arrivals.a.handle_time", text)
        #expect(errors.map(\.keyPath) == [keyPath])
        #expect(errors.map(\.message) == [message])
    }
}
