import Foundation

/// The twin's one simulated clock: seconds since its start date, which every timestamp the
/// API returns is read from.
///
/// Time 0 is ``start`` (UTC); a workspace created at time t starts at t. The clock only
/// moves forward.
public struct TwinClock: Sendable, Equatable {
    /// 2026-01-01T00:00:00Z, what time 0 stands for unless a scenario gives `start:`.
    public static let defaultStart = Date(timeIntervalSince1970: 1_767_225_600)

    /// The latest time the clock reaches: 100 years of 365.25 days after time 0. Beyond some
    /// millions of years a double no longer tells seconds apart, dates stop printing, and the
    /// engine's interval numbers overflow.
    public static let latest: Double = 3_155_760_000

    /// The date of time 0.
    public let start: Date
    /// How the clock moves.
    public let mode: TwinClockMode
    /// Simulated seconds since ``start``.
    public private(set) var time: Double = 0

    public init(start: Date = TwinClock.defaultStart, mode: TwinClockMode = .manual) {
        self.start = start
        self.mode = mode
    }

    /// Moves to `target`; 20001 for a time before now, after ``latest`` or not finite.
    public mutating func move(to target: Double) throws(TwinError) {
        guard target.isFinite else { throw .invalidParameter("Invalid time: \(target) is not a finite number of seconds") }
        guard target >= time else {
            throw .invalidParameter("Invalid time: \(Self.seconds(target)) is before the current time \(Self.seconds(time)); the clock only moves forward")
        }
        guard target <= Self.latest else {
            throw .invalidParameter("Invalid time: \(Self.seconds(target)) is after the latest time the clock reaches, \(Self.seconds(Self.latest)) (100 years after time 0)")
        }
        time = target
    }

    /// `time` as TaskRouter writes dates: ISO 8601 in UTC, whole seconds, `Z`.
    public func date(at time: Double) -> String {
        start.addingTimeInterval(time.rounded(.down)).formatted(
            Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    /// `time` in whole milliseconds since 1970, as `event_date_ms` and `TimestampMs` give it.
    /// The start's milliseconds and the time's are counted apart, so that a fraction of a
    /// second is not rounded away in a product of the whole date.
    public func epochMilliseconds(at time: Double) -> Double {
        (start.timeIntervalSince1970 * 1000).rounded(.down) + (time * 1000).rounded(.down)
    }

    /// Seconds as the API prints them: an integer when whole.
    static func seconds(_ value: Double) -> String {
        value.rounded(.towardZero) == value && value.magnitude < 1e15 ? String(Int64(value)) : String(value)
    }
}
