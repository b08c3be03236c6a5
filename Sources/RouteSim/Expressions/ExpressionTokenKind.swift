/// What a lexed token of an expression is.
enum ExpressionTokenKind: Sendable, Equatable {
    /// A string, number, `true`, `false` or `null`, already converted to its value.
    case literal(AttributeValue)
    /// An identifier followed by any `.key` / `[digits]` steps, written without spaces; the first step is the
    /// leading identifier (always `.key`).
    case reference([ReferenceStep])
    /// `==`, `=`, `!=`, `<`, `>`, `<=`, `>=`, `IN`, `<-`, `HAS`, `>-`, `CONTAINS` (aliases already resolved).
    case comparison(ExpressionOperator)
    /// The `AND` keyword.
    case and
    /// The `OR` keyword.
    case or
    /// The `NOT` keyword, valid only before `IN`.
    case not
    /// `(`.
    case leftParen
    /// `)`.
    case rightParen
    /// `[`, opening an array literal.
    case leftBracket
    /// `]`, closing an array literal.
    case rightBracket
    /// `,`, separating array elements.
    case comma
    /// `<>`, recognised only to reject it with a pointer to `!=` (docs/taskrouter-fidelity.md, Expressions).
    case unsupportedNotEqual
    /// A character that starts no token (`-` not followed by a digit, `!` alone, `$`, ...).
    case invalid
    /// The end of the source.
    case end
}
