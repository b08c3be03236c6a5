import GRDB
import RouteSim

/// The KPI columns `runs`, `intervals` and `queue_summary` share: each column's name with
/// the value it takes from a ``KPIs``.
///
/// Counts and sums come first so that ratios can be recomputed over any set of intervals
/// (ASA of a day = sum of `answered_wait_seconds` / sum of `answered`); the ratios follow,
/// NULL where their denominator is zero.
enum KPIColumns {
    /// One column: its name and how to read its value.
    typealias Column = (name: String, value: @Sendable (KPIs) -> (any DatabaseValueConvertible)?)

    /// Every KPI column, in table order.
    static let all: [Column] = [
        ("offered", { $0.offered }),
        ("answered", { $0.answered }),
        ("abandoned", { $0.abandoned }),
        ("other_canceled", { $0.otherCanceled }),
        ("answered_within", { $0.answeredWithin }),
        ("abandoned_after", { $0.abandonedAfter }),
        ("answered_wait_seconds", { $0.answeredWaitTotal }),
        ("handled", { $0.handled }),
        ("handle_seconds", { $0.handleTotal }),
        ("longest_wait", { $0.longestWait }),
        ("busy_seconds", { $0.busySeconds }),
        ("staffed_seconds", { $0.staffedSeconds }),
        ("reservations_created", { $0.reservationsCreated }),
        ("reservations_accepted", { $0.reservationsAccepted }),
        ("reservations_rejected", { $0.reservationsRejected }),
        ("reservations_timed_out", { $0.reservationsTimedOut }),
        ("sl", { $0.serviceLevel }),
        ("sl_offered", { $0.slOffered }),
        ("sl_answered", { $0.slAnswered }),
        ("abandon_rate", { $0.abandonRate }),
        ("asa", { $0.asa }),
        ("aht", { $0.aht }),
        ("occupancy", { $0.occupancy }),
    ]

    /// The column names, in table order.
    static let names = all.map(\.name)

    /// The column names, comma-separated, for an INSERT's column list.
    static let list = names.joined(separator: ", ")

    /// One `?` per column, comma-separated, for an INSERT's VALUES.
    static let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")

    /// The values of `kpis`, in the order of ``names``.
    static func values(of kpis: KPIs) -> StatementArguments {
        StatementArguments(all.map { $0.value(kpis) })
    }
}
