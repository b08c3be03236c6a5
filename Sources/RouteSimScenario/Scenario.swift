import RouteSim

/// A loaded scenario: the validated spec, where it came from and its named variants.
public struct Scenario: Sendable {
    /// Validated and ready to run (replication 0; the caller sets another).
    public var spec: SimulationSpec
    /// The file it came from, as given to the loader.
    public var path: String
    /// The file's `variants:` in file order; not applied to ``spec``.
    public var variants: [ScenarioVariant]
    /// The fingerprint of what ``spec`` simulates, stored with each run to group replications.
    public var configuration: ConfigurationHash

    /// What the file says that is valid but cannot be what was meant, placed like errors.
    public var warnings: [ScenarioError]
    /// Each worker group's keys as written (overrides and imports applied), by group name:
    /// `key: value` with the value as YAML flow text, in file order, for writing a
    /// `workers:` block that keeps what the scenario says about a group.
    public var workerKeys: [String: [(key: String, yaml: String)]]
    /// The workflows' assignment callback URLs, by workflow friendly name: only
    /// `routesim serve` calls them.
    public var assignmentCallbacks: [String: AssignmentCallbackURLs]

    /// Creates a scenario from its parts.
    public init(
        spec: SimulationSpec, path: String, variants: [ScenarioVariant], configuration: ConfigurationHash,
        warnings: [ScenarioError] = [], workerKeys: [String: [(key: String, yaml: String)]] = [:],
        assignmentCallbacks: [String: AssignmentCallbackURLs] = [:]
    ) {
        self.spec = spec
        self.path = path
        self.variants = variants
        self.configuration = configuration
        self.warnings = warnings
        self.workerKeys = workerKeys
        self.assignmentCallbacks = assignmentCallbacks
    }
}
