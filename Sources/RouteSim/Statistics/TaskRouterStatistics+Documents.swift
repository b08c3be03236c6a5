/// The documents: TaskRouter's field names (docs/taskrouter-fidelity.md, Statistics), plus `workspace_sid` and
/// the resource's own `<kind>_sid` as TaskRouter's statistics resources carry them.
extension TaskRouterStatistics {
    /// The real-time documents at `time`: the workspace, each queue, each workflow.
    /// O(task slots + queues x groups x activities).
    func snapshotDocuments(at time: Double) -> [StatisticsDocument] {
        let queueCount = workspace.taskQueues.count
        var tallies = Array(repeating: RealtimeTally(), count: 1 + queueCount + workflowCount)
        for task in tasks where task.ordinal >= 0 {
            tallies[0].add(task, at: time, inQueue: false)
            if task.queue >= 0 { tallies[1 + Int(task.queue)].add(task, at: time, inQueue: true) }
            tallies[1 + queueCount + Int(task.workflow)].add(task, at: time, inQueue: false)
        }
        var documents: [StatisticsDocument] = []
        documents.reserveCapacity(tallies.count)
        var fields = tallies[0].fields(inQueue: false, sids: sids)
        fields["total_workers"] = .number(Double(workers.count))
        fields["activity_statistics"] = Self.activityStatistics(workspace.activities, workersPerActivity(in: Array(0..<groupCount)))
        documents.append(document(.workspace, nil, .realtime, time, fields))
        for q in workspace.taskQueues.indices {
            let members = workersPerActivity(in: queueGroups[q])
            var available = 0
            for (a, activity) in workspace.activities.enumerated() where activity.available { available += members[a] }
            var fields = tallies[1 + q].fields(inQueue: true, sids: sids)
            fields["total_eligible_workers"] = .number(Double(members.reduce(0, +)))
            fields["total_available_workers"] = .number(Double(available))
            fields["activity_statistics"] = Self.activityStatistics(workspace.activities, members)
            documents.append(document(.taskQueue, q, .realtime, time, fields))
        }
        for w in workspace.workflows.indices {
            let fields = tallies[1 + queueCount + w].fields(inQueue: false, sids: sids)
            documents.append(document(.workflow, w, .realtime, time, fields))
        }
        return documents
    }

    /// The cumulative documents over [warm-up, `end`]: the workspace, each queue, each
    /// workflow, each worker.
    func cumulativeDocuments(end: Double) -> [StatisticsDocument] {
        let key = WaitSplit.key(threshold)
        let (from, to) = (AttributeValue.number(warmup), AttributeValue.number(end))
        let queueCount = workspace.taskQueues.count
        var workspaceTotal = CumulativeCounters()
        var queueTotals = Array(repeating: CumulativeCounters(), count: queueCount)
        var workflowTotals = Array(repeating: CumulativeCounters(), count: workflowCount)
        for (c, cell) in cells.enumerated() {
            workspaceTotal.add(cell)
            let queue = c / workflowCount - 1
            if queue >= 0 { queueTotals[queue].add(cell) }
            workflowTotals[c % workflowCount].add(cell)
        }
        var documents: [StatisticsDocument] = []
        documents.reserveCapacity(1 + queueCount + workflowCount + workers.count)
        let workspaceFields = workspaceTotal.fields(.workspace, start: from, end: to, splits: [key: workspaceTotal.split])
        documents.append(document(.workspace, nil, .cumulative, end, workspaceFields))
        for (q, total) in queueTotals.enumerated() {
            documents.append(document(
                .taskQueue, q, .cumulative, end, total.fields(.taskQueue, start: from, end: to, splits: [key: total.split])))
        }
        for (w, total) in workflowTotals.enumerated() {
            documents.append(document(
                .workflow, w, .cumulative, end, total.fields(.workflow, start: from, end: to, splits: [key: total.split])))
        }
        let workerJSON = WorkerStatisticsJSON(workspace: workspace, start: warmup, end: end)
        for (w, worker) in workers.enumerated() {
            let json = workerJSON.json(
                workerSid: worker.sid, reservations: workerReservations[w],
                durations: activityDurations[w * activityCount..<(w + 1) * activityCount])
            documents.append(StatisticsDocument(
                kind: .worker, entity: w, sid: worker.sid, name: worker.friendlyName, scope: .cumulative, time: end,
                json: json))
        }
        return documents
    }

    /// How many workers of `groups` are in each activity now, in activity order.
    private func workersPerActivity(in groups: [Int]) -> [Int] {
        var counts = Array(repeating: 0, count: activityCount)
        for g in groups {
            for a in 0..<activityCount { counts[a] += groupActivityWorkers[g * activityCount + a] }
        }
        return counts
    }

    /// `activity_statistics`: `[{sid, friendly_name, workers}]` in activity order.
    package static func activityStatistics(_ activities: [Activity], _ counts: [Int]) -> AttributeValue {
        .array(activities.enumerated().map { a, activity in
            [
                "sid": .string(activity.sid), "friendly_name": .string(activity.friendlyName),
                "workers": .number(Double(counts[a])),
            ]
        })
    }

    /// Wraps `fields` as the document of `kind` and `entity`, adding `workspace_sid` and
    /// the resource's own SID field. Not for workers: ``WorkerStatisticsJSON`` writes theirs.
    private func document(
        _ kind: StatisticsDocument.Kind, _ entity: Int?, _ scope: StatisticsDocument.Scope, _ time: Double,
        _ fields: [String: AttributeValue]
    ) -> StatisticsDocument {
        var fields = fields
        fields["workspace_sid"] = .string(workspace.sid)
        let sid: String
        let name: String
        switch kind {
        case .workspace:
            (sid, name) = (workspace.sid, workspace.friendlyName)
        case .taskQueue:
            let queue = workspace.taskQueues[entity ?? 0]
            (sid, name) = (queue.sid, queue.friendlyName)
            fields["task_queue_sid"] = .string(sid)
        case .workflow:
            let workflow = workspace.workflows[entity ?? 0]
            (sid, name) = (workflow.sid, workflow.friendlyName)
            fields["workflow_sid"] = .string(sid)
        case .worker:
            preconditionFailure("worker documents are written by WorkerStatisticsJSON")
        }
        let json = AttributeValue.object(fields).jsonText
        return StatisticsDocument(
            kind: kind, entity: entity, sid: sid, name: name, scope: scope, time: time, json: json)
    }
}
