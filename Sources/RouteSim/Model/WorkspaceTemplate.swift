/// What TaskRouter puts in a new workspace besides its activities and channels.
public enum WorkspaceTemplate: String, Sendable, Equatable, CaseIterable {
    /// Only the default activities and task channels.
    case none = "NONE"
    /// Also the "Sample Queue" and the "Default Fifo Workflow" routing every task there.
    case fifo = "FIFO"
}
