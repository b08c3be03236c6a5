/// A JSON value: the attributes of tasks and workers, the worker counts of `skip_if`, and expression literals.
///
/// `==` and `hash(into:)` are structural (the synthesized ones): `.number(1)` equals `.number(1.0)` because both hold
/// the same `Double`, and `.array`/`.object` compare element-wise. The expression language's comparison rules
/// (type mismatch is false, arrays never equal scalars, ...) are not these; they live in `ExpressionOperator`.
public enum AttributeValue: Sendable, Hashable {
    /// JSON `null`; also what a missing key or an out-of-range index resolves to (TASKROUTER.md 7.3).
    case null
    /// JSON `true` / `false`.
    case bool(Bool)
    /// A JSON number; integers and decimals share one representation, so `1` and `1.0` are the same value.
    case number(Double)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([AttributeValue])
    /// A JSON object; key order is not kept (`jsonText` sorts keys).
    case object([String: AttributeValue])

    /// The empty JSON object `{}`, the attributes of a task or worker created without any.
    public static let emptyObject: AttributeValue = .object([:])

    /// The member named `key` when this is an object; `.null` when it is not an object or has no such member.
    ///
    /// One dictionary lookup; no allocation.
    public subscript(key: String) -> AttributeValue {
        guard case .object(let members) = self else { return .null }
        return members[key] ?? .null
    }

    /// The value reached by following `path` from this value, or `.null` as soon as a step cannot be followed.
    ///
    /// On an object a component is a member name; on an array a component made only of ASCII digits is a 0-based
    /// index (`["languages", "0"]` is `languages[0]`); any other step (a name on an array, an out-of-range index, a
    /// step into a scalar) yields `.null`, like a missing key (TASKROUTER.md 7.3). O(path length); no allocation.
    /// Compiled expressions do not call this: they follow pre-parsed `ReferenceStep`s with the same rules.
    public func value(at path: [String]) -> AttributeValue {
        var current = self
        for component in path {
            switch current {
            case .object(let members):
                current = members[component] ?? .null
            case .array(let elements):
                guard let index = Self.arrayIndex(component), index < elements.count else { return .null }
                current = elements[index]
            case .null, .bool, .number, .string:
                return .null
            }
        }
        return current
    }

    /// Compact JSON text: no whitespace, object keys sorted by Unicode scalar values, so equal values print equally.
    ///
    /// Integral numbers with magnitude below 2^63 print as integers (`3`, `-2`, `10000000000000000`); other finite
    /// numbers print as Swift's shortest round-trip `description` (`0.5`, `1e+19`, `1e+300`); non-finite numbers
    /// (which JSON cannot hold) print as `null`. Strings escape `"`, `\`, and control characters (`\n`, `\r`, `\t`,
    /// `\b`, `\f`, the rest as lower-case `\u00xx`); other characters are written as they are. The output matches
    /// Python's `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` except for some number
    /// spellings.
    /// O(size + k log k per object of k keys); allocates the result.
    public var jsonText: String {
        var output = ""
        appendJSON(to: &output)
        return output
    }

    /// Appends this value's compact JSON to `output`.
    private func appendJSON(to output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .number(let value):
            Self.appendJSONNumber(value, to: &output)
        case .string(let value):
            Self.appendJSONString(value, to: &output)
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                element.appendJSON(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let sorted = members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            for (offset, member) in sorted.enumerated() {
                if offset > 0 { output += "," }
                Self.appendJSONString(member.key, to: &output)
                output += ":"
                member.value.appendJSON(to: &output)
            }
            output += "}"
        }
    }

    /// Appends `value` as a JSON number (see `jsonText`).
    private static func appendJSONNumber(_ value: Double, to output: inout String) {
        guard value.isFinite else {
            output += "null"
            return
        }
        if value.rounded(.towardZero) == value, value.magnitude < 9_223_372_036_854_775_808 {
            output += String(Int64(value))
        } else {
            output += value.description
        }
    }

    /// Appends `value` as a quoted, escaped JSON string (see `jsonText`).
    private static func appendJSONString(_ value: String, to output: inout String) {
        output += "\""
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += hex.count == 1 ? "\\u000" + hex : "\\u00" + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// The array index a path component denotes: non-empty, ASCII digits only; `nil` otherwise or on overflow.
    private static func arrayIndex(_ component: String) -> Int? {
        guard !component.isEmpty, component.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(component)
    }
}

extension AttributeValue: ExpressibleByStringLiteral {
    /// `"text"` is `.string("text")`.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension AttributeValue: ExpressibleByIntegerLiteral {
    /// `3` is `.number(3)`.
    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }
}

extension AttributeValue: ExpressibleByFloatLiteral {
    /// `2.5` is `.number(2.5)`.
    public init(floatLiteral value: Double) {
        self = .number(value)
    }
}

extension AttributeValue: ExpressibleByBooleanLiteral {
    /// `true` is `.bool(true)`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension AttributeValue: ExpressibleByArrayLiteral {
    /// `["en", 3]` is `.array([.string("en"), .number(3)])`.
    public init(arrayLiteral elements: AttributeValue...) {
        self = .array(elements)
    }
}

extension AttributeValue: ExpressibleByDictionaryLiteral {
    /// `["skill": 3]` is `.object(["skill": .number(3)])`; with a repeated key the last value wins.
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension AttributeValue: ExpressibleByNilLiteral {
    /// `nil` is `.null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}
