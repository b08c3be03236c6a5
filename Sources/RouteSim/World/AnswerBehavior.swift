import RouteSimKernel

/// How the agents of a group answer a reservation.
///
/// Each reservation is left unanswered with probability ``noAnswer`` (it times out and the
/// worker moves to the workspace's `timeout_activity`), rejected with probability
/// ``reject``, and accepted otherwise; a reject or an accept comes after ``delay``. An
/// answer later than the workflow's `task_reservation_timeout` is a time-out too. The
/// draws come from the caller's own stream, so every variant of a scenario sees the same
/// answers for the same caller.
public struct AnswerBehavior: Sendable, Equatable {
    /// Time from the reservation to the accept or reject.
    public var delay: Distribution
    /// Probability of rejecting, 0...1 (``reject`` + ``noAnswer`` <= 1).
    public var reject: Double
    /// Probability of never answering, 0...1.
    public var noAnswer: Double
    /// Time until a worker moved to the timeout activity returns to the activity its
    /// schedule says; nil: it stays there until its next scheduled activity change.
    public var backAfterTimeout: Distribution?
    /// Whether an application answers instead (a worker created through the REST API):
    /// nothing is drawn, the reservation times out unless the application answers it,
    /// and the work of a task it accepts ends when the application says so.
    public var byApplication = false
    /// Whether the workflow's assignment callback answers instead (`answer: callback`,
    /// which only `routesim serve` can carry out): nothing is drawn, the reservation times
    /// out unless answered from outside, and an accepted task's work takes the handle time
    /// the scenario gives, as for agents that answer by themselves.
    public var byCallback = false

    /// TaskRouter's behaviour when nothing is said: every reservation accepted at once.
    public static let immediate = AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 0, backAfterTimeout: nil)

    /// The answer of workers that an application drives through the REST API.
    public static let application: AnswerBehavior = {
        var behavior = AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 0, backAfterTimeout: nil)
        behavior.byApplication = true
        return behavior
    }()

    /// The answer of agents that leave it to the assignment callback (`answer: callback`).
    public static let callback: AnswerBehavior = {
        var behavior = AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 0, backAfterTimeout: nil)
        behavior.byCallback = true
        return behavior
    }()

    public init(delay: Distribution, reject: Double, noAnswer: Double, backAfterTimeout: Distribution?) {
        self.delay = delay
        self.reject = reject
        self.noAnswer = noAnswer
        self.backAfterTimeout = backAfterTimeout
    }
}
