/// Every problem found in a scenario, in the order they were found (roughly file order).
///
/// Loading never stops at the first problem, so one run of `routesim validate` shows them all.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    /// At least one error.
    public var errors: [ScenarioError]

    /// Wraps `errors`.
    public init(errors: [ScenarioError]) {
        self.errors = errors
    }

    /// One line per error.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
