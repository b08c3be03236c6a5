/// Why an expression could not be parsed, and where.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was expected and what was found, e.g. `expected a value after "=="`; no column, no trailing period.
    public let message: String
    /// 1-based position in `source`, counted in `Character`s, of what was found; one past the last character
    /// when the problem is the end of the expression.
    public let column: Int
    /// The whole expression text as given to `Expression.parse`.
    public let source: String

    /// An error with the given parts.
    public init(message: String, column: Int, source: String) {
        self.message = message
        self.column = column
        self.source = source
    }

    /// `column N: <message>`.
    public var description: String {
        "column \(column): \(message)"
    }
}
