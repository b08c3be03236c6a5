/// A task's `assignment_status` (TASKROUTER.md §8.4).
public enum TaskStatus: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
    case pending, reserved, assigned, wrapping, completed, canceled
}
