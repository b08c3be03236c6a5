import RouteSim

/// Where each activity, task channel, queue, workflow and worker of one build of a
/// workspace's engine stands in the next build: for each old index, the new one, or nil for
/// a resource deleted since. Matched by SID.
///
/// A build numbers these resources by position in the workspace, so a delete moves those
/// after it; what the log kept from earlier builds (``TwinHistory/renumber(_:)``) is moved
/// with them.
struct TwinRenumbering {
    let activities: [Int?]
    let channels: [Int?]
    let queues: [Int?]
    let workflows: [Int?]
    let workers: [Int?]

    /// From the build that ran `old` (the engine's spec, the workers it added included) to
    /// the build of `workspace`. O(resources).
    init(from old: SimulationSpec, to workspace: TwinWorkspace) {
        activities = Self.positions(of: old.workspace.activities.map(\.sid), in: workspace.activities.map(\.resource.sid))
        channels = Self.positions(of: old.workspace.taskChannels.map(\.sid), in: workspace.taskChannels.map(\.resource.sid))
        queues = Self.positions(of: old.workspace.taskQueues.map(\.sid), in: workspace.taskQueues.map(\.resource.sid))
        workflows = Self.positions(
            of: old.workspace.workflows.map(\.sid), in: workspace.workflows.map(\.resource.workflow.sid))
        workers = Self.positions(of: old.makeWorkers().map(\.sid), in: workspace.workers.map(\.resource.sid))
    }

    /// The position in `new` of each SID of `old`; nil for one `new` lacks.
    private static func positions(of old: [String], in new: [String]) -> [Int?] {
        let position = Dictionary(new.enumerated().map { ($1, $0) }) { first, _ in first }
        return old.map { position[$0] }
    }

    /// `index` (an old index, or nil) moved by `map`: nil for nil or a deleted resource.
    static func moved(_ index: Int?, by map: [Int?]) -> Int? {
        guard let index, map.indices.contains(index) else { return nil }
        return map[index]
    }
}
