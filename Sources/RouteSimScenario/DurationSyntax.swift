/// Reads durations: a number of seconds (`90`, `1.5`) or a number with a unit: `45s`,
/// `5m`, `1.5h`, `2d`.
///
/// The one duration reader of the module; rates use its unit table.
public enum DurationSyntax {
    /// Seconds in one unit: `s`, `m`, `h`, `d`.
    static func seconds(inUnit unit: Character) -> Double? {
        switch unit {
        case "s": return 1
        case "m": return 60
        case "h": return 3600
        case "d": return 86_400
        default: return nil
        }
    }

    /// The duration in seconds, or nil when `text` is not one. Signs and non-finite
    /// values are returned as read; callers decide what they accept.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmed
        if let plain = NumberSyntax.parse(trimmed) { return plain }
        guard let unit = trimmed.last, let factor = seconds(inUnit: unit),
            let amount = NumberSyntax.parse(String(trimmed.dropLast()))
        else { return nil }
        return amount * factor
    }

    /// `seconds` as messages show a limit: `31622400 s (366 d)`, or `20 s`.
    static func describe(_ seconds: Double) -> String {
        let days = seconds / 86_400
        let plain = NumberSyntax.format(seconds) + " s"
        return days >= 1 && days == days.rounded() ? plain + " (\(NumberSyntax.format(days)) d)" : plain
    }
}
