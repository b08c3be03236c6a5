import RouteSim
import RouteSimScenario

/// The Statistics resources of a workspace, its queues, workflows and workers, answered at
/// the current instant: real-time documents from the current state
/// (``TwinRealtimeStatistics``), cumulative ones from the kept event log
/// (``TwinCumulativeStatistics``), both in the documents of a run's statistics.
extension Twin {
    /// `GET /v1/Workspaces/{WorkspaceSid}/Statistics`, `/RealTimeStatistics`, `/CumulativeStatistics`.
    func workspaceStatistics(
        _ scope: TwinStatisticsScope, in workspace: String, _ query: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let context = try statisticsContext(workspace, scope, query)
        return statisticsDocument(
            scope, url: representation(baseURL).workspaceURL(workspace) + "/" + scope.pathSegment,
            own: [:], workspace: context.space.sid,
            realtime: { context.realtime.workspaceFields() },
            cumulative: { cumulativeFields(.workspace, context.cumulative.total(queue: nil, workflow: nil), context) })
    }

    /// `GET …/TaskQueues/{TaskQueueSid}/Statistics`, `/RealTimeStatistics`, `/CumulativeStatistics`.
    func taskQueueStatistics(
        _ scope: TwinStatisticsScope, in workspace: String, _ sid: String, _ query: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let queue = try workspaces[index(of: workspace)].index(.taskQueues, of: sid)
        let context = try statisticsContext(workspace, scope, query)
        let realtime = try scope == .cumulative ? [:] : context.realtime.queueFields(queue)
        return statisticsDocument(
            scope, url: representation(baseURL).workspaceURL(workspace) + "/TaskQueues/" + sid + "/" + scope.pathSegment,
            own: ["task_queue_sid": .string(sid)], workspace: workspace,
            realtime: { realtime },
            cumulative: { cumulativeFields(.taskQueue, context.cumulative.total(queue: queue, workflow: nil), context) })
    }

    /// `GET …/TaskQueues/Statistics`: every queue's combined document (no `url`), filtered by
    /// `FriendlyName`, paged as every list is.
    func listTaskQueueStatistics(_ workspace: String, _ query: TwinParameters, baseURL: String) throws(TwinError) -> AttributeValue {
        let context = try statisticsContext(workspace, .combined, query)
        let name = query.value("FriendlyName")
        let page = try TwinPage(
            key: "task_queues_statistics", url: representation(baseURL).workspaceURL(workspace) + "/TaskQueues/Statistics",
            query: query)
        var items: [AttributeValue] = []
        for (q, queue) in context.space.taskQueues.enumerated() where name == nil || queue.resource.friendlyName == name {
            let realtime = try context.realtime.queueFields(q)
            items.append(statisticsDocument(
                .combined, url: nil, own: ["task_queue_sid": .string(queue.resource.sid)], workspace: workspace,
                realtime: { realtime },
                cumulative: { cumulativeFields(.taskQueue, context.cumulative.total(queue: q, workflow: nil), context) }))
        }
        return page.document(items)
    }

    /// `POST …/TaskQueues/RealTimeStatistics`: the real-time document of each queue
    /// `requested` names, in its order, under `task_queue_data`. A well-formed SID of no
    /// queue of the workspace gets a document of zeros, as TaskRouter answers a SID of
    /// another account.
    func bulkTaskQueueRealtimeStatistics(
        _ workspace: String, _ requested: TwinQueueSids, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let context = try statisticsContext(workspace, .realtime, TwinParameters([]))
        var items: [AttributeValue] = []
        for sid in requested.sids {
            var fields = try context.space.taskQueues.firstIndex { $0.resource.sid == sid }
                .map(context.realtime.queueFields) ?? context.realtime.unknownQueueFields()
            fields["task_queue_sid"] = .string(sid)
            items.append(.object(fields))
        }
        return [
            "account_sid": .string(credentials.accountSid), "workspace_sid": .string(workspace),
            "url": .string(representation(baseURL).workspaceURL(workspace) + "/TaskQueues/RealTimeStatistics"),
            "task_queue_data": .array(items), "task_queue_response_count": .number(Double(items.count)),
        ]
    }

    /// `GET …/Workflows/{WorkflowSid}/Statistics`, `/RealTimeStatistics`, `/CumulativeStatistics`.
    func workflowStatistics(
        _ scope: TwinStatisticsScope, in workspace: String, _ sid: String, _ query: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let workflow = try workspaces[index(of: workspace)].index(.workflows, of: sid)
        let context = try statisticsContext(workspace, scope, query)
        return statisticsDocument(
            scope, url: representation(baseURL).workspaceURL(workspace) + "/Workflows/" + sid + "/" + scope.pathSegment,
            own: ["workflow_sid": .string(sid)], workspace: workspace,
            realtime: { context.realtime.workflowFields(workflow) },
            cumulative: { cumulativeFields(.workflow, context.cumulative.total(queue: nil, workflow: workflow), context) })
    }

    /// `GET …/Workers/Statistics`, `/RealTimeStatistics`, `/CumulativeStatistics`: the
    /// workers added up; `…/Statistics` takes `FriendlyName`, `TaskQueueSid` and
    /// `TaskQueueName` as `GET …/Workers` does.
    func workersStatistics(
        _ scope: TwinStatisticsScope, in workspace: String, _ query: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let context = try statisticsContext(workspace, scope, TwinParameters(query.pairs.filter { $0.name != "SplitByWaitTime" }))
        var selected = TwinRealtimeStatistics.workers(of: context.space, channel: context.query.channel)
        if scope == .combined {
            let filters = TwinParameters(query.pairs.filter { ["FriendlyName", "TaskQueueSid", "TaskQueueName"].contains($0.name) })
            let listed = Set(try context.space.listWorkers(filters))
            selected = selected.filter(listed.contains)
        }
        return statisticsDocument(
            scope, url: representation(baseURL).workspaceURL(workspace) + "/Workers/" + scope.pathSegment,
            own: [:], workspace: workspace,
            realtime: { context.realtime.workerFields(selected) },
            cumulative: {
                let counts = context.cumulative
                let reservations = selected.reduce(into: ReservationCounters()) { $0.add(counts.workerReservations[$1]) }
                var fields = workerFields(nil, reservations, counts.durations(of: selected)[...], context)
                fields["worker_sid"] = nil
                return fields
            })
    }

    /// `GET …/Workers/{WorkerSid}/Statistics` (`{"cumulative": {…}}`) and
    /// `…/Workers/{WorkerSid}/CumulativeStatistics` (that document alone).
    func workerStatistics(
        _ scope: TwinStatisticsScope, in workspace: String, _ sid: String, _ query: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let worker = try workspaces[index(of: workspace)].index(.workers, of: sid)
        let context = try statisticsContext(workspace, .cumulative, TwinParameters(query.pairs.filter { $0.name != "SplitByWaitTime" }))
        let count = context.cumulative.activityCount
        let fields = workerFields(
            sid, context.cumulative.workerReservations[worker],
            context.cumulative.activityDurations[worker * count..<(worker + 1) * count], context)
        var document: [String: AttributeValue] = scope == .combined ? ["cumulative": .object(fields)] : fields
        document["account_sid"] = .string(credentials.accountSid)
        document["workspace_sid"] = .string(workspace)
        document["worker_sid"] = .string(sid)
        document["url"] = .string(representation(baseURL).workspaceURL(workspace) + "/Workers/" + sid + "/" + scope.pathSegment)
        return .object(document)
    }

    /// What a statistics request of `scope` reads: the workspace, its query, and the
    /// real-time state and the window's counts (each computed only when `scope` shows it).
    func statisticsContext(
        _ workspace: String, _ scope: TwinStatisticsScope, _ parameters: TwinParameters
    ) throws(TwinError) -> TwinStatisticsContext {
        let owner = try index(of: workspace)
        let space = workspaces[owner]
        let log = engine(owner).log
        let now = clock.time
        let given = scope == .realtime ? TwinParameters(parameters.pairs.filter { $0.name == "TaskChannel" }) : parameters
        let query = try TwinStatisticsQuery(given, workspace: space, now: now) { text, name throws(TwinError) in
            try self.time(text, parameter: name)
        }
        return TwinStatisticsContext(
            space: space, query: query, representation: representation(""),
            state: scope == .cumulative
                ? nil : TwinRealtimeStatistics(log: log, workspace: space, channel: query.channel, now: now),
            counts: scope == .realtime
                ? nil : TwinCumulativeStatistics(log: log, workspace: space, query: query, now: now))
    }

    /// The document of `scope`: the real-time fields, the cumulative ones, or both under
    /// `realtime` and `cumulative`; with `account_sid`, `workspace_sid`, the resource's own
    /// SID field (`own`) and `url` when given.
    private func statisticsDocument(
        _ scope: TwinStatisticsScope, url: String?, own: [String: AttributeValue], workspace: String,
        realtime: () -> [String: AttributeValue], cumulative: () -> [String: AttributeValue]
    ) -> AttributeValue {
        var document: [String: AttributeValue] = switch scope {
        case .combined: ["realtime": .object(realtime()), "cumulative": .object(cumulative())]
        case .realtime: realtime()
        case .cumulative: cumulative()
        }
        document.merge(own) { $1 }
        document["account_sid"] = .string(credentials.accountSid)
        document["workspace_sid"] = .string(workspace)
        if let url { document["url"] = .string(url) }
        return .object(document)
    }

    /// The cumulative fields of `kind` from its counters and splits, dated.
    private func cumulativeFields(
        _ kind: StatisticsDocument.Kind, _ total: (counters: CumulativeCounters, splits: [WaitSplit]), _ context: TwinStatisticsContext
    ) -> [String: AttributeValue] {
        let query = context.query
        let splits = Dictionary(zip(query.thresholds.map(WaitSplit.key), total.splits)) { first, _ in first }
        return total.counters.fields(
            kind, start: context.representation.date(query.from), end: context.representation.date(query.to), splits: splits)
    }

    /// A worker's cumulative fields (`sid` nil: workers added up, `worker_sid` then to be
    /// dropped), written by a run's writer of worker documents and dated.
    private func workerFields(
        _ sid: String?, _ reservations: ReservationCounters, _ durations: ArraySlice<DurationSummary>,
        _ context: TwinStatisticsContext
    ) -> [String: AttributeValue] {
        let writer = WorkerStatisticsJSON(workspace: context.space.makeWorkspace(), start: context.query.from, end: context.query.to)
        let json = writer.json(workerSid: sid ?? "", reservations: reservations, durations: durations)
        guard case .object(var fields)? = try? APIDocumentReader.attributes(json, parameter: "statistics") else {
            preconditionFailure("WorkerStatisticsJSON writes a JSON object")
        }
        fields["start_time"] = context.representation.date(context.query.from)
        fields["end_time"] = context.representation.date(context.query.to)
        return fields
    }
}
