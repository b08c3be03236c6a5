import RouteSim

/// The real-time statistics of a workspace at the current instant, from its current state:
/// the tasks its log shows active (pending, reserved, assigned, wrapping; not deleted) and
/// its workers' activities, tallied as a run's snapshots are (``RealtimeTally``).
///
/// A `TaskChannel` keeps that channel's tasks and the workers with capacity on it.
struct TwinRealtimeStatistics {
    /// The workspace described.
    private let workspace: TwinWorkspace
    /// The workspace's tasks, the queues' and the workflows'.
    private var workspaceTally = RealtimeTally()
    private var queueTallies: [RealtimeTally]
    private var workflowTallies: [RealtimeTally]
    /// The workers counted, in the workspace's order.
    let workers: [Int]
    /// Makes task SIDs from task numbers.
    private let sids: SidGenerator

    /// The state of `workspace` whose log is `log` at `now`, on `channel` (nil: all).
    init(log: TwinEventLog, workspace: TwinWorkspace, channel: Int?, now: Double) {
        self.workspace = workspace
        sids = log.sids
        queueTallies = Array(repeating: RealtimeTally(), count: workspace.taskQueues.count)
        workflowTallies = Array(repeating: RealtimeTally(), count: workspace.workflows.count)
        for record in log.tasks where record.status.isLive && !record.deleted && (channel.map { $0 == record.channel } ?? true) {
            // A live task's workflow is the current build's (none is rebuilt with a task in flight).
            let task = StatisticsTask.inFlight(
                ordinal: record.number, createdAt: record.created, queue: Int32(record.queue ?? -1),
                queueEnteredAt: record.queueEntered ?? record.created, workflow: Int32(record.workflow ?? -1),
                priority: record.priority, status: record.status)
            workspaceTally.add(task, at: now, inQueue: false)
            if let queue = record.queue, queueTallies.indices.contains(queue) {
                queueTallies[queue].add(task, at: now, inQueue: true)
            }
            if let workflow = record.workflow, workflowTallies.indices.contains(workflow) {
                workflowTallies[workflow].add(task, at: now, inQueue: false)
            }
        }
        workers = Self.workers(of: workspace, channel: channel)
    }

    /// The workers of `workspace` counted on `channel` (nil: all): those with capacity on
    /// it, in the workspace's order.
    static func workers(of workspace: TwinWorkspace, channel: Int?) -> [Int] {
        workspace.workers.indices.filter { w in
            channel.map { workspace.workers[w].resource.channels[$0].resource.capacity > 0 } ?? true
        }
    }

    /// The workspace's document: its tasks, `total_workers` and `activity_statistics`.
    func workspaceFields() -> [String: AttributeValue] {
        var fields = workspaceTally.fields(inQueue: false, sids: sids)
        fields.merge(workerFields(workers)) { $1 }
        return fields
    }

    /// Queue `q`'s document: its tasks, its members (`total_eligible_workers`), those in an
    /// available activity (`total_available_workers`) and its members per activity.
    func queueFields(_ q: Int) throws(TwinError) -> [String: AttributeValue] {
        let members = Set(try workspace.listWorkers(TwinParameters([("TaskQueueSid", workspace.taskQueues[q].resource.sid)])))
        let counted = workers.filter(members.contains)
        var fields = queueTallies[q].fields(inQueue: true, sids: sids)
        fields["total_eligible_workers"] = .number(Double(counted.count))
        let available = counted.filter { workspace.activities[workspace.workers[$0].resource.activity].resource.available }
        fields["total_available_workers"] = .number(Double(available.count))
        fields["activity_statistics"] = workerFields(counted)["activity_statistics"]
        return fields
    }

    /// The document of a queue the workspace does not have: no task, no worker.
    func unknownQueueFields() -> [String: AttributeValue] {
        var fields = RealtimeTally().fields(inQueue: true, sids: sids)
        fields["total_eligible_workers"] = .number(0)
        fields["total_available_workers"] = .number(0)
        fields["activity_statistics"] = workerFields([])["activity_statistics"]
        return fields
    }

    /// Workflow `w`'s document: its tasks.
    func workflowFields(_ w: Int) -> [String: AttributeValue] {
        workflowTallies[w].fields(inQueue: false, sids: sids)
    }

    /// `total_workers` and `activity_statistics` of `selected` (of ``workers``).
    func workerFields(_ selected: [Int]) -> [String: AttributeValue] {
        var counts = Array(repeating: 0, count: workspace.activities.count)
        for w in selected { counts[workspace.workers[w].resource.activity] += 1 }
        return [
            "total_workers": .number(Double(selected.count)),
            "activity_statistics": TaskRouterStatistics.activityStatistics(workspace.activities.map(\.resource), counts),
        ]
    }
}
