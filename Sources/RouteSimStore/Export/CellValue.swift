import RouteSim

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
        // Serial 25,569 is 1970-01-01; from there, days to a civil date.
        let seconds = Int64(((serial - 25_569) * 86_400).rounded())
        let (days, second) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (day, time) = second < 0 ? (days - 1, second + 86_400) : (days, second)
        let two = CivilDate.twoDigits(_:) as (Int64) -> String
        return CivilDate(daysSince1970: Int(day)).text + " \(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60))"
    }
}
