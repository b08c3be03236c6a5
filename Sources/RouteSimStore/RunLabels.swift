import RouteSim

/// The names and SIDs a run's rows carry, by the indexes of the engine's records, resolved
/// once per run so that storing a row only indexes arrays.
///
/// Workers and task attribute sets are labelled in the engine's own numbering
/// (``RunNumbering``), never renumbered here; everything else is indexed as the spec lists it.
struct RunLabels {
    /// Worker SIDs (`WK…`), by worker index.
    let workerSids: [String]
    /// Worker friendly names (`<group>-001`), by worker index.
    let workerNames: [String]
    /// The name of each worker's group, by worker index.
    let workerGroups: [String]
    /// Arrival stream names, by stream index.
    var streams: [String]
    /// Task channel unique names, by channel index.
    let channels: [String]
    /// Workflow friendly names, by workflow index.
    let workflows: [String]
    /// Task queue friendly names, by queue index.
    let queues: [String]
    /// Activity friendly names, by activity index.
    let activities: [String]
    /// Whether each activity is available, by activity index.
    let activityAvailable: [Bool]
    /// Activity SIDs (`WA…`), by activity index.
    let activitySids: [String]
    /// Task queue SIDs (`WQ…`), by queue index.
    let queueSids: [String]
    /// Workflow SIDs (`WW…`), by workflow index.
    let workflowSids: [String]
    /// Each task attribute set as JSON text, by profile (``RunNumbering/profiles``).
    var taskAttributes: [String]
    /// The workspace's SID and friendly name.
    let workspaceSid: String
    let workspaceName: String

    /// Resolves the labels of a run of `spec`; O(workers + resources).
    init(spec: SimulationSpec) {
        let numbering = RunNumbering(spec: spec)
        let workers = numbering.workers
        workerSids = workers.map(\.sid)
        workerNames = workers.map(\.friendlyName)
        workerGroups = workers.map { spec.workerGroups[$0.group].name }
        streams = spec.arrivals.map(\.name)
        channels = spec.workspace.taskChannels.map(\.uniqueName)
        workflows = spec.workspace.workflows.map(\.friendlyName)
        queues = spec.workspace.taskQueues.map(\.friendlyName)
        activities = spec.workspace.activities.map(\.friendlyName)
        activityAvailable = spec.workspace.activities.map(\.available)
        activitySids = spec.workspace.activities.map(\.sid)
        queueSids = spec.workspace.taskQueues.map(\.sid)
        workflowSids = spec.workspace.workflows.map(\.sid)
        taskAttributes = numbering.profiles.attributes.map(\.jsonText)
        workspaceSid = spec.workspace.sid
        workspaceName = spec.workspace.friendlyName
    }
}
