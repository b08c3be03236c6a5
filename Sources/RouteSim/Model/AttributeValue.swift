/// A JSON value: the attributes of tasks and workers, the worker counts of `skip_if`, and expression literals.
///
/// `==` and `hash(into:)` are structural (the synthesized ones): `.number(1)` equals `.number(1.0)` because both hold
/// the same `Double`, and `.array`/`.object` compare element-wise. The expression language's comparison rules
/// (type mismatch is false, arrays never equal scalars, ...) are not these; they live in `ExpressionOperator`.
public enum AttributeValue: Sendable, Hashable {
    /// JSON `null`; also what a missing key or an out-of-range index resolves to (docs/taskrouter-fidelity.md, Expressions).
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
    /// step into a scalar) yields `.null`, like a missing key (docs/taskrouter-fidelity.md, Expressions). O(path length); no allocation.
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
    /// O(size + k log k per object of k keys); allocates the result. Written as UTF-8 bytes,
    /// then made a `String` once: appending to a `String` piece by piece cost the per-worker
    /// statistics documents of large centers most of their time.
    public var jsonText: String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        appendJSON(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends this value's compact JSON to `output`, as UTF-8.
    private func appendJSON(to output: inout [UInt8]) {
        switch self {
        case .null:
            output += "null".utf8
        case .bool(let value):
            output += (value ? "true" : "false").utf8
        case .number(let value):
            Self.appendJSONNumber(value, to: &output)
        case .string(let value):
            Self.appendJSONString(value, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                element.appendJSON(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let sorted = members.sorted { Self.utf8Precedes($0.key, $1.key) }
            for (offset, member) in sorted.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendJSONString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.appendJSON(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `value` as a JSON number (see `jsonText`): an integral value as its digits
    /// (written here, without making a `String`), another as Swift's shortest description.
    static func appendJSONNumber(_ value: Double, to output: inout [UInt8]) {
        guard value.isFinite else {
            output += "null".utf8
            return
        }
        guard value.rounded(.towardZero) == value, value.magnitude < 9_223_372_036_854_775_808 else {
            output += value.description.utf8
            return
        }
        let integer = Int64(value)
        if integer < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = integer.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output[start...].reverse()
    }

    /// Whether `first` sorts before `second` by Unicode scalar values, which is the order of
    /// their UTF-8 bytes; compared in place when the strings are contiguous (native ones
    /// are), else through the generic walk.
    private static func utf8Precedes(_ first: String, _ second: String) -> Bool {
        let inPlace = first.utf8.withContiguousStorageIfAvailable { a in
            second.utf8.withContiguousStorageIfAvailable { b in a.lexicographicallyPrecedes(b) }
        }
        return inPlace.flatMap { $0 } ?? first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    /// Appends `value` as a quoted, escaped JSON string (see `jsonText`).
    static func appendJSONString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) == nil {
            appendEscaped(Array(value.utf8), to: &output)
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends the UTF-8 `bytes` of a string with JSON's escapes: all at once when none is
    /// needed (the usual case), else byte by byte.
    private static func appendEscaped(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output += bytes
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output += #"\""#.utf8
            case UInt8(ascii: "\\"): output += #"\\"#.utf8
            case UInt8(ascii: "\n"): output += #"\n"#.utf8
            case UInt8(ascii: "\r"): output += #"\r"#.utf8
            case UInt8(ascii: "\t"): output += #"\t"#.utf8
            case 0x08: output += #"\b"#.utf8
            case 0x0C: output += #"\f"#.utf8
            case ..<0x20:
                output += #"\u00"#.utf8
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
    }

    /// Lower-case hexadecimal digits, for `\u00xx` escapes.
    private static let hexDigits = Array("0123456789abcdef".utf8)

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
