/// One entry of the future event list: what happens, to which entity, and the stamp that
/// tells whether the entity is still in the state the event was scheduled for.
///
/// Cancelled timers are never searched for: the entity's stamp moves on, and the event is
/// dropped when it comes out of the list (a stale stamp).
@usableFromInline
struct EngineEvent: Sendable {
    @usableFromInline
    enum Kind: UInt8, Sendable {
        /// The next caller of arrival stream `entity`.
        case arrival
        /// Group `entity` moves to entry `stamp` of its shift plan.
        case shiftChange
        /// Task slot `entity`'s caller hangs up (stamp: the task's life).
        case abandon
        /// The oldest task of arrival stream `entity` still in its TTL list reaches its TTL.
        case ttl
        /// Task slot `entity`'s current workflow target times out (stamp: target stamp).
        case targetTimeout
        /// Reservation slot `entity` is accepted or rejected (stamp: reservation life).
        case answer
        /// Reservation slot `entity` times out (stamp: reservation life).
        case reservationTimeout
        /// Task slot `entity`'s conversation ends (stamp: work stamp, moved by rescaling).
        case workDone
        /// Task slot `entity`'s wrap-up ends (stamp: the task's life).
        case wrapupDone
        /// Worker `entity` returns from the timeout activity (stamp: worker activity stamp).
        case workerReturn
        /// Task slot `entity`, created through the REST API, reaches its own TTL (stamp:
        /// the task's life).
        case taskTimeout
    }

    @usableFromInline var kind: Kind
    @usableFromInline var entity: Int32
    @usableFromInline var stamp: UInt32

    @usableFromInline
    init(_ kind: Kind, _ entity: Int32, _ stamp: UInt32 = 0) {
        self.kind = kind
        self.entity = entity
        self.stamp = stamp
    }
}
