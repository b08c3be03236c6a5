/// A reservation's `reservation_status` (TASKROUTER.md §9.2).
public enum ReservationStatus: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
    case pending, accepted, rejected, timeout, canceled, rescinded, wrapping, completed
}
