/// The engine's state of one reservation, stored in a reusable slot.
struct ReservationState: BitwiseCopyable {
    var ordinal: Int = 0
    var task: Int32 = 0
    var worker: Int32 = 0
    var queue: Int32 = 0
    var createdAt: Double = 0
    var respondedAt: Double = 0
    var status: ReservationStatus = .pending
    var life: UInt32 = 0
    /// Next live reservation of the same task; -1 at the end.
    var nextOfTask: Int32 = -1
    /// Which reservation of its task this is (1, 2, ...); the agent's draws derive from it.
    var numberInTask: Int32 = 0
    /// Whether the agent will accept (else reject) when its answer event comes.
    var willAccept = true
    /// The worker's activity before a single-tasking `reservation_activity` changed it;
    /// -1 when it was not changed.
    var previousActivity: Int32 = -1
}
