/// One caller of a replayed day (an arrival stream's `trace`): when it arrives, and what
/// it brings of its own; what it leaves out comes from its stream.
public struct TracedCaller: Sendable, Equatable {
    /// Arrival time, seconds from the start.
    public var time: Double
    /// Task attributes set on top of the stream's (a key given here replaces the stream's);
    /// empty: the stream's attributes alone.
    public var attributes: [String: AttributeValue]
    /// Work content in seconds; nil: drawn from the stream's `handleTime`.
    public var handleTime: Double?
    /// Seconds before hanging up; nil: drawn from the stream's `patience` (if any).
    public var patience: Double?
    /// Wrap-up seconds; nil: drawn from the stream's `wrapupTime` (if any).
    public var wrapupTime: Double?
    /// Task priority; nil: the stream's.
    public var priority: Int?
    /// Index into ``Workspace/taskChannels``; nil: the stream's channel.
    public var channel: Int?

    public init(
        time: Double, attributes: [String: AttributeValue] = [:], handleTime: Double? = nil, patience: Double? = nil,
        wrapupTime: Double? = nil, priority: Int? = nil, channel: Int? = nil
    ) {
        self.time = time
        self.attributes = attributes
        self.handleTime = handleTime
        self.patience = patience
        self.wrapupTime = wrapupTime
        self.priority = priority
        self.channel = channel
    }
}
