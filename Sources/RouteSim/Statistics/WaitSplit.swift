/// One threshold's entry of `split_by_wait_time`: accepted and canceled tasks by their
/// wait from creation, `below` when the wait is under the threshold, `above` otherwise
/// (a wait equal to it is above).
///
/// Fixed size: counting and adding never allocate.
package struct WaitSplit {
    /// Accepted with wait < threshold.
    private(set) var acceptedBelow = 0
    /// Accepted with wait >= threshold.
    private(set) var acceptedAbove = 0
    /// Canceled with wait < threshold.
    private(set) var canceledBelow = 0
    /// Canceled with wait >= threshold.
    private(set) var canceledAbove = 0

    package init() {}

    /// Counts an event of `type` whose task has waited `wait`: `reservation.accepted` and
    /// `task.canceled` count, every other type is ignored. Inlined, so that only one case
    /// is left where `type` is a constant.
    @inline(__always)
    package mutating func count(_ type: TaskRouterEventType, wait: Double, threshold: Double) {
        switch type {
        case .reservationAccepted:
            if wait < threshold { acceptedBelow += 1 } else { acceptedAbove += 1 }
        case .taskCanceled:
            if wait < threshold { canceledBelow += 1 } else { canceledAbove += 1 }
        default:
            break
        }
    }

    /// Adds `other`'s counts to these.
    package mutating func add(_ other: WaitSplit) {
        acceptedBelow += other.acceptedBelow
        acceptedAbove += other.acceptedAbove
        canceledBelow += other.canceledBelow
        canceledAbove += other.canceledAbove
    }

    /// `{"above": {reservations_accepted, tasks_canceled}, "below": {…}}`.
    package var document: AttributeValue {
        [
            "above": ["reservations_accepted": .number(Double(acceptedAbove)), "tasks_canceled": .number(Double(canceledAbove))],
            "below": ["reservations_accepted": .number(Double(acceptedBelow)), "tasks_canceled": .number(Double(canceledBelow))],
        ]
    }

    /// The key of `threshold` in `split_by_wait_time`: the number as JSON writes it.
    package static func key(_ threshold: Double) -> String {
        AttributeValue.number(threshold).jsonText
    }
}
