/// A break inside a shift: the agent moves to ``activity`` at ``at`` for ``length`` seconds.
public struct ShiftBreak: Sendable, Equatable {
    public var at: Double
    public var length: Double
    /// Index into ``Workspace/activities``.
    public var activity: Int

    public init(at: Double, length: Double, activity: Int) {
        self.at = at
        self.length = length
        self.activity = activity
    }
}
