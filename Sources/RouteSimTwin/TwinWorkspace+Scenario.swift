import RouteSim

/// A workspace that runs a scenario (`routesim serve SCENARIO`): its resources are the
/// scenario's, with the scenario's SIDs, and its workers the scenario's agents.
extension TwinWorkspace {
    /// The workspace of `spec` at time 0: activities, channels, queues and workflows as
    /// the scenario gives them, and one worker per agent (``SimulationSpec/makeWorkers()``
    /// order, which is the engine's) in its first scheduled activity. `seed` seeds the SIDs
    /// of what the API creates in it later.
    init(scenario spec: SimulationSpec, seed: UInt64) {
        let workspace = spec.workspace
        sid = workspace.sid
        sids = SidGenerator(seed: seed)
        friendlyName = workspace.friendlyName
        eventCallbackUrl = nil
        eventsFilter = workspace.eventsFilter?.joined(separator: ",")
        multiTaskEnabled = workspace.multiTaskEnabled
        template = workspace.template
        prioritizeQueueOrder = workspace.prioritizeQueueOrder
        defaultActivity = workspace.defaultActivity
        timeoutActivity = workspace.timeoutActivity
        created = 0
        updated = 0
        time = 0
        activities = workspace.activities.map { TwinRecord($0, at: 0) }
        taskChannels = workspace.taskChannels.map { TwinRecord($0, at: 0) }
        taskQueues = workspace.taskQueues.map { TwinRecord($0, at: 0) }
        let queueSids = workspace.taskQueues.map(\.sid)
        workflows = workspace.workflows.map {
            TwinRecord(TwinWorkflow(workflow: $0, configuration: Self.configuration(of: $0, queueSids: queueSids)), at: 0)
        }
        let off = workspace.defaultActivity
        for worker in spec.makeWorkers() {
            let group = spec.workerGroups[worker.group]
            let first = Simulation.firstActivity(of: group, offActivity: off)
            let channels = workspace.taskChannels.indices.map { c in
                TwinRecord(TwinWorkerChannel(
                    sid: issue(.workerChannel), capacity: c < group.capacities.count ? group.capacities[c] : 0,
                    available: !group.unavailableChannels.contains(c)), at: 0)
            }
            workers.append(TwinRecord(TwinWorker(
                sid: worker.sid, friendlyName: worker.friendlyName, attributes: group.attributes,
                attributesText: group.attributes.jsonText, activity: first, statusChanged: 0, channels: channels), at: 0))
        }
    }

    /// A workflow's `configuration` JSON as TaskRouter writes it, queues by SID.
    static func configuration(of workflow: Workflow, queueSids: [String]) -> String {
        func target(_ target: WorkflowTarget) -> AttributeValue {
            var fields: [String: AttributeValue] = ["queue": .string(queueSids[target.queue])]
            if let priority = target.priority { fields["priority"] = .number(Double(priority)) }
            if let timeout = target.timeout { fields["timeout"] = .number(timeout) }
            if let expression = target.expression { fields["expression"] = .string(expression.source) }
            if let skipIf = target.skipIf { fields["skip_if"] = .string(skipIf.source) }
            if !target.orderBy.isEmpty {
                fields["order_by"] = .string(target.orderBy.map {
                    "worker." + $0.path.joined(separator: ".") + ($0.descending ? " DESC" : " ASC")
                }.joined(separator: ", "))
            }
            if let known = target.knownWorker {
                fields[known.field.rawValue] = .string("task." + known.taskAttribute.joined(separator: "."))
            }
            return .object(fields)
        }
        var routing: [String: AttributeValue] = [
            "filters": .array(workflow.filters.map { filter in
                var fields: [String: AttributeValue] = [
                    "expression": .string(filter.expression.source), "targets": .array(filter.targets.map(target)),
                ]
                if let name = filter.friendlyName { fields["filter_friendly_name"] = .string(name) }
                return .object(fields)
            }),
        ]
        if let fallback = workflow.defaultFilter { routing["default_filter"] = target(fallback) }
        return AttributeValue.object(["task_routing": .object(routing)]).jsonText
    }
}
