import Foundation

/// Reads the dates and times of a call history onto the center's clock, the time zone
/// `--timezone` names (UTC by default).
///
/// A date and time without an offset (`2025-03-03T08:00:05`, or a space for the `T`) is
/// already on the center's clock; one with an offset (`Z`, `+01:00`) is moved onto it. Dates
/// are `YYYY-MM-DD`, `YYYYMMDD` or `YYMMDD` (years 70–99 are 19YY, others 20YY, as the public
/// Anonymous Bank data writes `990101`). Times of day are `H:MM` or `H:MM:SS`, with a fraction
/// of a second allowed.
struct HistoryClock {
    /// The center's time zone.
    let zone: TimeZone
    /// The zone's offset from UTC by hour since 1970, as looked up so far.
    private var offsets: [Int: Int] = [:]

    /// The clock of the zone `name` (an IANA name such as `Europe/Paris`, `UTC`, or an offset
    /// such as `+02:00`); nil when there is no such zone.
    init?(zone name: String) {
        if let offset = Self.offset(Array(name.utf8)[...]) {
            guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
            self.zone = zone
        } else {
            guard let zone = TimeZone(identifier: name) else { return nil }
            self.zone = zone
        }
    }

    /// The time `text` writes; nil when it is none of the three kinds.
    mutating func time(_ text: String) -> HistoryTime? {
        let bytes = Array(text.utf8)
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), let day = Self.date(bytes[0..<10]) {
            guard bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
            var rest = bytes.count > 10 ? bytes[11...] : []
            var offset: Int?
            if let last = rest.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
                offset = 0
                rest = rest.dropLast()
            } else if let sign = rest.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
                guard let written = Self.offset(rest[sign...]) else { return nil }
                offset = written
                rest = rest[..<sign]
            }
            guard let clock = rest.isEmpty ? 0 : Self.timeOfDay(rest) else { return nil }
            let written = Double(day) * 86_400 + clock
            guard let offset else { return .instant(written) }
            let utc = written - Double(offset)
            return .instant(utc + Double(zoneOffset(at: utc)))
        }
        if bytes.contains(UInt8(ascii: ":")) {
            return Self.timeOfDay(bytes[...]).map(HistoryTime.timeOfDay)
        }
        guard let seconds = DurationSyntax.seconds(text), seconds.isFinite, seconds >= 0 else { return nil }
        return .seconds(seconds)
    }

    /// The center's offset from UTC at `utc` seconds since 1970.
    private mutating func zoneOffset(at utc: Double) -> Int {
        let hour = Int((utc / 3600).rounded(.down))
        if let known = offsets[hour] { return known }
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour) * 3600))
        offsets[hour] = offset
        return offset
    }

    /// Days since 1970-01-01 of a date `YYYY-MM-DD`, `YYYYMMDD` or `YYMMDD`; nil otherwise.
    static func day(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        return date(bytes[...])
    }

    /// The date of `bytes`, in days since 1970-01-01.
    private static func date(_ bytes: ArraySlice<UInt8>) -> Int? {
        let digits = bytes.filter { $0 != UInt8(ascii: "-") }
        let dashes = bytes.count - digits.count
        guard digits.allSatisfy({ (48...57).contains($0) }), let number = Int(String(decoding: digits, as: UTF8.self)) else {
            return nil
        }
        let (year, month, day): (Int, Int, Int)
        switch (digits.count, dashes) {
        case (8, 0), (8, 2):
            if dashes == 2, bytes[bytes.startIndex + 4] != UInt8(ascii: "-") || bytes[bytes.startIndex + 7] != UInt8(ascii: "-") {
                return nil
            }
            (year, month, day) = (number / 10_000, number / 100 % 100, number % 100)
        case (6, 0):
            let short = number / 10_000
            (year, month, day) = (short >= 70 ? 1900 + short : 2000 + short, number / 100 % 100, number % 100)
        default:
            return nil
        }
        guard (1...12).contains(month), (1...ScenarioReader.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Days from the civil date (the proleptic Gregorian calendar), after H. Hinnant.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD` of a day counted from 1970-01-01 (the inverse of the civil-date count).
    static func date(ofDay days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Seconds from midnight of `H:MM`, `H:MM:SS` or `H:MM:SS.fff` (hours 0–23).
    private static func timeOfDay(_ bytes: ArraySlice<UInt8>) -> Double? {
        let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
            let hours = Int(String(decoding: parts[0], as: UTF8.self)), (0...23).contains(hours),
            parts[1].count == 2, let minutes = Int(String(decoding: parts[1], as: UTF8.self)), (0...59).contains(minutes)
        else { return nil }
        var seconds = 0.0
        if parts.count == 3 {
            let text = String(decoding: parts[2], as: UTF8.self)
            guard parts[2].count >= 2, parts[2].first != UInt8(ascii: "+"), parts[2].first != UInt8(ascii: "-"),
                let value = Double(text), value >= 0, value < 61
            else { return nil }
            seconds = value
        }
        return Double(hours * 3600 + minutes * 60) + seconds
    }

    /// The offset in seconds of `+HH:MM`, `-HH:MM`, `+HHMM` or `+HH`; nil otherwise.
    private static func offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard [2, 4].contains(digits.count), digits.allSatisfy({ (48...57).contains($0) }),
            let number = Int(String(decoding: digits, as: UTF8.self))
        else { return nil }
        let (hours, minutes) = digits.count == 2 ? (number, 0) : (number / 100, number % 100)
        guard hours <= 18, minutes < 60 else { return nil }
        return (sign == UInt8(ascii: "+") ? 1 : -1) * (hours * 3600 + minutes * 60)
    }
}
