import RouteSim

/// Reads `task_queues:`: `{sid, friendly_name, target_workers, task_order, max_reserved_workers,
/// reservation_activity, assignment_activity}` with TaskRouter's defaults (`1==1`, `FIFO`, 1).
///
/// With template `FIFO` the workspace's "Sample Queue" (`1==1`) comes first; listing a
/// queue of that name configures it rather than adding one.
enum TaskQueuesReader {
    /// The keys of one queue.
    static let keys = [
        "sid", "friendly_name", "target_workers", "task_order", "max_reserved_workers", "reservation_activity",
        "assignment_activity",
    ]

    /// TaskRouter's limit of task queues per workspace.
    static let maxCount = 5000

    /// The queues (SID: the one given, else `.taskQueue` i) and their name table.
    static func read(
        _ field: Field?, template: WorkspaceTemplate, activities: NameTable, sids: SidGenerator
    ) -> ([TaskQueue], NameTable) {
        var queues = TemplatedResources<TaskQueue>(
            template: template == .fifo ? [TaskQueue(sid: "", friendlyName: Workspace.sampleQueueName)] : [])
        var complete = true
        if let field {
            if let items = field.items(expected: "a list of task queues") {
                if items.count > maxCount {
                    field.report(.expected("at most \(maxCount) task queues (TaskRouter's limit)", found: "\(items.count)"))
                }
                var unique = UniqueNames(kind: "task queue friendly_name")
                var uniqueSids = UniqueNames(kind: "task queue sid")
                for item in items.map({ $0.namedBy("friendly_name") }) {
                    guard let map = item.mapping(keys: keys), let nameField = map.required("friendly_name"),
                        let name = nameField.name(maxLength: 64)
                    else {
                        complete = false
                        continue
                    }
                    let sid = uniqueSids.claimSid(map.optional("sid"), .taskQueue)
                    guard unique.claim(name, at: nameField) else { continue }
                    var queue = read(map, name: name, activities: activities)
                    queue.sid = sid ?? ""
                    queues.upsert(queue)
                }
            } else {
                complete = false
            }
        }
        return queues.finish(kind: "queue", prefix: .taskQueue, sids: sids, complete: complete)
    }

    /// One queue's settings (its SID is set by the caller).
    private static func read(_ map: FieldMap, name: String, activities: NameTable) -> TaskQueue {
        TaskQueue(
            sid: "", friendlyName: name,
            targetWorkers: map.optional("target_workers")?.expression(.attributes, parameter: "TargetWorkers") ?? .always,
            taskOrder: map.optional("task_order")?.choice(QueueOrder.self) ?? .fifo,
            maxReservedWorkers: map.optional("max_reserved_workers")?.integer(in: 1...50, parameter: "MaxReservedWorkers") ?? 1,
            reservationActivity: map.optional("reservation_activity").flatMap(activities.resolve),
            assignmentActivity: map.optional("assignment_activity").flatMap(activities.resolve))
    }
}
