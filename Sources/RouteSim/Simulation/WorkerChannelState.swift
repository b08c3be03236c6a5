/// The engine's state of one worker channel, at `worker * channelCount + channel` in
/// ``Simulation``'s `workerChannels`.
///
/// The fields live together, 32 bytes to a value, because routing reads them together for
/// a worker it reaches at random: with 10,000 agents the workers' state is far larger than
/// the processor's second-level cache, and one array per field cost a cache miss per field
/// (docs/performance.md, "Large worker counts").
struct WorkerChannelState: BitwiseCopyable {
    /// When its last reservation was created (the longest-idle key with
    /// `channel_optimized_routing`).
    var lastReservedAt: Double = 0
    /// Configured capacity.
    var capacity: Int32
    /// Reservations pending, accepted or wrapping.
    var active: Int32 = 0
    /// Moves whenever the worker's readiness or idle key may change; idle entries with an
    /// older stamp are stale.
    var readyStamp: UInt32 = 0
    /// Start of its region in `handlingTasks` (channels whose speed depends on concurrency).
    var handlingOffset: Int32
    /// Tasks in conversation (accepted, not wrapping).
    var handlingCount: Int32 = 0
    /// TaskRouter's worker channel `available` switch.
    var available: Bool

    init(capacity: Int32, available: Bool, handlingOffset: Int32) {
        self.capacity = capacity
        self.available = available
        self.handlingOffset = handlingOffset
    }
}
