import Foundation
import RouteSim

/// Reads the dates and times of a call history onto the center's clock, the time zone
/// `--timezone` names (UTC by default).
///
/// A date and time without an offset (`2025-03-03T08:00:05`, or a space for the `T`) is
/// already on the center's clock; one with an offset (`Z`, `+01:00`) is moved onto it. Dates
/// are `YYYY-MM-DD`, `YYYYMMDD` or `YYMMDD` (years 70–99 are 19YY, others 20YY, as the public
/// Anonymous Bank data writes `990101`). Times of day are `H:MM` or `H:MM:SS`, with a fraction
/// of a second allowed. Parsed from the UTF-8 bytes without allocating: a history has
/// millions of them.
struct HistoryClock {
    /// The center's time zone.
    let zone: TimeZone
    /// The zone's offset from UTC by hour since 1970, as looked up so far.
    private var offsets: [Int: Int] = [:]

    /// The clock of the zone `name` (an IANA name such as `Europe/Paris`, `UTC`, or an offset
    /// such as `+02:00`); nil when there is no such zone.
    init?(zone name: String) {
        var text = name
        if let offset = text.withUTF8({ Self.offset($0[...]) }) {
            guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
            self.zone = zone
        } else {
            guard let zone = TimeZone(identifier: name) else { return nil }
            self.zone = zone
        }
    }

    /// The time `text` writes; nil when it is none of the three kinds.
    mutating func time(_ text: String) -> HistoryTime? {
        var text = text
        let parsed: (day: Int?, seconds: Double, offset: Int?)?? = text.withUTF8 { bytes in
            let all = bytes[...]
            if all.count >= 10, all[4] == UInt8(ascii: "-"), let day = Self.date(all.prefix(10)) {
                guard all.count > 10 else { return (day, 0, nil) }
                guard all[10] == UInt8(ascii: "T") || all[10] == UInt8(ascii: " ") else { return .some(nil) }
                var rest = all.dropFirst(11)
                var offset: Int?
                if let last = rest.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
                    offset = 0
                    rest = rest.dropLast()
                } else if let sign = rest.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
                    guard let written = Self.offset(rest[sign...]) else { return .some(nil) }
                    offset = written
                    rest = rest[..<sign]
                }
                guard let clock = Self.timeOfDay(rest) else { return .some(nil) }
                return (day, clock, offset)
            }
            if all.contains(UInt8(ascii: ":")) {
                return Self.timeOfDay(all).map { (nil, $0, nil) } ?? .some(nil)
            }
            return nil
        }
        switch parsed {
        case .some(.some(let reading)):
            guard let day = reading.day else { return .timeOfDay(reading.seconds) }
            let written = Double(day) * 86_400 + reading.seconds
            guard let offset = reading.offset else { return .instant(written) }
            let utc = written - Double(offset)
            return .instant(utc + Double(zoneOffset(at: utc)))
        case .some(.none):
            return nil
        case .none:
            guard let seconds = DurationSyntax.seconds(text), seconds.isFinite, seconds >= 0 else { return nil }
            return .seconds(seconds)
        }
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
        var text = text
        return text.withUTF8 { date($0[...]) }
    }

    /// The decimal number of `bytes`, all digits (at least one); nil otherwise.
    private static func digits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// The date of `bytes`, in days since 1970-01-01.
    private static func date(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let start = bytes.startIndex
        let (year, month, day): (Int, Int, Int)
        switch bytes.count {
        case 10:
            guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
                let y = digits(bytes[start..<(start + 4)]), let m = digits(bytes[(start + 5)..<(start + 7)]),
                let d = digits(bytes[(start + 8)..<(start + 10)])
            else { return nil }
            (year, month, day) = (y, m, d)
        case 8:
            guard let number = digits(bytes) else { return nil }
            (year, month, day) = (number / 10_000, number / 100 % 100, number % 100)
        case 6:
            guard let number = digits(bytes) else { return nil }
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

    /// Seconds from midnight of `H:MM`, `H:MM:SS` or `H:MM:SS.fff` (hours 0–23).
    private static func timeOfDay(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        let colon = UInt8(ascii: ":")
        guard let first = bytes.firstIndex(of: colon), let hours = digits(bytes[..<first]), first - bytes.startIndex <= 2,
            (0...23).contains(hours)
        else { return nil }
        let afterHours = bytes[(first + 1)...]
        let second = afterHours.firstIndex(of: colon)
        let minuteBytes = afterHours[..<(second ?? afterHours.endIndex)]
        guard minuteBytes.count == 2, let minutes = digits(minuteBytes), minutes <= 59 else { return nil }
        var seconds = 0.0
        if let second {
            let secondBytes = afterHours[(second + 1)...]
            let point = secondBytes.firstIndex(of: UInt8(ascii: "."))
            let whole = secondBytes[..<(point ?? secondBytes.endIndex)]
            guard whole.count == 2, let value = digits(whole), value <= 60 else { return nil }
            seconds = Double(value)
            if let point {
                var scale = 0.1
                for byte in secondBytes[(point + 1)...] {
                    guard (48...57).contains(byte) else { return nil }
                    seconds += Double(byte - 48) * scale
                    scale /= 10
                }
            }
        }
        return Double(hours * 3600 + minutes * 60) + seconds
    }

    /// The offset in seconds of `+HH:MM`, `-HH:MM`, `+HHMM` or `+HH`; nil otherwise.
    private static func offset(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let body = bytes.dropFirst()
        let hours: Int?
        let minutes: Int?
        switch body.count {
        case 2: (hours, minutes) = (digits(body), 0)
        case 4: (hours, minutes) = (digits(body.prefix(2)), digits(body.suffix(2)))
        case 5 where body[body.startIndex + 2] == UInt8(ascii: ":"): (hours, minutes) = (digits(body.prefix(2)), digits(body.suffix(2)))
        default: return nil
        }
        guard let hours, let minutes, hours <= 18, minutes < 60 else { return nil }
        return (sign == UInt8(ascii: "+") ? 1 : -1) * (hours * 3600 + minutes * 60)
    }
}
