/// How much of a run goes into the results file (`--record`).
public enum RecordLevel: String, Sendable, CaseIterable {
    /// The `runs`, `intervals`, `queue_summary` and `statistics` rows only.
    case summary
    /// Also one row per task, reservation and worker activity span.
    case tasks
    /// Also one row per TaskRouter event (of the types the workspace's `events_filter`
    /// names), the largest table by far.
    case events

    /// Whether task, reservation and activity-span rows are stored.
    public var keepsRows: Bool { self != .summary }
    /// Whether event rows are stored.
    public var keepsEvents: Bool { self == .events }
}
