import RouteSim

/// What a KPI column holds of a ``KPIs``, and so how its values combine over several rows
/// (intervals, or runs): counts and sums add up, the longest wait is the largest, and a
/// ratio is not combined but recomputed from the counts and sums.
enum KPIField: Sendable {
    /// A count of tasks or reservations.
    case count(WritableKeyPath<KPIs, Int> & Sendable)
    /// A sum of seconds.
    case sum(WritableKeyPath<KPIs, Double> & Sendable)
    /// The longest of the values, not their sum (``KPIs/longestWait``).
    case longest(WritableKeyPath<KPIs, Double> & Sendable)
    /// A ratio of counts or sums; nil (NULL) when its denominator is zero.
    case ratio(KeyPath<KPIs, Double?> & Sendable)

    /// The SQL aggregate that combines the column over rows (`SUM`, `MAX`); nil for a ratio.
    var aggregate: String? {
        switch self {
        case .count, .sum: "SUM"
        case .longest: "MAX"
        case .ratio: nil
        }
    }
}
