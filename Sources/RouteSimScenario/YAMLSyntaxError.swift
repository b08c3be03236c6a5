/// Text that is not valid YAML (or JSON), or too large a document: what the parser said and
/// where (1-based, in the parsed text), and the construct it was in when it failed.
struct YAMLSyntaxError: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var column: Int
    /// What the parser was doing, e.g. `while parsing a flow mapping`.
    var context: String?
    /// Where that construct starts, in the parsed text.
    var contextLine: Int?
    var contextColumn: Int?
    /// True when the text is valid but goes beyond a limit on nesting or size.
    var isLimit = false
}
