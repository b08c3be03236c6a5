/// A task's TTL deadline in its stream's list: the slot and life identify the task (the
/// slot may have been reused by the time the deadline comes).
struct TaskDeadline {
    var slot: Int32
    var life: UInt32
    var deadline: Double
}
