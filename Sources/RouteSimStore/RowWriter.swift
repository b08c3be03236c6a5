import GRDB
import RouteSim

/// Inserts a run's task, reservation, activity-span and event rows inside the run's
/// transaction, a batch at a time (``RowPipeline`` runs it on a thread of its own).
///
/// Statements are prepared once; names, and each task attribute set as JSON, come from
/// ``RunLabels`` and are bound without a copy from ``StaticTexts``; task and reservation
/// SIDs are written per row into buffers of the writer, event rows make their texts per
/// row. The first failed insert is kept, later rows are dropped, and ``finish()`` throws it.
///
/// Used by one thread at a time: it is made on the thread that holds the transaction and
/// then handed over (hence `@unchecked Sendable`).
final class RowWriter: @unchecked Sendable {
    /// The run the rows belong to.
    private let runId: Int64
    /// Names and worker SIDs by index.
    private let labels: RunLabels
    /// Makes task and reservation SIDs.
    private let sids: SidGenerator
    /// The `tasks` insert.
    private let tasks: RowStatement
    /// The `reservations` insert.
    private let reservations: RowStatement
    /// The `worker_activity` insert.
    private let spans: RowStatement
    /// The `events` insert; nil when events are not stored.
    private let events: RowStatement?
    /// The first insert that failed.
    private var failure: DatabaseError?
    /// Texts bound without a copy, by index: worker SIDs, worker names, worker groups,
    /// queues, streams, channels, workflows, stream attributes and activities.
    private let workerSids: StaticTexts
    private let workerNames: StaticTexts
    private let workerGroups: StaticTexts
    private let queues: StaticTexts
    private let streams: StaticTexts
    private let channels: StaticTexts
    private let workflows: StaticTexts
    private let taskAttributes: StaticTexts
    private let activities: StaticTexts
    /// Where the SIDs of the row being inserted are written: task, reservation.
    private let taskSid: UnsafeMutableBufferPointer<UInt8>
    private let reservationSid: UnsafeMutableBufferPointer<UInt8>

    /// Prepares the inserts of run `runId` on `db`; `seed` is the seed SIDs derive from;
    /// `events` says whether event rows are stored.
    init(_ db: Database, runId: Int64, labels: RunLabels, seed: UInt64, events keepsEvents: Bool) throws {
        self.runId = runId
        self.labels = labels
        sids = SidGenerator(seed: seed)
        workerSids = StaticTexts(labels.workerSids)
        workerNames = StaticTexts(labels.workerNames)
        workerGroups = StaticTexts(labels.workerGroups)
        queues = StaticTexts(labels.queues)
        streams = StaticTexts(labels.streams)
        channels = StaticTexts(labels.channels)
        workflows = StaticTexts(labels.workflows)
        taskAttributes = StaticTexts(labels.taskAttributes)
        activities = StaticTexts(labels.activities)
        taskSid = .allocate(capacity: SidGenerator.length)
        reservationSid = .allocate(capacity: SidGenerator.length)
        tasks = try RowStatement(db, sql: """
            INSERT INTO tasks (run_id, task_index, task_sid, stream, channel, workflow, priority, attributes,
                created_at, first_queue, queue, worker_sid, worker_name, assigned_at, wrapup_at, completed_at,
                canceled_at, status, reason, reservation_count, wait_seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        reservations = try RowStatement(db, sql: """
            INSERT INTO reservations (run_id, reservation_index, reservation_sid, task_index, task_sid, worker_sid,
                worker_name, queue, created_at, responded_at, ended_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        spans = try RowStatement(db, sql: """
            INSERT INTO worker_activity (run_id, worker_sid, worker_name, worker_group, activity, available,
                start, end, duration)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        events = keepsEvents ? try RowStatement(db, sql: """
            INSERT INTO events (run_id, event_index, event_sid, event_type, time, resource_type, resource_sid,
                description, event_data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) : nil
    }

    deinit {
        taskSid.deallocate()
        reservationSid.deallocate()
    }

    /// Inserts the rows of `batch`, each kind in the order the engine sent it.
    func write(_ batch: RowBatch) {
        for task in batch.tasks { insert(task) }
        for reservation in batch.reservations { insert(reservation) }
        for span in batch.spans { insert(span) }
        for event in batch.events { insert(event) }
    }

    /// Inserts one `events` row, if events are stored.
    private func insert(_ event: EventRecord) {
        guard failure == nil, let events else { return }
        let row = EventRow(event, labels: labels, sids: sids)
        events.bind(1, Int(runId))
        events.bind(2, event.index)
        events.bind(3, row.sid)
        events.bind(4, event.type.name)
        events.bind(5, event.time)
        events.bind(6, row.resourceType)
        events.bind(7, row.resourceSid)
        events.bind(8, row.description)
        events.bind(9, row.data)
        insert(events)
    }

    /// Inserts one `tasks` row.
    private func insert(_ task: TaskRecord) {
        guard failure == nil else { return }
        tasks.bind(1, Int(runId))
        tasks.bind(2, task.index)
        tasks.bind(3, sid(.task, task.index, in: taskSid))
        tasks.bind(4, streams[task.stream])
        tasks.bind(5, channels[task.channel])
        tasks.bind(6, workflows[task.workflow])
        tasks.bind(7, task.priority)
        tasks.bind(8, taskAttributes[task.profile])
        tasks.bind(9, task.createdAt)
        tasks.bind(10, task.firstQueue.map { queues[$0] })
        tasks.bind(11, task.queue.map { queues[$0] })
        tasks.bind(12, task.worker.map { workerSids[$0] })
        tasks.bind(13, task.worker.map { workerNames[$0] })
        tasks.bind(14, task.assignedAt)
        tasks.bind(15, task.wrapupAt)
        tasks.bind(16, task.completedAt)
        tasks.bind(17, task.canceledAt)
        tasks.bind(18, task.status.rawValue)
        tasks.bind(19, task.reason)
        tasks.bind(20, task.reservationCount)
        tasks.bind(21, task.waitSeconds)
        insert(tasks)
    }

    /// Inserts one `reservations` row.
    private func insert(_ reservation: ReservationRecord) {
        guard failure == nil else { return }
        reservations.bind(1, Int(runId))
        reservations.bind(2, reservation.index)
        reservations.bind(3, sid(.reservation, reservation.index, in: reservationSid))
        reservations.bind(4, reservation.task)
        reservations.bind(5, sid(.task, reservation.task, in: taskSid))
        reservations.bind(6, workerSids[reservation.worker])
        reservations.bind(7, workerNames[reservation.worker])
        reservations.bind(8, queues[reservation.queue])
        reservations.bind(9, reservation.createdAt)
        reservations.bind(10, reservation.respondedAt)
        reservations.bind(11, reservation.endedAt)
        reservations.bind(12, reservation.status.rawValue)
        insert(reservations)
    }

    /// Inserts one `worker_activity` row.
    private func insert(_ span: ActivitySpanRecord) {
        guard failure == nil else { return }
        spans.bind(1, Int(runId))
        spans.bind(2, workerSids[span.worker])
        spans.bind(3, workerNames[span.worker])
        spans.bind(4, workerGroups[span.worker])
        spans.bind(5, activities[span.activity])
        spans.bind(6, labels.activityAvailable[span.activity])
        spans.bind(7, span.start)
        spans.bind(8, span.end)
        spans.bind(9, span.end - span.start)
        insert(spans)
    }

    /// Throws the first insert that failed, if any; call after the engine has finished.
    func finish() throws(DatabaseError) {
        if let failure { throw failure }
    }

    /// Writes the SID of the `index`-th resource of a kind into `buffer` and returns it.
    private func sid(_ prefix: SidPrefix, _ index: Int, in buffer: UnsafeMutableBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        sids.write(prefix, index, into: buffer)
        return UnsafeBufferPointer(buffer)
    }

    /// Runs `statement`, keeping its error if it is the first.
    private func insert(_ statement: RowStatement) {
        do {
            try statement.insert()
        } catch {
            failure = error
        }
    }
}
