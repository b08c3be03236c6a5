/// A caller's hang-up time whose event is not in the event list yet: set at arrival with
/// a reserved sequence number, and scheduled when the arrival's instant is over only if
/// the caller is still waiting then (most callers are answered in the instant they arrive,
/// and their timer would only have gone stale).
struct AbandonTimer: BitwiseCopyable {
    /// The task's slot; with ``life``, identifies the task (the slot may be reused).
    var slot: Int32
    var life: UInt32
    /// When the caller hangs up (s); later than the instant the timer was set in.
    var time: Double
    /// The sequence number reserved for it (``EventList/reserveSequence()``).
    var sequence: UInt64
}
