/// A task's `assignment_status` (docs/taskrouter-fidelity.md, Task and reservation states).
public enum TaskStatus: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
    case pending, reserved, assigned, wrapping, completed, canceled
}
