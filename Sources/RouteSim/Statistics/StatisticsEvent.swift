/// What ``TaskRouterStatistics`` reads of one TaskRouter event, as plain values.
///
/// The engine feeds the statistics every event they read even when no event is recorded,
/// so this holds no optional and no reference (unlike ``EventRecord``): building and
/// dropping one costs no allocation and no reference counting.
struct StatisticsEvent {
    var type: TaskRouterEventType
    /// Simulated seconds.
    var time: Double
    /// Task ordinal; -1 for worker events.
    var task = -1
    /// Seconds since the task was created.
    var taskAge: Double = 0
    var taskPriority = 0
    /// The queue the event is about (for `task-queue.moved`/`timeout`, the one left); -1
    /// for none.
    var queue: Int32 = -1
    /// The task's workflow; -1 for worker events.
    var workflow: Int32 = -1
    /// The reservation's worker for reservation events, the worker for worker events.
    var worker: Int32 = -1
    /// Whether the event is about a reservation.
    var isReservation = false
    /// For `worker.activity.update`, the worker's new activity.
    var activity: Int32 = -1
}
