import GRDB
import RouteSim

/// The KPI columns `runs`, `intervals` and `queue_summary` share: each column's name with
/// the field of ``KPIs`` it holds, which both writes a column and reads it back by name.
///
/// Counts and sums come first so that ratios can be recomputed over any set of intervals
/// (ASA of a day = sum of `answered_wait_seconds` / sum of `answered`); the ratios follow,
/// NULL where their denominator is zero.
enum KPIColumns {
    /// One column: its name and the field of ``KPIs`` it holds.
    typealias Column = (name: String, field: KPIField)

    /// Every KPI column, in table order.
    static let all: [Column] = [
        ("offered", .count(\.offered)),
        ("answered", .count(\.answered)),
        ("abandoned", .count(\.abandoned)),
        ("other_canceled", .count(\.otherCanceled)),
        ("answered_within", .count(\.answeredWithin)),
        ("abandoned_after", .count(\.abandonedAfter)),
        ("answered_wait_seconds", .sum(\.answeredWaitTotal)),
        ("handled", .count(\.handled)),
        ("handle_seconds", .sum(\.handleTotal)),
        ("longest_wait", .longest(\.longestWait)),
        ("busy_seconds", .sum(\.busySeconds)),
        ("staffed_seconds", .sum(\.staffedSeconds)),
        ("reservations_created", .count(\.reservationsCreated)),
        ("reservations_accepted", .count(\.reservationsAccepted)),
        ("reservations_rejected", .count(\.reservationsRejected)),
        ("reservations_timed_out", .count(\.reservationsTimedOut)),
        ("sl", .ratio(\.serviceLevel)),
        ("sl_offered", .ratio(\.slOffered)),
        ("sl_answered", .ratio(\.slAnswered)),
        ("abandon_rate", .ratio(\.abandonRate)),
        ("asa", .ratio(\.asa)),
        ("aht", .ratio(\.aht)),
        ("occupancy", .ratio(\.occupancy)),
    ]

    /// The column names, in table order.
    static let names = all.map(\.name)

    /// The column names, comma-separated, for an INSERT's column list.
    static let list = names.joined(separator: ", ")

    /// One `?` per column, comma-separated, for an INSERT's VALUES.
    static let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")

    /// The values of `kpis`, in the order of ``names``.
    static func values(of kpis: KPIs) -> StatementArguments {
        StatementArguments(all.map { column -> (any DatabaseValueConvertible)? in
            switch column.field {
            case .count(let field): kpis[keyPath: field]
            case .sum(let field), .longest(let field): kpis[keyPath: field]
            case .ratio(let field): kpis[keyPath: field]
            }
        })
    }

    /// The values of `kpis` as their columns read back, in the order of ``names``.
    static func doubles(of kpis: KPIs) -> [Double?] {
        all.map { column -> Double? in
            switch column.field {
            case .count(let field): Double(kpis[keyPath: field])
            case .sum(let field), .longest(let field): kpis[keyPath: field]
            case .ratio(let field): kpis[keyPath: field]
            }
        }
    }

    /// The select list that combines the counts and sums over a group of rows, each under
    /// its column's name (`SUM(offered) AS offered, …`), for ``totals(in:)``.
    static let totalsSelection = all.compactMap { column in
        column.field.aggregate.map { "\($0)(\(column.name)) AS \(column.name)" }
    }.joined(separator: ", ")

    /// The KPIs whose counts and sums `row` holds under their column names (a row selected
    /// with ``totalsSelection``); the ratios follow from them.
    static func totals(in row: Row) -> KPIs {
        var kpis = KPIs()
        for column in all {
            switch column.field {
            case .count(let field): kpis[keyPath: field] = row[column.name]
            case .sum(let field), .longest(let field): kpis[keyPath: field] = row[column.name]
            case .ratio: break
            }
        }
        return kpis
    }
}
