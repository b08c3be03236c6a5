/// A day of the proleptic Gregorian calendar counted from 1970-01-01, as year, month and
/// day: the one conversion the fitted histories and the spreadsheet export both print dates
/// with (H. Hinnant's days-to-civil algorithm, exact for every Int day count in range).
public struct CivilDate: Sendable, Equatable {
    public var year: Int
    /// 1 to 12.
    public var month: Int
    /// 1 to 31.
    public var day: Int

    /// The date `days` days after 1970-01-01 (before it when negative). O(1).
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `YYYY-MM-DD`.
    public var text: String {
        "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    /// `value` (0 or more) with at least two digits.
    public static func twoDigits<Value: BinaryInteger>(_ value: Value) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
