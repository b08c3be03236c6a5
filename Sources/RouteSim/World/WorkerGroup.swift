/// A group of identical agents: TaskRouter workers sharing attributes, capacities,
/// schedule and answering behaviour.
public struct WorkerGroup: Sendable, Equatable {
    /// The group name; workers are named `<name>-001`, `<name>-002`, ... unless
    /// ``workerNames`` names them.
    public var name: String
    /// How many workers the group has.
    public var count: Int
    /// Worker attributes (a JSON object), the same for every worker of the group.
    public var attributes: AttributeValue
    /// Configured capacity per task channel, indexed like ``Workspace/taskChannels``.
    /// 0 means the worker takes no task of that channel.
    public var capacities: [Int]
    /// Index of the activity the workers are in while on shift (or always, without shifts).
    public var activity: Int
    /// The shifts; empty means on shift for the whole run.
    public var shifts: [Shift]
    /// How the workers answer reservations.
    public var answer: AnswerBehavior
    /// The friendly names of the group's first workers, in order, when they keep names of
    /// their own (a worker imported from TaskRouter); nil or shorter than ``count``: the
    /// others are named `<name>-NNN`.
    public var workerNames: [String]?
    /// The `WK…` SIDs of the group's first workers, in order, when they keep SIDs of their
    /// own; nil or shorter than ``count``: the others get SIDs from the seed.
    public var workerSids: [String]?
    /// Channels whose worker channel is switched off (TaskRouter's WorkerChannel
    /// `available` = false): the capacity is kept but no task of the channel is offered.
    public var unavailableChannels: [Int]

    /// A group of `count` workers; `workerNames` and `workerSids` only for workers that keep
    /// their own (nil: all named `<name>-NNN`, SIDs from the seed).
    public init(
        name: String, count: Int, attributes: AttributeValue, capacities: [Int], activity: Int,
        shifts: [Shift] = [], answer: AnswerBehavior = .immediate, workerNames: [String]? = nil,
        workerSids: [String]? = nil, unavailableChannels: [Int] = []
    ) {
        self.name = name
        self.count = count
        self.attributes = attributes
        self.capacities = capacities
        self.activity = activity
        self.shifts = shifts
        self.answer = answer
        self.workerNames = workerNames
        self.workerSids = workerSids
        self.unavailableChannels = unavailableChannels
    }
}
