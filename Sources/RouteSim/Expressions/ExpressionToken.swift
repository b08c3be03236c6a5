/// One lexed token: its kind, its source text and where it starts.
struct ExpressionToken: Sendable, Equatable {
    /// What the token is.
    let kind: ExpressionTokenKind
    /// The token exactly as written in the source (quotes included for strings); empty for `.end`.
    let text: String
    /// 1-based `Character` column of the token's first character; one past the source for `.end`.
    let column: Int

    /// The token as error messages show it: its text in double quotes, or single quotes when the text holds a
    /// double quote and no single quote.
    var quoted: String {
        text.contains("\"") && !text.contains("'") ? "'\(text)'" : "\"\(text)\""
    }
}
