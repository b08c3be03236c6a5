/// Reads rates: a number per unit of time, `120/h`, `2/m`, `0.5/s`, `300/d`.
///
/// A bare number is not a rate: the unit is what tells an hourly volume from a per-second one.
enum RateSyntax {
    /// The rate in events per second, or nil when `text` is not `NUMBER/UNIT`. Signs and
    /// non-finite values are returned as read.
    static func perSecond(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let amount = NumberSyntax.parse(String(parts[0])) else { return nil }
        let unit = String(parts[1]).trimmed
        guard unit.count == 1, let seconds = DurationSyntax.seconds(inUnit: unit.first ?? " ") else { return nil }
        return amount / seconds
    }
}
