/// Reads numbers as YAML 1.2's core schema and JSON write them: `12`, `-3.5`, `1e3`,
/// `0x1F`, `0o17`, `.inf`, `.nan`.
///
/// The one number reader of the module: plain fields, numeric strings (`"10"`, which
/// TaskRouter accepts in workflow configurations), durations, rates and the typing of
/// plain YAML scalars all go through it. Hand-written scanners, not `Regex`: scenario
/// loading calls these for every scalar.
enum NumberSyntax {
    /// The value of `text` (surrounding spaces ignored), or nil when it is not a number.
    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmed
        if isDecimal(trimmed) { return Double(trimmed) }
        if let based = basedInteger(trimmed) { return Double(based) }
        return special(trimmed)
    }

    /// `[-+]?[0-9]+`.
    static func isInteger(_ text: String) -> Bool {
        var rest = text.utf8[...]
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`: integers and decimal fractions.
    static func isDecimal(_ text: String) -> Bool {
        var rest = text.utf8[...]
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let whole = rest.prefix(while: isDigit).count
        rest = rest.dropFirst(whole)
        var fraction = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fraction)
            if whole == 0, fraction == 0 { return false }
        }
        guard whole > 0 || fraction > 0 else { return false }
        if let marker = rest.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit).count
            guard exponent > 0 else { return false }
            rest = rest.dropFirst(exponent)
        }
        return rest.isEmpty
    }

    /// The value of `0x1F` (hexadecimal) or `0o17` (octal), YAML 1.2's other integers.
    static func basedInteger(_ text: String) -> UInt64? {
        let radix: Int
        if text.hasPrefix("0x") {
            radix = 16
        } else if text.hasPrefix("0o") {
            radix = 8
        } else {
            return nil
        }
        let digits = text.dropFirst(2)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0 != "+" && $0 != "-" }) else { return nil }
        return UInt64(digits, radix: radix)
    }

    /// `.inf`, `-.inf`, `+.inf` (any of YAML's three spellings) and `.nan`.
    static func special(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        if [".inf", ".Inf", ".INF"].contains(body) { return negative ? -.infinity : .infinity }
        if body.count == text.count, [".nan", ".NaN", ".NAN"].contains(body) { return .nan }
        return nil
    }

    /// A number for messages: `12`, `0.5`, `1e+20`.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
