import Foundation
import RouteSim
import RouteSimScenario

/// Tasks, reservations and events: what the workspaces' live engines make and how
/// applications act on it.
extension Twin {
    // MARK: Tasks

    /// `POST …/Tasks`: `Attributes` (a JSON object, default `{}`), `Priority`, `Timeout`
    /// (default 86,400 s), `TaskChannel` (SID or unique name, default `default`),
    /// `WorkflowSid` (optional only when the workspace has one workflow). The task is routed
    /// before the answer: it comes back reserved when a worker was ready.
    public func createTask(in workspace: String, _ parameters: TwinParameters, baseURL: String) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let space = workspaces[owner]
        let text = parameters.value("Attributes") ?? "{}"
        let attributes = try TwinWorkspace.attributes(text, parameter: "Attributes")
        let priority = try parameters.integer("Priority", in: 0...Int(Int32.max)) ?? 0
        let timeout = try parameters.integer("Timeout", in: 1...Self.longestTaskTimeout) ?? Self.defaultTaskTimeout
        let channel = try space.reference(.taskChannels, parameters.value("TaskChannel") ?? "default", parameter: "TaskChannel")
        let workflow: Int
        if let sid = parameters.value("WorkflowSid") {
            workflow = try space.reference(.workflows, sid, parameter: "WorkflowSid")
        } else {
            guard space.workflows.count == 1 else { throw .missingParameter("WorkflowSid") }
            workflow = 0
        }
        let engine = engine(owner)
        let number = engine.createTask(
            attributes: attributes, text: text, workflow: workflow, channel: channel, priority: priority,
            timeout: Double(timeout))
        syncWorkers(owner)
        return representation(baseURL).task(engine.log.tasks[number], of: workspaces[owner], now: clock.time)
    }

    /// `GET …/Tasks/{Sid}`.
    public func fetchTask(in workspace: String, _ sid: String, baseURL: String) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let engine = engine(owner)
        let number = try taskNumber(sid, owner)
        return representation(baseURL).task(engine.log.tasks[number], of: workspaces[owner], now: clock.time)
    }

    /// `GET …/Tasks` with `AssignmentStatus` (repeatable or comma-separated), `WorkflowSid`,
    /// `WorkflowName`, `TaskQueueSid`, `TaskQueueName`, `Priority`, `EvaluateTaskAttributes`
    /// and `Ordering` (`DateCreated` or `Priority`, `:asc` or `:desc`, comma-separated;
    /// default `DateCreated:asc`).
    public func listTasks(in workspace: String, _ query: TwinParameters, baseURL: String) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let space = workspaces[owner]
        let engine = engine(owner)
        let statuses = Set(query.values("AssignmentStatus").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        for status in statuses where TaskStatus(rawValue: status) == nil {
            throw .invalidParameter("Invalid AssignmentStatus: \(status) is not one of pending, reserved, assigned, canceled, completed, wrapping")
        }
        let workflows = try selection(query, sid: "WorkflowSid", name: "WorkflowName", among: space.workflows.map { ($0.resource.workflow.sid, $0.resource.workflow.friendlyName) })
        let queues = try selection(query, sid: "TaskQueueSid", name: "TaskQueueName", among: space.taskQueues.map { ($0.resource.sid, $0.resource.friendlyName) })
        let priority = try query.integer("Priority", in: 0...Int(Int32.max))
        let expression = try query.value("EvaluateTaskAttributes").map { text throws(TwinError) in
            try TwinWorkspace.expression(text, parameter: "EvaluateTaskAttributes")
        }
        let ordering = try Self.ordering(query.value("Ordering"))
        var selected = engine.log.tasks.filter { task in
            guard !task.deleted, statuses.isEmpty || statuses.contains(task.status.rawValue),
                  workflows.map({ task.workflow.map($0.contains) ?? false }) ?? true,
                  queues.map({ task.queue.map($0.contains) ?? false }) ?? true,
                  priority.map({ $0 == task.priority }) ?? true
            else { return false }
            guard let expression else { return true }
            let attributes = (try? TwinWorkspace.attributes(task.attributes, parameter: "Attributes")) ?? .emptyObject
            return expression.evaluate(ExpressionContext(attributes: attributes))
        }
        selected.sort { a, b in
            for (key, descending) in ordering {
                let (x, y) = key == "Priority" ? (Double(a.priority), Double(b.priority)) : (a.created, b.created)
                if x != y { return descending ? x > y : x < y }
            }
            return a.number < b.number
        }
        let shape = representation(baseURL)
        let page = try TwinPage(key: "tasks", url: shape.workspaceURL(workspace) + "/Tasks", query: query)
        let now = clock.time
        return page.document(selected.map { shape.task($0, of: space, now: now) })
    }

    /// `POST …/Tasks/{Sid}`: `Attributes` and `Priority` of a task in flight (a pending task
    /// is offered again under them: ``Simulation/updateTask(_:attributes:priority:)``), then
    /// `AssignmentStatus` `canceled` (from pending or reserved), `wrapping` (from assigned) or
    /// `completed` (from assigned or wrapping), with `Reason` (required for canceled and
    /// completed). Every parameter is checked before any is applied.
    public func updateTask(in workspace: String, _ sid: String, _ parameters: TwinParameters, baseURL: String) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let engine = engine(owner)
        let number = try taskNumber(sid, owner)
        for unsupported in ["TaskChannel", "VirtualStartTime"] where parameters.has(unsupported) {
            throw .invalidParameter("Updating a task's \(unsupported) is not supported by routesim yet (docs/twin.md)")
        }
        let text = parameters.value("Attributes")
        let attributes = try text.map { text throws(TwinError) in try TwinWorkspace.attributes(text, parameter: "Attributes") }
        let priority = try parameters.integer("Priority", in: 0...Int(Int32.max))
        let status = try parameters.value("AssignmentStatus").map { text throws(TwinError) in
            guard let status = TaskStatus(rawValue: text), [.canceled, .wrapping, .completed].contains(status) else {
                throw .invalidParameter("Invalid AssignmentStatus: \(text); a task can be set to canceled, wrapping or completed")
            }
            return status
        }
        let reason = status == nil || status == .wrapping ? parameters.value("Reason") : try parameters.required("Reason")
        let task = engine.log.tasks[number]
        if attributes != nil || priority != nil {
            guard task.status.isLive, let ordinal = engine.log.taskOrdinal(number) else {
                throw .invalidParameter("Task \(sid) is \(task.status.rawValue): only a task in flight takes new Attributes or Priority")
            }
            if let text { engine.log.setAttributes(ofTask: number, text, timeout: task.timeout) }
            // Logged first: what the update makes happen (a reservation) comes after it.
            logTaskChange(.taskUpdated, in: owner, task: number, priority: priority)
            engine.simulation.updateTask(ordinal, attributes: attributes, priority: priority)
            syncWorkers(owner)
        }
        if let status {
            let current = engine.log.tasks[number].status
            guard let ordinal = engine.log.taskOrdinal(number), engine.simulation.updateTask(ordinal, to: status) else {
                throw .invalidParameter("Task \(sid) cannot move from \(current.rawValue) to \(status.rawValue)")
            }
            if let reason { engine.log.setReason(ofTask: number, reason) }
            syncWorkers(owner)
        }
        return representation(baseURL).task(engine.log.tasks[number], of: workspaces[owner], now: clock.time)
    }

    /// Logs `type` (`task.updated`, `task.deleted`) for task `number` of the workspace at
    /// `owner` as the log holds it now, with `priority` in place of its own when given.
    private func logTaskChange(_ type: TaskRouterEventType, in owner: Int, task number: Int, priority: Int? = nil) {
        let task = engine(owner).log.tasks[number]
        let age = clock.time - task.created
        logChange(type, in: owner, naming: nil) {
            $0.task = number
            $0.taskStatus = task.status
            $0.taskPriority = priority ?? task.priority
            $0.taskAge = age
            $0.queue = task.queue
            $0.workflow = task.workflow
            $0.channel = task.channel
        }
    }

    /// `DELETE …/Tasks/{Sid}`: a pending or reserved task is canceled first; the task is
    /// gone from then on.
    public func deleteTask(in workspace: String, _ sid: String) throws(TwinError) {
        let owner = try index(of: workspace)
        let engine = engine(owner)
        let number = try taskNumber(sid, owner)
        if let ordinal = engine.log.taskOrdinal(number), [.pending, .reserved].contains(engine.log.tasks[number].status) {
            engine.simulation.updateTask(ordinal, to: .canceled)
            engine.log.setReason(ofTask: number, "Task deleted")
        }
        logTaskChange(.taskDeleted, in: owner, task: number)
        engine.log.delete(task: number)
        syncWorkers(owner)
    }

    // MARK: Reservations

    /// `GET …/Tasks/{TaskSid}/Reservations` or `…/Workers/{WorkerSid}/Reservations`, with
    /// `ReservationStatus`.
    public func listReservations(
        in workspace: String, task: String? = nil, worker: String? = nil, _ query: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let engine = engine(owner)
        let taskNumber = try task.map { sid throws(TwinError) in try self.taskNumber(sid, owner) }
        if let worker { _ = try workspaces[owner].index(.workers, of: worker) }
        let status = try query.choice("ReservationStatus", ReservationStatus.self)
        let selected = engine.log.reservations.filter {
            (taskNumber == nil || $0.task == taskNumber) && (worker == nil || $0.workerSid == worker)
                && (status == nil || $0.status == status)
        }
        let shape = representation(baseURL)
        let path = task.map { "/Tasks/" + $0 } ?? "/Workers/" + (worker ?? "")
        let page = try TwinPage(key: "reservations", url: shape.workspaceURL(workspace) + path + "/Reservations", query: query)
        let space = workspaces[owner]
        return page.document(selected.map { shape.reservation($0, of: space, underWorker: worker != nil) })
    }

    /// `GET …/Reservations/{Sid}` under a task or a worker.
    public func fetchReservation(
        in workspace: String, task: String? = nil, worker: String? = nil, _ sid: String, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let number = try reservationNumber(sid, task: task, worker: worker, owner)
        return representation(baseURL).reservation(engine(owner).log.reservations[number], of: workspaces[owner], underWorker: worker != nil)
    }

    /// `POST …/Reservations/{Sid}` under a task or a worker: `ReservationStatus` `accepted`
    /// or `rejected` (with `WorkerActivitySid`) while pending; `wrapping` or `completed`
    /// once accepted (the task moves with it).
    public func updateReservation(
        in workspace: String, task: String? = nil, worker: String? = nil, _ sid: String, _ parameters: TwinParameters,
        baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let engine = engine(owner)
        let number = try reservationNumber(sid, task: task, worker: worker, owner)
        let reservation = engine.log.reservations[number]
        if let text = parameters.value("ReservationStatus") {
            guard let status = ReservationStatus(rawValue: text), [.accepted, .rejected, .wrapping, .completed].contains(status) else {
                throw .invalidParameter("Invalid ReservationStatus: \(text); a reservation can be set to accepted, rejected, wrapping or completed")
            }
            let activity = try parameters.value("WorkerActivitySid").map { sid throws(TwinError) in
                try workspaces[owner].reference(.activities, sid, parameter: "WorkerActivitySid")
            }
            let moved: Bool
            switch status {
            case .accepted, .rejected:
                moved = engine.log.reservationOrdinal(number).map {
                    engine.simulation.answerReservation($0, accept: status == .accepted, activity: activity)
                } ?? false
            default:
                let accepted = reservation.status == .accepted || reservation.status == .wrapping
                moved = accepted && engine.log.taskOrdinal(reservation.task).map {
                    engine.simulation.updateTask($0, to: status == .wrapping ? .wrapping : .completed)
                } ?? false
                if moved, status == .completed { engine.log.setReason(ofTask: reservation.task, "Reservation completed") }
            }
            guard moved else {
                throw .invalidParameter("Reservation \(sid) cannot move from \(reservation.status.rawValue) to \(status.rawValue)")
            }
            syncWorkers(owner)
        }
        return representation(baseURL).reservation(engine.log.reservations[number], of: workspaces[owner], underWorker: worker != nil)
    }

    // MARK: Events

    /// `GET …/Events`: the kept events in time order, narrowed by `EventType`, `Minutes`,
    /// `StartDate`, `EndDate` (ISO 8601; without any of the three, the last 15 minutes),
    /// `TaskSid`, `WorkerSid`, `ReservationSid`, `TaskQueueSid`, `WorkflowSid`, `TaskChannel`
    /// and `Sid`.
    public func listEvents(in workspace: String, _ query: TwinParameters, baseURL: String) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let space = workspaces[owner]
        let engine = engine(owner)
        let now = clock.time
        let minutes = try query.integer("Minutes", in: 1...Int(Int32.max))
        let start = try query.value("StartDate").map { text throws(TwinError) in try time(text, parameter: "StartDate") }
        let end = try query.value("EndDate").map { text throws(TwinError) in try time(text, parameter: "EndDate") } ?? now
        let from = start ?? (now - Double(minutes ?? 15) * 60)
        let types = query.value("EventType")
        if let types, TaskRouterEventType(name: types) == nil {
            throw .invalidParameter("Invalid EventType: \"\(types)\" is not a TaskRouter event type")
        }
        // Each filter names one number: look it up once, not once per event (-1: nothing has it).
        let task = query.value("TaskSid").map { engine.log.task(sid: $0) ?? -1 }
        let worker = try query.value("WorkerSid").map { sid throws(TwinError) in try space.index(.workers, of: sid) }
        let reservation = query.value("ReservationSid").map { engine.log.reservation(sid: $0) ?? -1 }
        let queue = query.value("TaskQueueSid").map { (try? space.index(.taskQueues, of: $0)) ?? -1 }
        let workflow = query.value("WorkflowSid").map { (try? space.index(.workflows, of: $0)) ?? -1 }
        let channel = query.value("TaskChannel").map { (try? space.index(.taskChannels, of: $0)) ?? -1 }
        let sid = query.value("Sid")
        let selected = engine.log.events.filter { event in
            guard event.time >= from, event.time <= end, types.map({ $0 == event.type.name }) ?? true,
                  task.map({ $0 == event.task }) ?? true, worker.map({ $0 == event.worker }) ?? true,
                  reservation.map({ $0 == event.reservation }) ?? true,
                  queue.map({ $0 == event.queue }) ?? true, workflow.map({ $0 == event.workflow }) ?? true,
                  channel.map({ $0 == event.channel }) ?? true,
                  sid.map({ $0 == space.sid(.event, event.index) }) ?? true
            else { return false }
            return true
        }
        let shape = representation(baseURL)
        let page = try TwinPage(key: "events", url: shape.workspaceURL(workspace) + "/Events", query: query)
        let tasks = engine.log.tasks
        return page.document(selected.map { shape.event($0, subject: engine.log.subject(of: $0), of: space, tasks: tasks) })
    }

    /// `GET …/Events/{Sid}`, while the log keeps it.
    public func fetchEvent(in workspace: String, _ sid: String, baseURL: String) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let space = workspaces[owner]
        let engine = engine(owner)
        guard let event = engine.log.events.first(where: { space.sid(.event, $0.index) == sid }) else {
            throw .notFound(space.path(.workers, nil).replacingOccurrences(of: "/Workers", with: "/Events/") + sid)
        }
        return representation(baseURL).event(event, subject: engine.log.subject(of: event), of: space, tasks: engine.log.tasks)
    }

    // MARK: Helpers

    /// The default and the longest `Timeout` of a task (s), TaskRouter's.
    static let defaultTaskTimeout = 86_400
    static let longestTaskTimeout = 1_209_600

    /// The number of task `sid` of workspace `owner`; 404 when there is none (or it was deleted).
    func taskNumber(_ sid: String, _ owner: Int) throws(TwinError) -> Int {
        let space = workspaces[owner]
        let log = engine(owner).log
        guard let number = log.task(sid: sid), !log.tasks[number].deleted else {
            throw .notFound(space.path(.workers, nil).replacingOccurrences(of: "/Workers", with: "/Tasks/") + sid)
        }
        return number
    }

    /// The number of reservation `sid`, which must be the named task's or worker's; 404 otherwise.
    private func reservationNumber(_ sid: String, task: String?, worker: String?, _ owner: Int) throws(TwinError) -> Int {
        let space = workspaces[owner]
        let log = engine(owner).log
        let reservations = log.reservations
        let taskNumber = try task.map { sid throws(TwinError) in try self.taskNumber(sid, owner) }
        if let worker { _ = try space.index(.workers, of: worker) }
        guard let number = log.reservation(sid: sid),
              taskNumber == nil || reservations[number].task == taskNumber,
              worker == nil || reservations[number].workerSid == worker
        else {
            let owner = task.map { "/Tasks/" + $0 } ?? "/Workers/" + (worker ?? "")
            throw .notFound("/v1/Workspaces/\(space.sid)\(owner)/Reservations/\(sid)")
        }
        return number
    }

    /// The indices that a list's `…Sid` and `…Name` filters select among `(sid, name)`
    /// pairs; nil when neither is given.
    private func selection(_ query: TwinParameters, sid: String, name: String, among items: [(String, String)]) throws(TwinError) -> Set<Int>? {
        let sidValue = query.value(sid)
        let nameValue = query.value(name)
        guard sidValue != nil || nameValue != nil else { return nil }
        return Set(items.indices.filter { (sidValue == nil || items[$0].0 == sidValue) && (nameValue == nil || items[$0].1 == nameValue) })
    }

    /// `Ordering`'s keys with their directions; 20001 for anything else.
    private static func ordering(_ text: String?) throws(TwinError) -> [(String, Bool)] {
        guard let text else { return [("DateCreated", false)] }
        return try text.split(separator: ",").map { clause throws(TwinError) in
            let parts = clause.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, ["DateCreated", "Priority"].contains(parts[0]), ["asc", "desc"].contains(parts[1]) else {
                throw .invalidParameter("Invalid Ordering: \(clause); expected DateCreated or Priority, then :asc or :desc")
            }
            return (parts[0], parts[1] == "desc")
        }
    }

    /// The simulated time of an ISO 8601 date parameter.
    func time(_ text: String, parameter: String) throws(TwinError) -> Double {
        guard Self.hasRealCalendarFields(text), let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) else {
            throw .invalidParameter("Invalid \(parameter): expected an ISO 8601 date such as 2026-01-01T08:00:00Z, got \(text)")
        }
        return date.timeIntervalSince(clock.start)
    }

    /// Whether the date and time at the start of `text` (`YYYY-MM-DDTHH:MM:SS`) name a real
    /// instant: the parser rolls February 30 over into March, and 25:00 into the next day.
    private static func hasRealCalendarFields(_ text: String) -> Bool {
        let digits = Array(text.utf8.prefix(19))
        guard digits.count == 19 else { return false }
        func number(_ range: Range<Int>) -> Int? {
            digits[range].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                ? digits[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } : nil
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), hour < 24, minute < 60, second < 60
        else { return false }
        return (1...ScenarioReader.daysIn(month: month, year: year)).contains(day)
    }
}
