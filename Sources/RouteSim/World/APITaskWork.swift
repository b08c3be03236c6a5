import RouteSimKernel

/// How long a synthetic agent works a task that an application created through the REST
/// API (the scenario's `api_tasks:` for one channel).
public struct APITaskWork: Sendable, Equatable {
    /// Time from acceptance to the end of the conversation.
    public var handleTime: Distribution
    /// Wrap-up after the conversation; nil for none.
    public var wrapupTime: Distribution?

    public init(handleTime: Distribution, wrapupTime: Distribution?) {
        self.handleTime = handleTime
        self.wrapupTime = wrapupTime
    }
}
