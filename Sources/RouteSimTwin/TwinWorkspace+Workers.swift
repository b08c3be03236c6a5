import RouteSim

/// Workers and their channels: TaskRouter's Worker and WorkerChannel resources.
extension TwinWorkspace {
    /// Creates a worker from `POST …/Workers`; returns its index. It starts in `ActivitySid`,
    /// or the workspace's default activity, with capacity 1 and available on every channel.
    mutating func createWorker(_ parameters: TwinParameters) throws(TwinError) -> Int {
        let name = try workerName(parameters.required("FriendlyName"), except: nil)
        let text = parameters.value("Attributes") ?? "{}"
        let attributes = try Self.attributes(text, parameter: "Attributes")
        let activity = try parameters.value("ActivitySid").map { sid throws(TwinError) in
            try reference(.activities, sid, parameter: "ActivitySid")
        } ?? defaultActivity
        let sid = issue(.worker)
        var channels: [TwinRecord<TwinWorkerChannel>] = []
        for _ in taskChannels {
            channels.append(TwinRecord(TwinWorkerChannel(sid: issue(.workerChannel), capacity: 1, available: true), at: time))
        }
        let worker = TwinWorker(
            sid: sid, friendlyName: name, attributes: attributes, attributesText: text, activity: activity,
            statusChanged: time, channels: channels)
        workers.append(TwinRecord(worker, at: time))
        return workers.count - 1
    }

    /// Applies `POST …/Workers/{Sid}`: `ActivitySid`, `Attributes`, `FriendlyName`.
    ///
    /// `RejectPendingReservations` is accepted; with no reservations yet it changes nothing.
    mutating func updateWorker(at index: Int, _ parameters: TwinParameters) throws(TwinError) {
        var worker = workers[index].resource
        if let name = parameters.value("FriendlyName") { worker.friendlyName = try workerName(name, except: index) }
        if let text = parameters.value("Attributes") {
            worker.attributes = try Self.attributes(text, parameter: "Attributes")
            worker.attributesText = text
        }
        if let sid = parameters.value("ActivitySid") {
            let activity = try reference(.activities, sid, parameter: "ActivitySid")
            if activity != worker.activity {
                worker.activity = activity
                worker.statusChanged = time
            }
        }
        _ = try parameters.bool("RejectPendingReservations")
        workers[index].resource = worker
        workers[index].updated = time
    }

    /// The workers `GET …/Workers` selects: `ActivityName`, `ActivitySid`, `Available`,
    /// `FriendlyName`, `TargetWorkersExpression` (over the attributes and `sid`,
    /// `friendly_name`, `activity_sid`, `activity_name`), `TaskQueueName`, `TaskQueueSid`
    /// (the queue's members), all that are given.
    func listWorkers(_ filters: TwinParameters) throws(TwinError) -> [Int] {
        let activityName = filters.value("ActivityName")
        let activitySid = filters.value("ActivitySid")
        let available = try filters.bool("Available")
        let name = filters.value("FriendlyName")
        let expression = try filters.value("TargetWorkersExpression").map { text throws(TwinError) in
            try Self.expression(text, parameter: "TargetWorkersExpression")
        }
        var queues: [TaskQueue] = []
        if let queueName = filters.value("TaskQueueName") {
            guard let queue = taskQueues.first(where: { $0.resource.friendlyName == queueName }) else { return [] }
            queues.append(queue.resource)
        }
        if let queueSid = filters.value("TaskQueueSid") {
            guard let queue = taskQueues.first(where: { $0.resource.sid == queueSid }) else { return [] }
            queues.append(queue.resource)
        }
        return workers.indices.filter { index in
            let worker = workers[index].resource
            let activity = activities[worker.activity].resource
            guard activityName == nil || activity.friendlyName == activityName, activitySid == nil || activity.sid == activitySid,
                available == nil || activity.available == available, name == nil || worker.friendlyName == name
            else { return false }
            let context = ExpressionContext(attributes: worker.attributes)
            guard queues.allSatisfy({ $0.targetWorkers.evaluate(context) }) else { return false }
            guard let expression else { return true }
            var fields: [String: AttributeValue] = [:]
            if case .object(let members) = worker.attributes { fields = members }
            fields["sid"] = .string(worker.sid)
            fields["friendly_name"] = .string(worker.friendlyName)
            fields["activity_sid"] = .string(activity.sid)
            fields["activity_name"] = .string(activity.friendlyName)
            return expression.evaluate(ExpressionContext(attributes: .object(fields)))
        }
    }

    /// The index of worker `worker`'s channel named by its `WC…` SID or its task channel's
    /// unique name; 404 otherwise.
    public func channelIndex(ofWorker worker: Int, _ sid: String) throws(TwinError) -> Int {
        let channels = workers[worker].resource.channels
        guard let index = channels.indices.first(where: { channels[$0].resource.sid == sid || taskChannels[$0].resource.uniqueName == sid })
        else { throw .notFound(path(.workers, workers[worker].resource.sid) + "/Channels/" + sid) }
        return index
    }

    /// Applies `POST …/Workers/{WorkerSid}/Channels/{Sid}`: `Capacity` (0 or more) and
    /// `Available`.
    public mutating func updateChannel(ofWorker worker: Int, at index: Int, _ parameters: TwinParameters) throws(TwinError) {
        var channel = workers[worker].resource.channels[index]
        if let capacity = try parameters.integer("Capacity", in: 0...Int(Int32.max)) { channel.resource.capacity = capacity }
        if let available = try parameters.bool("Available") { channel.resource.available = available }
        channel.updated = time
        workers[worker].resource.channels[index] = channel
    }

    /// A worker's friendly name, unique in the workspace ignoring case (the worker at
    /// `except` being the one renamed).
    private func workerName(_ name: String, except: Int?) throws(TwinError) -> String {
        let checked = try Self.friendlyName(name)
        let lowered = checked.lowercased()
        guard !workers.indices.contains(where: { $0 != except && workers[$0].resource.friendlyName.lowercased() == lowered }) else {
            throw .invalidParameter("Worker with the same friendly name already exists")
        }
        return checked
    }
}
