import RouteSim

/// Reads a worker group's `shifts:`: `[{start, end, breaks: [{at, length, activity}]}]`.
///
/// Times are durations from the scenario start, break times too (not relative to the
/// shift). Shifts must be in time order without overlap; breaks must lie inside their
/// shift without overlapping each other. A break's activity defaults to `Unavailable`
/// when the workspace has it.
enum ShiftsReader {
    static let shiftKeys = ["start", "end", "breaks"]
    static let breakKeys = ["at", "length", "activity"]

    /// The shifts that could be read.
    static func read(_ field: Field, activities: NameTable) -> [Shift] {
        guard let items = field.items(expected: "a list of shifts {start, end, breaks}") else { return [] }
        var shifts: [Shift] = []
        var previousEnd: Double?
        for item in items {
            guard let map = item.mapping(keys: shiftKeys) else { continue }
            let start = map.required("start")?.duration()
            let end = map.required("end")?.duration()
            guard let start, let end else { continue }
            guard start < end else {
                item.report(.expected("start before end", found: "start \(format(start)), end \(format(end))"))
                continue
            }
            if let previousEnd, start < previousEnd {
                item.report(.expected(
                    "shifts in time order without overlap (this one starting at or after \(format(previousEnd)))",
                    found: "start \(format(start))"))
            }
            previousEnd = end
            let breaks = map.optional("breaks").map { Self.breaks($0, start: start, end: end, activities: activities) } ?? []
            shifts.append(Shift(start: start, end: end, breaks: breaks))
        }
        return shifts
    }

    /// The breaks of a shift from `start` to `end`.
    private static func breaks(_ field: Field, start: Double, end: Double, activities: NameTable) -> [ShiftBreak] {
        guard let items = field.items(expected: "a list of breaks {at, length, activity}") else { return [] }
        var breaks: [(ShiftBreak, Field)] = []
        for item in items {
            guard let map = item.mapping(keys: breakKeys) else { continue }
            let at = map.required("at")?.duration()
            let length = map.required("length")?.duration(positive: true)
            let activity = activity(map, activities: activities)
            guard let at, let length, let activity else { continue }
            guard at >= start, at + length <= end else {
                item.report(.expected(
                    "a break inside its shift (\(format(start)) to \(format(end)))",
                    found: "\(format(at)) to \(format(at + length))"))
                continue
            }
            breaks.append((ShiftBreak(at: at, length: length, activity: activity), item))
        }
        let ordered = breaks.sorted { $0.0.at < $1.0.at }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.0.at < earlier.0.at + earlier.0.length {
            later.1.report(.expected(
                "breaks that do not overlap (this one after \(format(earlier.0.at + earlier.0.length)))",
                found: "at \(format(later.0.at))"))
        }
        return breaks.map(\.0)
    }

    /// The break activity: given, or `Unavailable`.
    private static func activity(_ map: FieldMap, activities: NameTable) -> Int? {
        if let given = map.optional("activity") { return activities.resolve(given) }
        let fallback = "Unavailable"
        if let index = activities.index(of: fallback) { return index }
        if activities.complete {
            _ = map.required("activity", reason: "there is no \"\(fallback)\" activity to default to")
        }
        return nil
    }

    /// Seconds as a message shows them: `28800 s`.
    private static func format(_ seconds: Double) -> String {
        NumberSyntax.format(seconds) + " s"
    }
}
