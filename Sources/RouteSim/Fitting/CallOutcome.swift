/// How a call in a contact center's history ended, as far as the history shows.
public enum CallOutcome: Sendable, Equatable {
    /// An agent answered it; its wait censors the caller's patience.
    case answered
    /// The caller hung up before an answer; the wait is the caller's patience.
    case abandoned
    /// Still waiting when the history ends; the wait so far censors the patience.
    case waiting
}
