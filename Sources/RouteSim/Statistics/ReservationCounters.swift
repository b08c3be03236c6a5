/// TaskRouter's six cumulative reservation counters, one per terminal-or-start event:
/// `reservation.created`, `.accepted`, `.rejected`, `.timeout`, `.canceled`, `.rescinded`.
package struct ReservationCounters {
    /// `reservations_created`: `reservation.created` events.
    private(set) var created = 0
    /// `reservations_accepted`: `reservation.accepted` events.
    private(set) var accepted = 0
    /// `reservations_rejected`: `reservation.rejected` events.
    private(set) var rejected = 0
    /// `reservations_timed_out`: `reservation.timeout` events.
    private(set) var timedOut = 0
    /// `reservations_canceled`: `reservation.canceled` events.
    private(set) var canceled = 0
    /// `reservations_rescinded`: `reservation.rescinded` events.
    private(set) var rescinded = 0

    package init() {}

    /// Counts one event of `type`; other types (completed, wrap-up, ...) are ignored.
    /// Inlined, so that only one case is left where `type` is a constant.
    @inline(__always)
    package mutating func count(_ type: TaskRouterEventType) {
        switch type {
        case .reservationCreated: created += 1
        case .reservationAccepted: accepted += 1
        case .reservationRejected: rejected += 1
        case .reservationTimeout: timedOut += 1
        case .reservationCanceled: canceled += 1
        case .reservationRescinded: rescinded += 1
        default: break
        }
    }

    /// Adds `other`'s counts to these.
    package mutating func add(_ other: ReservationCounters) {
        created += other.created
        accepted += other.accepted
        rejected += other.rejected
        timedOut += other.timedOut
        canceled += other.canceled
        rescinded += other.rescinded
    }

    /// Adds the six `reservations_*` fields to a statistics object.
    func write(to fields: inout [String: AttributeValue]) {
        fields["reservations_created"] = .number(Double(created))
        fields["reservations_accepted"] = .number(Double(accepted))
        fields["reservations_rejected"] = .number(Double(rejected))
        fields["reservations_timed_out"] = .number(Double(timedOut))
        fields["reservations_canceled"] = .number(Double(canceled))
        fields["reservations_rescinded"] = .number(Double(rescinded))
    }
}
