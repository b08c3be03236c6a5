/// One `--set KEY=VALUE` (or one entry of a variant): a value put into the scenario
/// document before it is converted, so it is validated like the file's own values.
///
/// `keyPath` addresses map keys with dots and list items by name (`workers.english.count`,
/// `task_queues.Spanish.task_order`) or by index (`workers.0.count`); `value` is YAML text
/// (`12`, `true`, `45s`, `[a, b]`).
public struct Override: Sendable, Equatable {
    /// The dotted path of the value to set.
    public var keyPath: String
    /// The new value as YAML text; empty means null.
    public var value: String

    /// Creates an override of `keyPath` with the YAML text `value`.
    public init(keyPath: String, value: String) {
        self.keyPath = keyPath
        self.value = value
    }

    /// Splits a `KEY=VALUE` assignment at its first `=`.
    ///
    /// Throws when there is no `=` or the key is not a dotted path of non-empty segments;
    /// the error's file is `--set`.
    public static func parse(_ assignment: String) throws(ScenarioErrors) -> Override {
        guard let equals = assignment.firstIndex(of: "="),
            isValidKeyPath(String(assignment[..<equals]))
        else {
            let problem = Problem.malformedOverride(assignment)
            throw ScenarioErrors(errors: [
                ScenarioError(file: "--set", keyPath: "", line: nil, column: nil, message: problem.message)
            ])
        }
        return Override(
            keyPath: String(assignment[..<equals]), value: String(assignment[assignment.index(after: equals)...]))
    }

    /// Whether `key` is dotted segments, none empty and none with spaces at its ends.
    static func isValidKeyPath(_ key: String) -> Bool {
        let segments = key.split(separator: ".", omittingEmptySubsequences: false)
        return !key.isEmpty && segments.allSatisfy { !$0.isEmpty && String($0) == String($0).trimmed }
    }
}
