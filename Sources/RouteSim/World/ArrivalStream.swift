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
    /// Day-to-day demand uncertainty: a factor drawn once per replication that multiplies
    /// the rate of a `poisson` or `profile` process for the whole run; nil: none (factor 1).
    public var rateMultiplier: Distribution?

    /// TaskRouter's default task TTL: 86,400 s.
    public static let defaultTimeout: Double = 86_400

    public init(
        name: String, channel: Int, workflow: Int, attributes: AttributeValue = .emptyObject,
        priority: Int = 0, timeout: Double = ArrivalStream.defaultTimeout, process: ArrivalProcess,
        handleTime: Distribution, wrapupTime: Distribution? = nil, patience: Distribution? = nil,
        rateMultiplier: Distribution? = nil
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
        self.rateMultiplier = rateMultiplier
    }

    /// The day's rate factor in replication `replication` of experiment `seed`: a draw of
    /// ``rateMultiplier`` (1 without one) from the stream's own random stream
    /// `rate_multiplier.<name>`.
    ///
    /// Nothing else draws from that stream, so every variant of a replication gets the same
    /// factor (common random numbers) and no other draw moves when the key is added.
    public func dayMultiplier(seed: UInt64, replication: Int) -> Double {
        guard let rateMultiplier else { return 1 }
        var random = RandomStream(seed: seed, replication: replication, name: "rate_multiplier." + name)
        return rateMultiplier.sample(&random)
    }

    /// ``process`` with its rate scaled by `multiplier`; fixed times and traces are kept as they are.
    func process(scaledBy multiplier: Double) -> ArrivalProcess {
        switch process {
        case .poisson(let rate): return .poisson(ratePerSecond: rate * multiplier)
        case .profile(let every, let volumes): return .profile(every: every, volumes: volumes.map { $0 * multiplier })
        case .times, .trace: return process
        }
    }
}
