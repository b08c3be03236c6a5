import RouteSimKernel

/// A stream of synthetic callers: what they ask for and how they behave.
public struct ArrivalStream: Sendable, Equatable {
    /// The stream name, used for its random streams and in results.
    public var name: String
    /// Index into ``Workspace/taskChannels``.
    public var channel: Int
    /// Index into ``Workspace/workflows``.
    public var workflow: Int
    /// Task attributes (a JSON object) of every caller of the stream.
    public var attributes: AttributeValue
    /// Task priority (higher is served sooner in FIFO queues).
    public var priority: Int
    /// Task `timeout` (TTL), seconds: a task still pending or reserved then is canceled.
    public var timeout: Double
    /// When callers arrive.
    public var process: ArrivalProcess
    /// Work content of a task, in seconds of a single-tasking agent's time.
    public var handleTime: Distribution
    /// Wrap-up after the conversation; nil: none.
    public var wrapupTime: Distribution?
    /// How long a caller waits before hanging up; nil: never hangs up.
    public var patience: Distribution?

    /// TaskRouter's default task TTL: 86,400 s.
    public static let defaultTimeout: Double = 86_400

    public init(
        name: String, channel: Int, workflow: Int, attributes: AttributeValue = .emptyObject,
        priority: Int = 0, timeout: Double = ArrivalStream.defaultTimeout, process: ArrivalProcess,
        handleTime: Distribution, wrapupTime: Distribution? = nil, patience: Distribution? = nil
    ) {
        self.name = name
        self.channel = channel
        self.workflow = workflow
        self.attributes = attributes
        self.priority = priority
        self.timeout = timeout
        self.process = process
        self.handleTime = handleTime
        self.wrapupTime = wrapupTime
        self.patience = patience
    }
}
