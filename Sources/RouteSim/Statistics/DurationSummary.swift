/// Count, total, minimum and maximum of a set of durations: TaskRouter's
/// `{avg, min, max, total}` objects (wait durations, activity durations).
///
/// Fixed size, no allocation when adding.
package struct DurationSummary {
    /// How many durations were added.
    private(set) var count = 0
    /// Their sum (s).
    private(set) var total: Double = 0
    /// The shortest (s); 0 while empty.
    private(set) var minimum: Double = 0
    /// The longest (s); 0 while empty.
    private(set) var maximum: Double = 0

    package init() {}

    /// Adds one duration of `seconds`.
    package mutating func add(_ seconds: Double) {
        minimum = count == 0 ? seconds : min(minimum, seconds)
        maximum = count == 0 ? seconds : max(maximum, seconds)
        total += seconds
        count += 1
    }

    /// Adds every duration `other` holds.
    package mutating func add(_ other: DurationSummary) {
        guard other.count > 0 else { return }
        minimum = count == 0 ? other.minimum : min(minimum, other.minimum)
        maximum = count == 0 ? other.maximum : max(maximum, other.maximum)
        total += other.total
        count += other.count
    }

    /// The mean (s); 0 while empty.
    var average: Double { count > 0 ? total / Double(count) : 0 }

    /// The fields `avg`, `min`, `max`, `total` (all 0 while empty).
    var fields: [String: AttributeValue] {
        ["avg": .number(average), "min": .number(minimum), "max": .number(maximum), "total": .number(total)]
    }
}
