/// The task half of one real-time document (docs/taskrouter-fidelity.md, Statistics): the
/// active tasks of the workspace, one queue or one workflow at one instant.
package struct RealtimeTally {
    /// Active tasks (`total_tasks`).
    private var total = 0
    /// `tasks_by_status.pending`.
    private var pending = 0
    /// `tasks_by_status.reserved`.
    private var reserved = 0
    /// `tasks_by_status.assigned`.
    private var assigned = 0
    /// `tasks_by_status.wrapping`.
    private var wrapping = 0
    /// `tasks_by_priority`: pending and reserved tasks per priority.
    private var byPriority: [Int: Int] = [:]
    /// The pending task waiting longest since creation: exact age (s) and ordinal; nil
    /// when no task is pending.
    private var longestWaiting: (age: Double, ordinal: Int)?
    /// The pending task waiting longest since entering its queue (queues only).
    private var longestInQueue: (age: Double, ordinal: Int)?

    package init() {}

    /// Counts `task` as of `time`; `inQueue` adds its age in its current queue to the
    /// relative ranking (queue documents only).
    package mutating func add(_ task: StatisticsTask, at time: Double, inQueue: Bool) {
        total += 1
        switch task.status {
        case .pending: pending += 1
        case .reserved: reserved += 1
        case .assigned: assigned += 1
        case .wrapping: wrapping += 1
        case .completed, .canceled: break
        }
        guard task.status == .pending || task.status == .reserved else { return }
        byPriority[task.priority, default: 0] += 1
        guard task.status == .pending else { return }
        longestWaiting = Self.older(longestWaiting, (time - task.createdAt, task.ordinal))
        if inQueue { longestInQueue = Self.older(longestInQueue, (time - task.queueEnteredAt, task.ordinal)) }
    }

    /// The longer wait of `current` and `candidate`; on equal waits, the lower ordinal.
    private static func older(
        _ current: (age: Double, ordinal: Int)?, _ candidate: (age: Double, ordinal: Int)
    ) -> (age: Double, ordinal: Int) {
        guard let current else { return candidate }
        if candidate.age > current.age || (candidate.age == current.age && candidate.ordinal < current.ordinal) {
            return candidate
        }
        return current
    }

    /// The task fields of the document; `inQueue` adds the queue-relative pair. Ages are
    /// whole seconds (rounded down), as TaskRouter shows them; SIDs come from `sids`.
    package func fields(inQueue: Bool, sids: SidGenerator) -> [String: AttributeValue] {
        var priorities: [String: AttributeValue] = [:]
        for (priority, count) in byPriority.sorted(by: { $0.key < $1.key }) {
            priorities[String(priority)] = .number(Double(count))
        }
        var fields: [String: AttributeValue] = [
            "total_tasks": .number(Double(total)),
            "tasks_by_status": [
                "pending": .number(Double(pending)), "reserved": .number(Double(reserved)),
                "assigned": .number(Double(assigned)), "wrapping": .number(Double(wrapping)),
            ],
            "tasks_by_priority": .object(priorities),
        ]
        Self.write(
            longestWaiting, age: "longest_task_waiting_age", sid: "longest_task_waiting_sid", sids: sids, to: &fields)
        if inQueue {
            Self.write(
                longestInQueue, age: "longest_relative_task_age_in_queue", sid: "longest_relative_task_sid_in_queue",
                sids: sids, to: &fields)
        }
        return fields
    }

    /// Writes a longest-wait pair: whole seconds and the task SID, or 0 and null.
    private static func write(
        _ longest: (age: Double, ordinal: Int)?, age: String, sid: String, sids: SidGenerator,
        to fields: inout [String: AttributeValue]
    ) {
        fields[age] = .number(longest.map { $0.age.rounded(.down) } ?? 0)
        fields[sid] = longest.map { .string(sids.sid(.task, $0.ordinal)) } ?? .null
    }
}
