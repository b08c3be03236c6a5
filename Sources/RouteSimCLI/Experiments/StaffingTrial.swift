/// One replication of a staffing that `routesim staff` simulated for its search, kept in
/// memory only: its KPI values as a stored run's columns would read back.
struct StaffingTrial: Sendable {
    /// The whole run's KPI values, in the order of `ResultStore.kpiNames`.
    var kpis: [Double?]
    /// Per interval, the KPI values over all queues.
    var intervals: [[Double?]]
}
