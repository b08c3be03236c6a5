import Foundation

/// The parameters of a request: an `application/x-www-form-urlencoded` body or a query
/// string, parsed as Twilio's helper libraries write them.
///
/// Read from the raw text, not with Hummingbird's form decoder, which refuses repeated keys:
/// TaskRouter takes list parameters as repeated keys (`K=a&K=b`). `+` is a space, `%XX` a
/// byte of UTF-8; a pair without `=` has an empty value. Names are case-sensitive, as
/// TaskRouter's are; unknown names are ignored.
public struct TwinParameters: Sendable, Equatable {
    /// The pairs in the order given.
    public private(set) var pairs: [(name: String, value: String)]

    /// Parameters from `name=value` pairs.
    public init(_ pairs: [(name: String, value: String)] = []) {
        self.pairs = pairs
    }

    /// Parses `text` (`a=1&b=x+y&a=2`); throws 20001 for a malformed percent escape.
    public init(encoded text: Substring) throws(TwinError) {
        var pairs: [(name: String, value: String)] = []
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// One component with `+` as a space and percent escapes decoded.
    private static func decode(_ component: Substring) throws(TwinError) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw .invalidParameter("Malformed percent-encoding in \"\(component)\"")
        }
        return decoded
    }

    public static func == (lhs: TwinParameters, rhs: TwinParameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Every value given for `name`, in order.
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The first value given for `name`, or nil.
    public func value(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Whether `name` was given at all.
    public func has(_ name: String) -> Bool {
        pairs.contains { $0.name == name }
    }

    /// `name`'s value; 20001 when absent or empty.
    public func required(_ name: String) throws(TwinError) -> String {
        guard let value = value(name), !value.isEmpty else { throw .missingParameter(name) }
        return value
    }

    /// A boolean: `true`, `1`, `yes` or `false`, `0`, `no`, in any case; nil when absent;
    /// 20001 otherwise.
    public func bool(_ name: String) throws(TwinError) -> Bool? {
        guard let value = value(name) else { return nil }
        switch value.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .invalidParameter("Invalid \(name): expected true or false, got \"\(value)\"")
        }
    }

    /// An integer in `range`; nil when absent; 20001 when not an integer or out of range.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(TwinError) -> Int? {
        guard let value = value(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw .invalidParameter("Invalid \(name): expected an integer from \(range.lowerBound) to \(range.upperBound), got \"\(value)\"")
        }
        return number
    }

    /// One of `T`'s raw values; nil when absent; 20001 naming the allowed values otherwise.
    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws(TwinError) -> T?
    where T.RawValue == String {
        guard let value = value(name) else { return nil }
        guard let choice = T(rawValue: value) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidParameter("Invalid \(name): expected one of \(allowed), got \"\(value)\"")
        }
        return choice
    }
}
