/// The engine's state of one task in flight, stored in a reusable slot.
///
/// Stamps only ever grow, also across reuse of the slot, so an event scheduled for an
/// earlier life of the slot never matches a later one.
struct TaskState: BitwiseCopyable {
    /// Creation number in the run (the SID derives from it).
    var ordinal: Int = 0
    /// Caller number within its arrival stream (the random draws derive from it).
    var streamOrdinal: Int = 0
    var stream: Int32 = 0
    /// Task profile (its attribute set) in the ``RoutingTable``.
    var profile: Int32 = 0
    var channel: Int32 = 0
    var workflow: Int32 = 0
    var priority: Int = 0
    var status: TaskStatus = .pending
    var createdAt: Double = 0
    /// Filter index in the workflow; -1 for the default filter.
    var filter: Int32 = -1
    /// Global target id (``RoutingTable``); -1 before routing.
    var target: Int32 = -1
    var filterEnteredAt: Double = 0
    var queue: Int32 = -1
    var firstQueue: Int32 = -1
    /// The current target's deadline passed while the task was reserved.
    var targetExpired = false
    /// The task has stayed at some target (was not skipped at every one so far); until
    /// then, skipping the last target may still lead to the `default_filter`.
    var hasWaited = false
    var life: UInt32 = 0
    var targetStamp: UInt32 = 0
    var pendingStamp: UInt32 = 0
    var workStamp: UInt32 = 0
    /// Head of the list of live (pending) reservations, linked through
    /// ``ReservationState/nextOfTask``; -1 when none.
    var firstReservation: Int32 = -1
    var liveReservations: Int32 = 0
    var reservationCount: Int32 = 0
    /// Pending-to-reserved transitions (TaskRouter cancels at 1,000).
    var assignmentCount: Int32 = 0
    var worker: Int32 = -1
    var acceptedReservation: Int32 = -1
    var assignedAt: Double = .nan
    var wrapupAt: Double = .nan
    /// Remaining work in single-task seconds, as of ``workUpdatedAt``.
    var work: Double = 0
    var workUpdatedAt: Double = 0
    /// Drawn wrap-up time; negative when the stream has none.
    var wrapup: Double = -1
    /// Position in the worker channel's handling list (rescaled channels only).
    var handlingSlot: Int32 = -1
}
