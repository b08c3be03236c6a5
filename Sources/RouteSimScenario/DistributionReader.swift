import RouteSimKernel

/// Reads a distribution of durations: a plain duration (a fixed value) or a map
/// `{dist: NAME, <parameters>}`.
///
/// Parameters that are times (`mean`, `sd`, `min`, `max`, `value`, `scale`, `values`) take
/// durations (`4s`, `3m`, `90`), or plain numbers >= 0 for a distribution of factors
/// (`dimensionless`, e.g. `rate_multiplier`); `shape`, `k` and `weights` are plain numbers. `gamma`
/// takes `shape` + `scale`, or `mean` + `sd`, converted (shape = (mean/sd)², scale = sd²/mean);
/// `weibull` takes `shape` + `scale`.
/// The parameters are checked by ``Distribution/validated()`` last.
enum DistributionReader {
    /// The distribution names and the parameter keys each one takes.
    private static let parameters: [(name: String, keys: [String])] = [
        ("fixed", ["value"]), ("exponential", ["mean"]), ("uniform", ["min", "max"]),
        ("normal", ["mean", "sd"]), ("lognormal", ["mean", "sd"]), ("gamma", ["shape", "scale", "mean", "sd"]),
        ("erlang", ["k", "mean"]), ("weibull", ["shape", "scale"]), ("empirical", ["values", "weights"]),
    ]

    /// The distribution of durations at `field`, validated; nil with the problems reported.
    static func read(_ field: Field) -> Distribution? {
        read(field, dimensionless: false)
    }

    /// The distribution of plain numbers (factors) at `field`, validated; nil with the
    /// problems reported.
    static func readFactors(_ field: Field) -> Distribution? {
        read(field, dimensionless: true)
    }

    /// The distribution at `field`: of durations, or of plain numbers when `dimensionless`.
    private static func read(_ field: Field, dimensionless: Bool) -> Distribution? {
        guard case .mapping = field.node.content else {
            guard field.node.scalar != nil else {
                let plain = dimensionless ? "a number" : "a duration"
                field.report(.expected("\(plain) or a map {dist: ..., ...}", found: field.node.found))
                return nil
            }
            return amount(field, positive: false, dimensionless: dimensionless).map(Distribution.fixed)
        }
        guard let nameNode = field.node["dist"] else {
            _ = field.mapping(keys: ["dist"] + Set(parameters.flatMap(\.keys)).sorted())
            field.diagnostics.report(
                .missingKey("dist", reason: "one of " + parameters.map(\.name).joined(separator: ", ")),
                at: field.node.location, path: field.path.appending("dist"))
            return nil
        }
        let nameField = Field(node: nameNode, path: field.path.appending("dist"), diagnostics: field.diagnostics)
        guard let name = nameField.string(expected: "a distribution name") else { return nil }
        guard let keys = parameters.first(where: { $0.name == name })?.keys else {
            nameField.report(.unknownName(kind: "distribution", name: name, expected: parameters.map(\.name)))
            return nil
        }
        guard let map = field.mapping(keys: ["dist"] + keys) else { return nil }
        guard let distribution = build(name, map, dimensionless: dimensionless) else { return nil }
        do {
            return try distribution.validated()
        } catch {
            field.report(.badDistribution(error.message))
            return nil
        }
    }

    /// A parameter that is a time: a duration, or a plain number >= 0 (> 0 when `positive`)
    /// when `dimensionless`.
    private static func amount(_ field: Field, positive: Bool, dimensionless: Bool) -> Double? {
        guard dimensionless else { return field.duration(positive: positive) }
        let range = (positive ? Double.leastNonzeroMagnitude : 0)...ScenarioLimits.largestFactor
        let most = NumberSyntax.format(ScenarioLimits.largestFactor)
        return field.number(in: range, expected: (positive ? "a number > 0" : "a number >= 0") + " and at most \(most)")
    }

    /// The unvalidated distribution from its parameters; nil when one is missing or unreadable.
    private static func build(_ name: String, _ map: FieldMap, dimensionless: Bool) -> Distribution? {
        let needs = "\(name) needs it"
        func time(_ key: String) -> Double? {
            map.required(key, reason: needs).flatMap { amount($0, positive: false, dimensionless: dimensionless) }
        }
        switch name {
        case "fixed":
            return time("value").map(Distribution.fixed)
        case "exponential":
            return time("mean").map { Distribution.exponential(mean: $0) }
        case "uniform":
            let (low, high) = (time("min"), time("max"))
            guard let low, let high else { return nil }
            return .uniform(min: low, max: high)
        case "normal", "lognormal":
            let (mean, sd) = (time("mean"), time("sd"))
            guard let mean, let sd else { return nil }
            return name == "normal" ? .normal(mean: mean, sd: sd) : .lognormal(mean: mean, sd: sd)
        case "gamma":
            return gamma(map, dimensionless: dimensionless)
        case "weibull":
            let shape = map.required("shape", reason: needs).flatMap { shapeNumber($0, in: ScenarioLimits.weibullShapes) }
            let scale = time("scale")
            guard let shape, let scale else { return nil }
            return .weibull(shape: shape, scale: scale)
        case "erlang":
            let k = map.required("k", reason: needs)?.integer(in: 1...ScenarioLimits.mostErlangPhases)
            let mean = time("mean")
            guard let k, let mean else { return nil }
            return .erlang(k: k, mean: mean)
        default:
            return empirical(map, dimensionless: dimensionless)
        }
    }

    /// `gamma` from `shape` + `scale` or from `mean` + `sd`.
    private static func gamma(_ map: FieldMap, dimensionless: Bool) -> Distribution? {
        let byShape = map.present(["shape", "scale"])
        let byMoments = map.present(["mean", "sd"])
        if !byShape.isEmpty, !byMoments.isEmpty {
            map.field.report(.exclusive(["shape/scale", "mean/sd"]))
            return nil
        }
        if byMoments.isEmpty {
            let needs = "gamma needs shape and scale, or mean and sd"
            let shape = map.required("shape", reason: needs).flatMap { shapeNumber($0, in: ScenarioLimits.gammaShapes) }
            let scale = map.required("scale", reason: needs).flatMap {
                amount($0, positive: false, dimensionless: dimensionless)
            }
            guard let shape, let scale else { return nil }
            return .gamma(shape: shape, scale: scale)
        }
        let needs = "gamma with mean needs sd too"
        let mean = map.required("mean", reason: needs).flatMap { amount($0, positive: true, dimensionless: dimensionless) }
        let sd = map.required("sd", reason: "gamma with sd needs mean too").flatMap {
            amount($0, positive: true, dimensionless: dimensionless)
        }
        guard let mean, let sd else { return nil }
        return .gamma(shape: (mean / sd) * (mean / sd), scale: sd * sd / mean)
    }

    /// A `shape` parameter (gamma's, weibull's): a plain number in `shapes`.
    private static func shapeNumber(_ field: Field, in shapes: ClosedRange<Double>) -> Double? {
        field.number(
            in: shapes, expected: "a shape from \(NumberSyntax.format(shapes.lowerBound)) to \(NumberSyntax.format(shapes.upperBound))")
    }

    /// `empirical` from `values` and optional `weights`.
    private static func empirical(_ map: FieldMap, dimensionless: Bool) -> Distribution? {
        guard let valuesField = map.required("values", reason: "empirical needs it"),
            let items = valuesField.items(expected: dimensionless ? "a list of numbers" : "a list of durations")
        else { return nil }
        let values = items.map { amount($0, positive: false, dimensionless: dimensionless) }
        var weights: [Double?]?
        if let weightsField = map.optional("weights") {
            guard let weightItems = weightsField.items(expected: "a list of numbers") else { return nil }
            let most = ScenarioLimits.largestWeight
            weights = weightItems.map { $0.number(in: 0...most, expected: "a weight from 0 to \(NumberSyntax.format(most))") }
        }
        guard !values.contains(where: { $0 == nil }), weights?.contains(where: { $0 == nil }) != true else { return nil }
        do {
            return .empirical(try EmpiricalTable(values: values.compactMap { $0 }, weights: weights?.compactMap { $0 }))
        } catch {
            map.field.report(.badDistribution(error.message))
            return nil
        }
    }
}
