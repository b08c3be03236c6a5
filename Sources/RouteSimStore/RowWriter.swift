import GRDB
import RouteSim

/// Inserts a run's task, reservation, activity-span and event rows inside the run's
/// transaction, a batch at a time (``RowPipeline`` runs it on a thread of its own).
///
/// Task, reservation and span rows are inserted ``rowsPerInsert`` at a time, with one
/// multi-row `INSERT … VALUES (…), (…), …` each: SQLite then runs its statement program,
/// opens its cursors and seeks the end of each B-tree once per group, not once per row
/// (docs/performance.md, "The row writer of case (b): multi-row inserts"). A row is bound to its slot of the group's
/// statement as it comes, and the group is inserted when full; the rows of the group not
/// yet full are kept too, and ``finish()`` inserts them one by one, so the rows and their
/// order in each table are the same as with one insert per row.
///
/// Statements are prepared once, with the run's `run_id` written into their SQL; names,
/// statuses, and each task attribute set as JSON, come from ``RunLabels`` and are bound
/// without a copy from ``StaticTexts``; task and
/// reservation SIDs come written in the batch (``RowPipeline`` writes them on the engine's
/// thread) and are copied into buffers of the writer, a group's worth; event rows make
/// their texts per row. The first failed insert is kept, later rows are dropped, and ``finish()`` throws it.
///
/// Used by one thread at a time: it is made on the thread that holds the transaction and
/// then handed over (hence `@unchecked Sendable`); it then uses GRDB's connection off
/// GRDB's queue, under the conditions ``RowPipeline`` states and ``ConnectionLoan`` checks.
final class RowWriter: @unchecked Sendable {
    /// Rows per multi-row insert of tasks, reservations and spans: more rows per statement
    /// take fewer of the writer's instructions per row, but preparing the larger statements
    /// costs more before the run starts, and this many was the better trade in a large run
    /// (docs/performance.md, "The row writer of case (b): binding from the batch"). SQLite
    /// allows 32,766 parameters.
    static let rowsPerInsert = 128

    /// The run the rows belong to.
    private let runId: Int64
    /// Names and worker SIDs by index.
    private let labels: RunLabels
    /// Makes the SIDs of event rows here, and those of task and reservation rows in
    /// ``RowPipeline``, which takes it from here.
    let sids: SidGenerator
    /// The `tasks` inserts: ``rowsPerInsert`` rows, and one row (for the rest at the end).
    private let tasks: RowStatement
    private let task: RowStatement
    /// The `reservations` inserts.
    private let reservations: RowStatement
    private let reservation: RowStatement
    /// The `worker_activity` inserts.
    private let spans: RowStatement
    private let span: RowStatement
    /// The `events` insert; nil when events are not stored.
    private let events: RowStatement?
    /// The rows of each kind's group that is not full yet, in the order the engine sent
    /// them: already bound to the first slots of the multi-row statement, kept for
    /// ``finish()``.
    private var pendingTasks: [TaskRecord] = []
    private var pendingReservations: [ReservationRecord] = []
    private var pendingSpans: [ActivitySpanRecord] = []
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
    /// Task and reservation statuses by ``TaskStatus/ordinal`` and ``ReservationStatus/ordinal``,
    /// and the tasks' reasons by ``TaskReason/ordinal``.
    private let taskStatuses = StaticTexts(TaskStatus.allCases.map(\.rawValue))
    private let reservationStatuses = StaticTexts(ReservationStatus.allCases.map(\.rawValue))
    private let reasons = StaticTexts(TaskReason.allCases.map(\.text))
    /// The SIDs of the rows of the groups being bound, a row's worth per slot, as in
    /// ``RowBatch``: the tasks' SIDs; the reservations' SIDs each followed by its task's.
    /// They stay put until the group is inserted, or the rows left over by ``finish()``.
    private let taskSids: UnsafeMutableBufferPointer<UInt8>
    private let reservationSids: UnsafeMutableBufferPointer<UInt8>

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
        let group = Self.rowsPerInsert
        taskSids = .allocate(capacity: SidGenerator.length * group)
        taskSids.initialize(repeating: 0)
        reservationSids = .allocate(capacity: 2 * SidGenerator.length * group)
        reservationSids.initialize(repeating: 0)
        pendingTasks.reserveCapacity(group)
        pendingReservations.reserveCapacity(group)
        pendingSpans.reserveCapacity(group)
        let taskColumns = """
            tasks (run_id, task_index, task_sid, stream, channel, workflow, priority, attributes,
                created_at, first_queue, queue, worker_sid, worker_name, assigned_at, wrapup_at, completed_at,
                canceled_at, status, reason, reservation_count, wait_seconds)
            """
        tasks = try RowStatement(db, insertInto: taskColumns, runId: runId, columns: Self.taskColumns, rows: group)
        task = try RowStatement(db, insertInto: taskColumns, runId: runId, columns: Self.taskColumns, rows: 1)
        let reservationColumns = """
            reservations (run_id, reservation_index, reservation_sid, task_index, task_sid, worker_sid,
                worker_name, queue, created_at, responded_at, ended_at, status)
            """
        reservations = try RowStatement(
            db, insertInto: reservationColumns, runId: runId, columns: Self.reservationColumns, rows: group)
        reservation = try RowStatement(db, insertInto: reservationColumns, runId: runId, columns: Self.reservationColumns, rows: 1)
        let spanColumns = """
            worker_activity (run_id, worker_sid, worker_name, worker_group, activity, available,
                start, end, duration)
            """
        spans = try RowStatement(db, insertInto: spanColumns, runId: runId, columns: Self.spanColumns, rows: group)
        span = try RowStatement(db, insertInto: spanColumns, runId: runId, columns: Self.spanColumns, rows: 1)
        events = keepsEvents ? try RowStatement(db, sql: """
            INSERT INTO events (run_id, event_index, event_sid, event_type, time, resource_type, resource_sid,
                description, event_data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) : nil
    }

    deinit {
        taskSids.deallocate()
        reservationSids.deallocate()
    }

    /// The number of parameters of each row kind: its columns but `run_id`, which is in the SQL.
    private static let taskColumns = 20
    private static let reservationColumns = 11
    private static let spanColumns = 8

    /// Inserts the rows of `batch`, each kind in the order the engine sent it; rows of a
    /// group that is not full yet wait for the next batch or ``finish()``. The batch's tasks
    /// and reservations must have their SIDs (``RowBatch/completeSids(_:)``).
    func write(_ batch: RowBatch) {
        precondition(batch.hasAllSids, "a batch's tasks and reservations come with their SIDs")
        write(batch.tasks, pending: &pendingTasks, into: tasks) { index, slot, statement in
            let sid = Self.copy(row: index, of: batch.taskSids, into: taskSids, slot: slot)
            bind(batch.tasks[index], sids: sid, slot: slot, in: statement)
        }
        write(batch.reservations, pending: &pendingReservations, into: reservations) { index, slot, statement in
            let sids = Self.copy(row: index, of: batch.reservationSids, into: reservationSids, slot: slot)
            bind(batch.reservations[index], sids: sids, slot: slot, in: statement)
        }
        write(batch.spans, pending: &pendingSpans, into: spans) { bind(batch.spans[$0], slot: $1, in: $2) }
        for event in batch.events { insert(event) }
    }

    /// Inserts the rows still waiting, one insert each, up to the first that fails, and throws
    /// the first insert that failed, if any; call once, after the engine has finished and the
    /// last batch was written.
    func finish() throws(DatabaseError) {
        for (slot, row) in pendingTasks.enumerated() where failure == nil {
            bind(row, sids: UnsafeBufferPointer(Self.row(slot, of: taskSids)), slot: 0, in: task)
            insert(task)
        }
        for (slot, row) in pendingReservations.enumerated() where failure == nil {
            bind(row, sids: UnsafeBufferPointer(Self.row(slot, of: reservationSids)), slot: 0, in: reservation)
            insert(reservation)
        }
        for row in pendingSpans where failure == nil {
            bind(row, slot: 0, in: span)
            insert(span)
        }
        pendingTasks.removeAll()
        pendingReservations.removeAll()
        pendingSpans.removeAll()
        if let failure { throw failure }
    }

    /// Binds `rows` to the next free slots of the multi-row statement `group`, and inserts
    /// the group each time its last slot is bound; `pending` holds the rows bound to the
    /// group before, and gets those of the group left not full.
    ///
    /// Rows are bound straight from the batch: only the at most ``rowsPerInsert`` - 1 rows of
    /// the last group are copied. Nothing is bound once an insert has failed.
    /// `bind` gets a row's position in `rows` and its slot.
    private func write<Row>(
        _ rows: [Row], pending: inout [Row], into group: RowStatement, bind: (Int, Int, RowStatement) -> Void
    ) {
        guard failure == nil else { return }
        var slot = pending.count
        var groupStart = rows.startIndex
        for index in rows.indices {
            bind(index, slot, group)
            slot += 1
            if slot == Self.rowsPerInsert {
                insert(group)
                guard failure == nil else { return }
                pending.removeAll(keepingCapacity: true)
                slot = 0
                groupStart = index + 1
            }
        }
        pending.append(contentsOf: rows[groupStart...])
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

    /// Binds a `tasks` row with its SID `sids` to the parameters of row `slot` of `statement`.
    private func bind(_ task: TaskRecord, sids: UnsafeBufferPointer<UInt8>, slot: Int, in statement: RowStatement) {
        let base = Int32(slot * Self.taskColumns)
        statement.bind(base + 1, task.index)
        statement.bind(base + 2, sids)
        statement.bind(base + 3, stable: streams[task.stream])
        statement.bind(base + 4, stable: channels[task.channel])
        statement.bind(base + 5, stable: workflows[task.workflow])
        statement.bind(base + 6, task.priority)
        statement.bind(base + 7, stable: taskAttributes[task.profile])
        statement.bind(base + 8, task.createdAt)
        statement.bind(base + 9, stable: task.firstQueue.map { queues[$0] })
        statement.bind(base + 10, stable: task.queue.map { queues[$0] })
        statement.bind(base + 11, stable: task.worker.map { workerSids[$0] })
        statement.bind(base + 12, stable: task.worker.map { workerNames[$0] })
        statement.bind(base + 13, task.assignedAt)
        statement.bind(base + 14, task.wrapupAt)
        statement.bind(base + 15, task.completedAt)
        statement.bind(base + 16, task.canceledAt)
        statement.bind(base + 17, stable: taskStatuses[task.status.ordinal])
        statement.bind(base + 18, stable: reasons[task.reason.ordinal])
        statement.bind(base + 19, task.reservationCount)
        statement.bind(base + 20, task.waitSeconds)
    }

    /// Binds a `reservations` row with its SID and its task's, `sids`, to the parameters
    /// of row `slot` of `statement`.
    private func bind(_ reservation: ReservationRecord, sids: UnsafeBufferPointer<UInt8>, slot: Int, in statement: RowStatement) {
        let base = Int32(slot * Self.reservationColumns)
        let length = SidGenerator.length
        statement.bind(base + 1, reservation.index)
        statement.bind(base + 2, UnsafeBufferPointer(rebasing: sids[..<length]))
        statement.bind(base + 3, reservation.task)
        statement.bind(base + 4, UnsafeBufferPointer(rebasing: sids[length...]))
        statement.bind(base + 5, stable: workerSids[reservation.worker])
        statement.bind(base + 6, stable: workerNames[reservation.worker])
        statement.bind(base + 7, stable: queues[reservation.queue])
        statement.bind(base + 8, reservation.createdAt)
        statement.bind(base + 9, reservation.respondedAt)
        statement.bind(base + 10, reservation.endedAt)
        statement.bind(base + 11, stable: reservationStatuses[reservation.status.ordinal])
    }

    /// Binds a `worker_activity` row to the parameters of row `slot` of `statement`.
    private func bind(_ span: ActivitySpanRecord, slot: Int, in statement: RowStatement) {
        let base = Int32(slot * Self.spanColumns)
        statement.bind(base + 1, stable: workerSids[span.worker])
        statement.bind(base + 2, stable: workerNames[span.worker])
        statement.bind(base + 3, stable: workerGroups[span.worker])
        statement.bind(base + 4, stable: activities[span.activity])
        statement.bind(base + 5, labels.activityAvailable[span.activity])
        statement.bind(base + 6, span.start)
        statement.bind(base + 7, span.end)
        statement.bind(base + 8, span.end - span.start)
    }

    /// Copies row `row`'s SIDs from `batch`, laid out as `buffer` is, into slot `slot` of
    /// `buffer`, and returns them there.
    private static func copy(
        row: Int, of batch: [UInt8], into buffer: UnsafeMutableBufferPointer<UInt8>, slot: Int
    ) -> UnsafeBufferPointer<UInt8> {
        let target = Self.row(slot, of: buffer)
        batch.withUnsafeBufferPointer { target.baseAddress!.update(from: $0.baseAddress! + row * target.count, count: target.count) }
        return UnsafeBufferPointer(target)
    }

    /// The SIDs in slot `slot` of `buffer`.
    private static func row(_ slot: Int, of buffer: UnsafeMutableBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt8> {
        let width = buffer.count / rowsPerInsert
        return UnsafeMutableBufferPointer(rebasing: buffer[slot * width..<(slot + 1) * width])
    }

    /// Runs `statement`, keeping its error if it is the first.
    private func insert(_ statement: RowStatement) {
        do {
            try statement.insert()
        } catch {
            failure = failure ?? error
        }
    }
}
