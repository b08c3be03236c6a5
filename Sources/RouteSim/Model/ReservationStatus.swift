/// A reservation's `reservation_status` (docs/taskrouter-fidelity.md, Task and reservation states).
public enum ReservationStatus: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
    case pending, accepted, rejected, timeout, canceled, rescinded, wrapping, completed
}
