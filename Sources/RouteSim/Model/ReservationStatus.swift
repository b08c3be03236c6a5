/// A reservation's `reservation_status` (docs/taskrouter-fidelity.md, Task and reservation states).
public enum ReservationStatus: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
    case pending, accepted, rejected, timeout, canceled, rescinded, wrapping, completed

    /// Whether a reservation in this status still holds its worker's unit (pending,
    /// accepted or wrapping).
    public var isLive: Bool {
        self == .pending || self == .accepted || self == .wrapping
    }
}
