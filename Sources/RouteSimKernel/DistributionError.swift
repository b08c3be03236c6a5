/// A refused distribution parameter set, with a message saying what was expected and what was found.
///
/// Messages start with the distribution name, e.g. `exponential needs mean > 0, found -3`, and
/// are meant to be shown to the person who wrote the scenario.
public struct DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was expected and what was found, e.g. `gamma needs shape > 0, found 0`.
    public let message: String

    /// Creates an error carrying `message`.
    public init(message: String) {
        self.message = message
    }

    /// The message itself.
    public var description: String { message }
}
