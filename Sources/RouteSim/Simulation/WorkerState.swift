/// The engine's state of one worker. Per-channel counters live in flat arrays of
/// ``Simulation`` indexed by `worker * channelCount + channel`.
struct WorkerState: BitwiseCopyable {
    var group: Int32 = 0
    var activity: Int32 = 0
    var activitySince: Double = 0
    /// The activity the shift plan says now; the worker returns to it after a time-out or
    /// a single-tasking reservation/assignment activity.
    var scheduledActivity: Int32 = 0
    /// Moves on every activity change; a `workerReturn` event for an older stamp is stale.
    var activityStamp: UInt32 = 0
    /// Reservations pending, accepted or wrapping, over all channels.
    var activeTotal: Int32 = 0
    /// Tasks accepted and not completed (talking or wrapping), over all channels.
    var busyTotal: Int32 = 0
    /// When the worker's last reservation was created (longest-idle key without
    /// channel-optimized routing).
    var lastReservedAt: Double = 0
    /// Time up to which its busy and staffed seconds have been counted.
    var accountedUntil: Double = 0
}
