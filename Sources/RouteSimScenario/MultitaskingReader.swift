import RouteSim

/// Reads `multitasking:`, the slowdown of an agent holding several tasks of one channel:
/// `{<channel unique name>: {beta: B} | {table: [r1, r2, ...]}}`.
///
/// `beta` >= 0 gives factor 1 + beta (k - 1); a `table` gives factor(k) = table[k - 1]:
/// positive factors, the first 1 (one task runs at full speed). Unlisted channels have
/// no slowdown.
enum MultitaskingReader {
    /// Speeds indexed like the channels.
    static func read(_ field: Field?, channels: NameTable) -> [MultitaskingSpeed] {
        var speeds = Array(repeating: MultitaskingSpeed.none, count: channels.names.count)
        guard let field else { return speeds }
        for (key, speedField) in field.entries(expected: "a map of channel unique name to {beta} or {table}") ?? [] {
            let speed = speed(speedField)
            guard let index = channels.index(of: key) else {
                if channels.complete {
                    speedField.report(.unknownName(kind: "task channel", name: key, expected: channels.names))
                }
                continue
            }
            if let speed { speeds[index] = speed }
        }
        return speeds
    }

    /// One channel's speed curve.
    private static func speed(_ field: Field) -> MultitaskingSpeed? {
        guard let map = field.mapping(keys: ["beta", "table"]) else { return nil }
        let given = map.present(["beta", "table"])
        guard given.count == 1 else {
            field.report(given.isEmpty ? .needsOneOf(["beta", "table"]) : .exclusive(given))
            return nil
        }
        if let beta = map.optional("beta") {
            let most = ScenarioLimits.slowdowns.upperBound
            return beta.number(in: 0...most, expected: "a beta from 0 to \(NumberSyntax.format(most))").map { .linear(beta: $0) }
        }
        guard let tableField = map.optional("table"), let items = tableField.items(expected: "a list of factors")
        else { return nil }
        let range = ScenarioLimits.slowdowns
        let factors = items.map {
            $0.number(in: range, expected: "a factor from \(NumberSyntax.format(range.lowerBound)) to \(NumberSyntax.format(range.upperBound))")
        }
        guard let first = factors.first else {
            tableField.report(.expected("at least one factor", found: "an empty list"))
            return nil
        }
        if let first, first != 1 {
            items[0].report(.expected("1 as the first factor (one task at a time runs at full speed)", found: items[0].node.found))
            return nil
        }
        guard !factors.contains(where: { $0 == nil }) else { return nil }
        return .table(factors.compactMap { $0 })
    }
}
