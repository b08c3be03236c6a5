/// One queue's KPI estimates over replications.
public struct QueueKPIs: Sendable, Equatable {
    /// The queue's friendly name.
    public var queue: String
    public var kpis: [KPIEstimate]

    public init(queue: String, kpis: [KPIEstimate]) {
        self.queue = queue
        self.kpis = kpis
    }
}
