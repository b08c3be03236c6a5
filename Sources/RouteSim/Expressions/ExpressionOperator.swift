/// A comparison operator of the expression language and its semantics (docs/taskrouter-fidelity.md, Expressions).
///
/// Shared rules, stated once:
/// - A scalar is `null`, a bool, a number or a string; arrays and objects are not.
/// - Scalar equality: numbers compare numerically (`1 == 1.0`), strings by exact Unicode scalars (case-sensitive,
///   no normalization, like Java's `String.equals`) [inf], bools by value, `null` equals `null`; values of
///   different types are not equal [inf].
/// - A `null` operand (a literal `null` or a missing key) turns `==` / `!=` into presence tests: `x == null` is true
///   when `x` is missing or null, `x != null` when it is present with any value, arrays and objects included, so
///   the documented `preferred_agents != null` works on an array (docs/taskrouter-fidelity.md, Expressions). Thus `NULL != "x"` is true
///   [inf].
/// - Otherwise any scalar operator (`==`, `!=`, `<`, `>`, `<=`, `>=`, `CONTAINS`) with an array or object operand
///   is false, `!=` included (docs/taskrouter-fidelity.md, Expressions).
enum ExpressionOperator: Sendable, Hashable {
    /// `==` or `=`: scalar equality.
    case equal
    /// `!=`: negation of `equal` for two scalars; see the type's rules for `null`, arrays and objects.
    case notEqual
    /// `<`: numbers numerically, strings by Unicode scalars; any other pair (null, bool, mixed types) is false [inf].
    case less
    /// `>`: as `less`, reversed.
    case greater
    /// `<=`: as `less`, or equal numbers / identical strings.
    case lessOrEqual
    /// `>=`: as `greater`, or equal numbers / identical strings.
    case greaterOrEqual
    /// `IN` or `<-`: the left scalar equals some element of the right array; false when the right is not an array
    /// or the left is not a scalar (docs/taskrouter-fidelity.md, Expressions).
    case `in`
    /// `NOT IN`: the left scalar equals no element of the right array; false (not true) when the right is not an
    /// array or the left is not a scalar [inf]. A missing left key is `null`, which is a scalar: `missing NOT IN
    /// ["a"]` is true.
    case notIn
    /// `HAS` or `>-`: the left array has an element equal to the right scalar; false on a non-array left
    /// (docs/taskrouter-fidelity.md, Expressions) or a non-scalar right.
    case has
    /// `CONTAINS`: the left string contains the right string as a substring of Unicode scalars (the empty string
    /// is contained in every string); false unless both are strings (docs/taskrouter-fidelity.md, Expressions).
    case contains

    /// Whether `lhs <operator> rhs` holds. O(1) for scalar operators except strings (O(length); `CONTAINS`
    /// O(n·m) worst case), O(array count) for `IN`, `NOT IN`, `HAS`; allocates nothing.
    func apply(_ lhs: AttributeValue, _ rhs: AttributeValue) -> Bool {
        switch self {
        case .equal:
            return Self.equals(lhs, rhs)
        case .notEqual:
            let lhsIsNull = Self.isNull(lhs)
            let rhsIsNull = Self.isNull(rhs)
            if lhsIsNull || rhsIsNull { return lhsIsNull != rhsIsNull }
            guard Self.isScalar(lhs), Self.isScalar(rhs) else { return false }
            return !Self.equals(lhs, rhs)
        case .less:
            return Self.ordering(lhs, rhs).map { $0 < 0 } ?? false
        case .greater:
            return Self.ordering(lhs, rhs).map { $0 > 0 } ?? false
        case .lessOrEqual:
            return Self.ordering(lhs, rhs).map { $0 <= 0 } ?? false
        case .greaterOrEqual:
            return Self.ordering(lhs, rhs).map { $0 >= 0 } ?? false
        case .in:
            guard Self.isScalar(lhs), case .array(let elements) = rhs else { return false }
            return Self.array(elements, containsEqualTo: lhs)
        case .notIn:
            guard Self.isScalar(lhs), case .array(let elements) = rhs else { return false }
            return !Self.array(elements, containsEqualTo: lhs)
        case .has:
            guard case .array(let elements) = lhs, Self.isScalar(rhs) else { return false }
            return Self.array(elements, containsEqualTo: rhs)
        case .contains:
            guard case .string(let haystack) = lhs, case .string(let needle) = rhs else { return false }
            return Self.string(haystack, containsSubstring: needle)
        }
    }

    /// Whether `value` is `null` (a literal `null` or a missing key).
    private static func isNull(_ value: AttributeValue) -> Bool {
        if case .null = value { return true }
        return false
    }

    /// Whether `value` is `null`, a bool, a number or a string.
    private static func isScalar(_ value: AttributeValue) -> Bool {
        switch value {
        case .null, .bool, .number, .string: true
        case .array, .object: false
        }
    }

    /// Scalar equality (see the type's rules); false whenever either side is an array or object.
    private static func equals(_ lhs: AttributeValue, _ rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.string(let left), .string(let right)): sameBytes(left, right)
        default: false
        }
    }

    /// Whether two strings have the same UTF-8 bytes, i.e. the same Unicode scalars. `withUTF8` needs `var` copies
    /// but never allocates for native or small strings, the only kinds on Linux.
    private static func sameBytes(_ left: String, _ right: String) -> Bool {
        var left = left
        var right = right
        guard left.utf8.count == right.utf8.count else { return false }
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                for offset in 0..<leftBytes.count where leftBytes[offset] != rightBytes[offset] {
                    return false
                }
                return true
            }
        }
    }

    /// Whether some element of `elements` is scalar-equal to `value`.
    private static func array(_ elements: [AttributeValue], containsEqualTo value: AttributeValue) -> Bool {
        for element in elements where equals(element, value) {
            return true
        }
        return false
    }

    /// Sign of the comparison of two numbers or two strings (by UTF-8 bytes, which orders as Unicode scalars);
    /// `nil` for any other pair.
    private static func ordering(_ lhs: AttributeValue, _ rhs: AttributeValue) -> Int? {
        switch (lhs, rhs) {
        case (.number(let left), .number(let right)):
            return left < right ? -1 : (left > right ? 1 : 0)
        case (.string(var left), .string(var right)):
            return left.withUTF8 { leftBytes in
                right.withUTF8 { rightBytes in
                    for offset in 0..<min(leftBytes.count, rightBytes.count)
                    where leftBytes[offset] != rightBytes[offset] {
                        return leftBytes[offset] < rightBytes[offset] ? -1 : 1
                    }
                    return leftBytes.count < rightBytes.count ? -1 : (leftBytes.count > rightBytes.count ? 1 : 0)
                }
            }
        default:
            return nil
        }
    }

    /// Whether the UTF-8 bytes of `needle` occur contiguously in those of `haystack`; UTF-8 being
    /// self-synchronizing, a byte match is a match of whole Unicode scalars.
    private static func string(_ haystack: String, containsSubstring needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard pin.count <= hay.count else { return false }
                search: for start in 0...(hay.count - pin.count) {
                    for offset in 0..<pin.count where hay[start + offset] != pin[offset] {
                        continue search
                    }
                    return true
                }
                return false
            }
        }
    }
}
