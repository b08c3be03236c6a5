/// The numbers a run gives what its spec lists only by group or by stream: each worker's
/// index and each task attribute set's profile.
///
/// The one owner of that numbering: ``Simulation`` numbers its state by it, and whatever
/// labels the run's records (a ``TaskRecord``'s `worker` and `profile`, an
/// ``ActivitySpanRecord``'s `worker`) takes the names, SIDs and attribute sets from it, so
/// the two cannot disagree. Depends only on the spec, so the same spec gives the same
/// numbering wherever it is made.
public struct RunNumbering: Sendable {
    /// The workers, by worker index (``SimulationSpec/makeWorkers()``).
    public internal(set) var workers: [Worker]
    /// The task attribute sets, by profile.
    public let profiles: TaskProfiles

    /// Numbers the workers and attribute sets of `spec`. O(workers + traced callers).
    public init(spec: SimulationSpec) {
        workers = spec.makeWorkers()
        profiles = TaskProfiles(arrivals: spec.arrivals)
    }
}
