/// Where a document node came from, for error messages.
enum SourceLocation: Sendable, Equatable {
    /// A line and column (1-based) of a file, by its path as messages print it: the
    /// scenario file, or a file it imports (`taskrouter:`).
    case file(String, line: Int, column: Int)
    /// Inside a string (a workflow configuration or attributes given as JSON text) whose
    /// lines could not be matched to the file: the string's own position in its file, and
    /// the line and column inside the string.
    case embedded(String, line: Int, column: Int, innerLine: Int, innerColumn: Int)
    /// A value given on the command line (`--set KEY=VALUE`) or by a variant.
    case override(key: String)
}
