import RouteSim

/// One KPI's mean over replications with its confidence interval.
public struct KPIEstimate: Sendable, Equatable {
    /// The KPI's column name (``ResultStore/kpiNames``).
    public var name: String
    public var estimate: Estimate

    public init(name: String, estimate: Estimate) {
        self.name = name
        self.estimate = estimate
    }

    /// The estimates of every KPI over `samples` (one `[Double?]` per replication, in
    /// ``ResultStore/kpiNames`` order); a KPI NULL in every replication is left out, one NULL
    /// in some is left out of that KPI's mean only.
    static func estimates(of samples: [[Double?]], confidence: Double) -> [KPIEstimate] {
        ResultStore.kpiNames.enumerated().compactMap { column, name in
            let values = samples.compactMap { $0[column] }
            return values.isEmpty ? nil : KPIEstimate(name: name, estimate: Estimate(values, confidence: confidence))
        }
    }
}
