/// One problem of a scenario: where it is and what is wrong.
///
/// `description` is the line a user reads, compiler-style:
/// `scenarios/x.yaml:12:5: workflows.Support.configuration.task_routing.filters[0].targets[1].queue: unknown queue "Spansh"; expected one of: English, Spanish`.
/// A value that came from an override has no line; it reads
/// `scenarios/x.yaml: --set workers.english.count: workers.english.count: expected ...`.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario file (as given), or `--set` for a malformed override.
    public var file: String
    /// The dotted key path of the offending value; empty for the whole file.
    public var keyPath: String
    /// 1-based line of the offending node, when it is in the file.
    public var line: Int?
    /// 1-based column of the offending node, when it is in the file.
    public var column: Int?
    /// What was expected and what was found.
    public var message: String
    /// The `--set` key (or variant key) whose value is at fault, when the value is not from the file.
    public var overrideKey: String?

    /// Creates an error; `overrideKey` is set when the value came from an override.
    public init(file: String, keyPath: String, line: Int?, column: Int?, message: String, overrideKey: String? = nil) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
        self.overrideKey = overrideKey
    }

    /// `file:line:column: key.path: message`, with `--set KEY` in place of the line for overrides.
    public var description: String {
        var text = file
        if let overrideKey {
            text += ": --set " + overrideKey
        } else if let line {
            text += ":\(line)" + (column.map { ":\($0)" } ?? "")
        }
        if !keyPath.isEmpty {
            text += ": " + keyPath
        }
        return text + ": " + message
    }
}
