/// A task's `assignment_status` (docs/taskrouter-fidelity.md, Task and reservation states).
public enum TaskStatus: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
    case pending, reserved, assigned, wrapping, completed, canceled

    /// Whether a task in this status is still in flight (not completed or canceled).
    public var isLive: Bool {
        self != .completed && self != .canceled
    }
}
