import RouteSim
import RouteSimScenario

/// Create, find, list, update and delete of a workspace's sub-resources, with TaskRouter's
/// parameters and rules.
extension TwinWorkspace {
    /// The index of the `kind` resource whose SID is `sid` (a task channel also by its
    /// unique name); 404 otherwise.
    public func index(_ kind: TwinResourceKind, of sid: String) throws(TwinError) -> Int {
        let found: Int? = switch kind {
        case .activities: activities.firstIndex { $0.resource.sid == sid }
        case .taskChannels: taskChannels.firstIndex { $0.resource.sid == sid || $0.resource.uniqueName == sid }
        case .taskQueues: taskQueues.firstIndex { $0.resource.sid == sid }
        case .workflows: workflows.firstIndex { $0.resource.workflow.sid == sid }
        case .workers: workers.firstIndex { $0.resource.sid == sid }
        }
        guard let found else { throw .notFound(path(kind, sid)) }
        return found
    }

    /// Creates a `kind` resource from a create's parameters; returns its index.
    public mutating func create(_ kind: TwinResourceKind, _ parameters: TwinParameters) throws(TwinError) -> Int {
        switch kind {
        case .activities:
            let name = try uniqueName(parameters.required("FriendlyName"), kind, among: activities.map(\.resource.friendlyName))
            let available = try parameters.bool("Available") ?? false
            activities.append(TwinRecord(Activity(sid: issue(.activity), friendlyName: name, available: available), at: time))
            return activities.count - 1
        case .taskChannels:
            let name = try Self.friendlyName(parameters.required("FriendlyName"))
            let uniqueName = try Self.channelName(parameters.required("UniqueName"))
            guard !taskChannels.contains(where: { $0.resource.uniqueName == uniqueName }) else {
                throw .invalidParameter("TaskChannel with the same unique name already exists: \(uniqueName)")
            }
            let optimized = try parameters.bool("ChannelOptimizedRouting") ?? true
            taskChannels.append(TwinRecord(
                TaskChannel(sid: issue(.taskChannel), uniqueName: uniqueName, friendlyName: name, channelOptimizedRouting: optimized),
                at: time))
            for worker in workers.indices {
                workers[worker].resource.channels.append(TwinRecord(
                    TwinWorkerChannel(sid: issue(.workerChannel), capacity: 1, available: true), at: time))
            }
            return taskChannels.count - 1
        case .taskQueues:
            let name = try uniqueName(parameters.required("FriendlyName"), kind, among: taskQueues.map(\.resource.friendlyName))
            var queue = TaskQueue(sid: issue(.taskQueue), friendlyName: name)
            try apply(parameters, to: &queue)
            taskQueues.append(TwinRecord(queue, at: time))
            return taskQueues.count - 1
        case .workflows:
            let name = try uniqueName(parameters.required("FriendlyName"), kind, among: workflows.map(\.resource.workflow.friendlyName))
            _ = try parameters.required("Configuration")
            var workflow = TwinWorkflow(
                workflow: Workflow(sid: issue(.workflow), friendlyName: name, filters: [], defaultFilter: nil), configuration: "")
            try apply(parameters, to: &workflow)
            workflows.append(TwinRecord(workflow, at: time))
            return workflows.count - 1
        case .workers:
            return try createWorker(parameters)
        }
    }

    /// Applies an update's parameters to the `kind` resource at `index`.
    public mutating func update(_ kind: TwinResourceKind, at index: Int, _ parameters: TwinParameters) throws(TwinError) {
        switch kind {
        case .activities:
            // `Available` cannot change after creation; TaskRouter ignores it on update.
            if let name = parameters.value("FriendlyName") {
                let others = activities.indices.filter { $0 != index }.map { activities[$0].resource.friendlyName }
                activities[index].resource.friendlyName = try uniqueName(name, kind, among: others)
            }
            activities[index].updated = time
        case .taskChannels:
            var channel = taskChannels[index].resource
            if let name = parameters.value("FriendlyName") { channel.friendlyName = try Self.friendlyName(name) }
            if let optimized = try parameters.bool("ChannelOptimizedRouting") { channel.channelOptimizedRouting = optimized }
            taskChannels[index].resource = channel
            taskChannels[index].updated = time
        case .taskQueues:
            var queue = taskQueues[index].resource
            if let name = parameters.value("FriendlyName") {
                let others = taskQueues.indices.filter { $0 != index }.map { taskQueues[$0].resource.friendlyName }
                queue.friendlyName = try uniqueName(name, kind, among: others)
            }
            try apply(parameters, to: &queue)
            taskQueues[index].resource = queue
            taskQueues[index].updated = time
        case .workflows:
            var workflow = workflows[index].resource
            if let name = parameters.value("FriendlyName") {
                let others = workflows.indices.filter { $0 != index }.map { workflows[$0].resource.workflow.friendlyName }
                workflow.workflow.friendlyName = try uniqueName(name, kind, among: others)
            }
            try apply(parameters, to: &workflow)
            workflows[index].resource = workflow
            workflows[index].updated = time
        case .workers:
            try updateWorker(at: index, parameters)
        }
    }

    /// Deletes the `kind` resource at `index`, and moves the indices that pointed past it.
    ///
    /// Refused (400) while something refers to it: an activity that is the workspace's
    /// default or time-out activity, a worker's, or a queue's reservation or assignment
    /// activity; a queue a workflow routes to.
    public mutating func delete(_ kind: TwinResourceKind, at index: Int) throws(TwinError) {
        switch kind {
        case .activities:
            let sid = activities[index].resource.sid
            let inUse = defaultActivity == index || timeoutActivity == index
                || workers.contains { $0.resource.activity == index }
                || taskQueues.contains { $0.resource.reservationActivity == index || $0.resource.assignmentActivity == index }
            guard !inUse else {
                throw .invalidParameter("Activity \(sid) is in use (the workspace's default or timeout activity, a worker's, or a TaskQueue's) and cannot be deleted")
            }
            activities.remove(at: index)
            let moved = { (reference: Int) in reference > index ? reference - 1 : reference }
            defaultActivity = moved(defaultActivity)
            timeoutActivity = moved(timeoutActivity)
            for worker in workers.indices { workers[worker].resource.activity = moved(workers[worker].resource.activity) }
            for queue in taskQueues.indices {
                taskQueues[queue].resource.reservationActivity = taskQueues[queue].resource.reservationActivity.map(moved)
                taskQueues[queue].resource.assignmentActivity = taskQueues[queue].resource.assignmentActivity.map(moved)
            }
        case .taskChannels:
            taskChannels.remove(at: index)
            for worker in workers.indices { workers[worker].resource.channels.remove(at: index) }
        case .taskQueues:
            let sid = taskQueues[index].resource.sid
            if let workflow = workflows.first(where: { Self.queues(of: $0.resource.workflow).contains(index) }) {
                throw .invalidParameter("TaskQueue \(sid) cannot be deleted: Workflow \(workflow.resource.workflow.sid) routes tasks to it")
            }
            taskQueues.remove(at: index)
            for workflow in workflows.indices {
                var routing = workflows[workflow].resource.workflow
                for filter in routing.filters.indices {
                    for target in routing.filters[filter].targets.indices where routing.filters[filter].targets[target].queue > index {
                        routing.filters[filter].targets[target].queue -= 1
                    }
                }
                if let queue = routing.defaultFilter?.queue, queue > index { routing.defaultFilter?.queue = queue - 1 }
                workflows[workflow].resource.workflow = routing
            }
        case .workflows:
            workflows.remove(at: index)
        case .workers:
            workers.remove(at: index)
        }
    }

    /// The indices of the `kind` resources a list's filters select, in creation order.
    public func list(_ kind: TwinResourceKind, _ filters: TwinParameters) throws(TwinError) -> [Int] {
        let name = filters.value("FriendlyName")
        switch kind {
        case .activities:
            let available = try filters.bool("Available")
            return activities.indices.filter { index in
                let activity = activities[index].resource
                return (name == nil || activity.friendlyName == name) && (available == nil || activity.available == available)
            }
        case .taskChannels:
            return Array(taskChannels.indices)
        case .taskQueues:
            // The queues each given worker (by its attributes, or by SID) is a member of.
            var members: [AttributeValue] = []
            if let text = filters.value("EvaluateWorkerAttributes") {
                members.append(try Self.attributes(text, parameter: "EvaluateWorkerAttributes"))
            }
            if let worker = filters.value("WorkerSid") {
                guard let found = workers.first(where: { $0.resource.sid == worker }) else { return [] }
                members.append(found.resource.attributes)
            }
            return taskQueues.indices.filter { index in
                let queue = taskQueues[index].resource
                return (name == nil || queue.friendlyName == name)
                    && members.allSatisfy { queue.targetWorkers.evaluate(ExpressionContext(attributes: $0)) }
            }
        case .workflows:
            return workflows.indices.filter { name == nil || workflows[$0].resource.workflow.friendlyName == name }
        case .workers:
            return try listWorkers(filters)
        }
    }

    /// Applies a TaskQueue create's or update's parameters other than `FriendlyName`.
    private func apply(_ parameters: TwinParameters, to queue: inout TaskQueue) throws(TwinError) {
        if let text = parameters.value("TargetWorkers") {
            queue.targetWorkers = try Self.expression(text, parameter: "TargetWorkers")
        }
        if let order = try parameters.choice("TaskOrder", QueueOrder.self) { queue.taskOrder = order }
        if let count = try parameters.integer("MaxReservedWorkers", in: 1...50) { queue.maxReservedWorkers = count }
        if let sid = parameters.value("ReservationActivitySid") {
            queue.reservationActivity = try reference(.activities, sid, parameter: "ReservationActivitySid")
        }
        if let sid = parameters.value("AssignmentActivitySid") {
            queue.assignmentActivity = try reference(.activities, sid, parameter: "AssignmentActivitySid")
        }
    }

    /// Applies a Workflow create's or update's parameters other than `FriendlyName`.
    ///
    /// `Configuration` is read as a scenario's workflow configuration is, its queues named
    /// by SID or friendly name among this workspace's.
    private func apply(_ parameters: TwinParameters, to workflow: inout TwinWorkflow) throws(TwinError) {
        if let text = parameters.value("Configuration") {
            let queues = taskQueues.map { (friendlyName: $0.resource.friendlyName, sid: $0.resource.sid) }
            do {
                let routing = try APIDocumentReader.workflowConfiguration(text, queues: queues)
                workflow.workflow.filters = routing.filters
                workflow.workflow.defaultFilter = routing.defaultFilter
                workflow.configuration = text
            } catch {
                throw .invalidParameter("Invalid Configuration: " + error.errors.map(\.description).joined(separator: "; "))
            }
        }
        if let timeout = try parameters.integer("TaskReservationTimeout", in: 1...86_400) {
            workflow.workflow.taskReservationTimeout = Double(timeout)
        }
        if let url = parameters.value("AssignmentCallbackUrl") {
            workflow.assignmentCallbackUrl = try Self.callbackURL(url, parameter: "AssignmentCallbackUrl")
        }
        if let url = parameters.value("FallbackAssignmentCallbackUrl") {
            workflow.fallbackAssignmentCallbackUrl = try Self.callbackURL(url, parameter: "FallbackAssignmentCallbackUrl")
        }
    }

    /// `name` as a friendly name not already among `others`.
    func uniqueName(_ name: String, _ kind: TwinResourceKind, among others: [String]) throws(TwinError) -> String {
        let checked = try Self.friendlyName(name)
        guard !others.contains(checked) else {
            throw .invalidParameter("\(kind.singular) with the same friendly name already exists: \(checked)")
        }
        return checked
    }

    /// A TaskChannel `UniqueName`: letters, digits, `_` and `$`, not starting with a digit.
    static func channelName(_ name: String) throws(TwinError) -> String {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }
        guard allowed, let first = name.first, !first.isNumber else {
            throw .invalidParameter("Invalid UniqueName: letters, digits, _ and $, not starting with a digit, got \"\(name)\"")
        }
        return name
    }

    /// An expression over attributes, parsed by the engine's parser.
    static func expression(_ text: String, parameter: String) throws(TwinError) -> Expression {
        do {
            return try Expression.parse(text, scope: .attributes)
        } catch {
            throw .invalidParameter("Invalid \(parameter) \"\(text)\": \(error)")
        }
    }

    /// A JSON attributes object, read as scenario attributes are.
    static func attributes(_ text: String, parameter: String) throws(TwinError) -> AttributeValue {
        do {
            return try APIDocumentReader.attributes(text, parameter: parameter)
        } catch {
            throw .invalidParameter("Invalid \(parameter): " + error.errors.map(\.description).joined(separator: "; "))
        }
    }

    /// The queues a workflow can route to.
    static func queues(of workflow: Workflow) -> Set<Int> {
        Set(workflow.filters.flatMap { $0.targets.map(\.queue) } + (workflow.defaultFilter.map { [$0.queue] } ?? []))
    }
}
