/// One spreadsheet or CSV cell: empty, a number, text, or a date and time.
public enum CellValue: Sendable, Equatable {
    case empty
    /// A whole number, written without a decimal point.
    case integer(Int64)
    /// A number; infinite and NaN values are written as empty cells (a spreadsheet has no
    /// such numbers).
    case number(Double)
    case text(String)
    /// A date and time as a spreadsheet serial number: days since 1899-12-30, the fraction
    /// the time of day. Shown with the workbook's date-time format; in CSV as
    /// `YYYY-MM-DD HH:MM:SS`.
    case dateTime(Double)

    /// The text of a CSV field; nil for an empty cell.
    var csvText: String? {
        switch self {
        case .empty: nil
        case .integer(let value): String(value)
        case .number(let value): value.isFinite ? value.description : nil
        case .text(let value): value
        case .dateTime(let serial): serial.isFinite ? Self.clockText(serial: serial) : nil
        }
    }

    /// The number a sheet's `<v>` holds; nil for text and cells left empty.
    var numberText: String? {
        switch self {
        case .integer(let value): String(value)
        case .number(let value), .dateTime(let value): value.isFinite ? value.description : nil
        case .empty, .text: nil
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` for a spreadsheet serial date, to the nearest second.
    static func clockText(serial: Double) -> String {
        // Serial 25,569 is 1970-01-01; from there, days to a civil date (H. Hinnant's algorithm).
        let seconds = Int64(((serial - 25_569) * 86_400).rounded())
        let (days, second) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (day, time) = second < 0 ? (days - 1, second + 86_400) : (days, second)
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(dayOfMonth)) \(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60))"
    }
}
