/// A named set of overrides from the scenario's `variants:`, for `compare` and `sweep`.
public struct ScenarioVariant: Sendable, Equatable {
    /// The variant's key under `variants:`.
    public var name: String
    /// Its overrides in file order; values are YAML text.
    public var overrides: [Override]

    /// Creates a variant.
    public init(name: String, overrides: [Override]) {
        self.name = name
        self.overrides = overrides
    }
}
