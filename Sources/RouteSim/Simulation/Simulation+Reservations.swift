import RouteSimKernel

/// Reservations: created, answered by the agent, timed out, rescinded or canceled.
extension Simulation {
    /// TaskRouter cancels a task at its 1,000th pending-to-reserved transition.
    static let maxAssignments: Int32 = 1_000

    /// Reserves worker `w` for a task that is out of the pending heap. The first
    /// reservation of a burst moves the task to `reserved` and counts one assignment;
    /// returns false when that count cancels the task instead. The agent's answer is
    /// drawn now, from the caller's stream, and only the event that will decide the
    /// reservation (answer or time-out) is scheduled.
    @discardableResult
    mutating func reserve(_ slot: Int, worker w: Int) -> Bool {
        if tasks[slot].status == .pending {
            guard tasks[slot].assignmentCount < Self.maxAssignments else {
                cancel(slot, reason: .maxAssignments)
                return false
            }
            tasks[slot].status = .reserved
            tasks[slot].assignmentCount += 1
        }
        tasks[slot].reservationCount += 1
        let queue = tasks[slot].queue
        let r = allocateReservation()
        var reservation = ReservationState()
        reservation.ordinal = reservationsCreated
        reservation.task = Int32(slot)
        reservation.worker = Int32(w)
        reservation.queue = queue
        reservation.createdAt = now
        reservation.life = reservations[r].life &+ 1
        reservation.nextOfTask = tasks[slot].firstReservation
        reservation.numberInTask = tasks[slot].reservationCount
        reservationsCreated += 1
        tasks[slot].firstReservation = Int32(r)
        tasks[slot].liveReservations += 1

        let i = workerChannel(w, Int(tasks[slot].channel))
        workerChannels[i].active += 1
        workers[w].activeTotal += 1
        workerChannels[i].lastReservedAt = now
        workers[w].lastReservedAt = now
        reservations[r] = reservation
        emitReservation(.reservationCreated, r)
        let activity = queuePolicies[Int(queue)].reservationActivity
        if !multiTask, activity >= 0 {
            reservations[r].previousActivity = workers[w].activity
            setActivity(w, activity)
        } else {
            touchWorker(w)
        }
        scheduleAnswer(r)
        return true
    }

    /// The random stream of reservation `r`'s agent: the caller's, then the reservation's
    /// number within the task, so every variant gives the same caller the same answers.
    private func answerRandom(_ r: Int) -> RandomStream {
        let slot = Int(reservations[r].task)
        return answerStreams[Int(tasks[slot].stream)].substream(UInt64(tasks[slot].streamOrdinal))
            .substream(UInt64(reservations[r].numberInTask))
    }

    /// Draws how the agent answers reservation `r` and schedules the deciding event: the
    /// answer if it comes in time, else the time-out.
    private mutating func scheduleAnswer(_ r: Int) {
        let reservation = reservations[r]
        let group = Int(workers[Int(reservation.worker)].group)
        if answersAtOnce[group] {
            events.schedule(EngineEvent(.answer, Int32(r), reservation.life), at: now)
            return
        }
        let behavior = spec.workerGroups[group].answer
        let timeout = spec.workspace.workflows[Int(tasks[Int(reservation.task)].workflow)].taskReservationTimeout
        if behavior.byApplication || behavior.byCallback {
            events.schedule(EngineEvent(.reservationTimeout, Int32(r), reservation.life), at: now + timeout)
            return
        }
        var random = answerRandom(r)
        let choice = random.uniform()
        let delay = behavior.delay.sample(&random)
        if choice < behavior.noAnswer || delay >= timeout {
            events.schedule(EngineEvent(.reservationTimeout, Int32(r), reservation.life), at: now + timeout)
        } else {
            reservations[r].willAccept = choice >= behavior.noAnswer + behavior.reject
            events.schedule(EngineEvent(.answer, Int32(r), reservation.life), at: now + delay)
        }
    }

    /// The agent answers reservation `r` as drawn at its creation.
    mutating func answer(_ r: Int) {
        if reservations[r].willAccept { accept(r) } else { reject(r) }
    }

    /// The first acceptance wins: the task is assigned, its other live reservations are
    /// rescinded, and the conversation starts.
    mutating func accept(_ r: Int) {
        let slot = Int(reservations[r].task)
        let w = Int(reservations[r].worker)
        detach(r, status: .accepted)
        tasks[slot].acceptedReservation = Int32(r)
        tasks[slot].status = .assigned
        tasks[slot].assignedAt = now
        tasks[slot].worker = Int32(w)
        emitReservation(.reservationAccepted, r)
        var freed: [Int32] = []
        while tasks[slot].firstReservation >= 0 {
            let other = Int(tasks[slot].firstReservation)
            freed.append(reservations[other].worker)
            end(other, status: .rescinded)
        }
        accountWorker(w)
        workers[w].busyTotal += 1
        let activity = queuePolicies[Int(tasks[slot].queue)].assignmentActivity
        if !multiTask, activity >= 0 { setActivity(w, activity) }
        if answeredByApplication[Int(workers[w].group)] { tasks[slot].work = .infinity }
        startWork(slot)
        for worker in freed { fillWorker(Int(worker)) }
    }

    /// The agent rejects: the unit is freed, the worker moves to `activity` if one is given
    /// (an application's reject), else a single-tasking worker goes back to the activity it
    /// had before the reservation, and the task is routed again when it has no other live
    /// reservation (the same worker may get it again).
    mutating func reject(_ r: Int, activity: Int32 = -1) {
        release(r, status: .rejected, activity: activity)
    }

    /// Ends pending reservation `r` as `status` (`.rejected`, or `.canceled` when its
    /// assignment callback failed) and routes its task again: the worker moves as on a
    /// reject (``reject(_:activity:)``).
    mutating func release(_ r: Int, status: ReservationStatus, activity: Int32 = -1) {
        let slot = Int(reservations[r].task)
        let w = Int(reservations[r].worker)
        let previous = activity >= 0 ? activity : reservations[r].previousActivity
        end(r, status: status)
        if activity >= 0 { workers[w].scheduledActivity = activity }
        if previous >= 0 { setActivity(w, previous) }
        if tasks[slot].liveReservations == 0 { returnToRouting(slot) }
        fillWorker(w)
    }

    /// Nobody answered in time: the worker moves to the workspace's `timeout_activity`
    /// (and comes back after `back_after_timeout` if its group has one), and the task is
    /// routed again when it has no other live reservation.
    mutating func timeOut(_ r: Int) {
        let slot = Int(reservations[r].task)
        let w = Int(reservations[r].worker)
        let back = spec.workerGroups[Int(workers[w].group)].answer.backAfterTimeout
        let returnDelay = back.map { delay in
            var random = answerRandom(r).substream(1)
            return delay.sample(&random)
        }
        end(r, status: .timeout)
        setActivity(w, Int32(spec.workspace.timeoutActivity))
        if let returnDelay {
            events.schedule(EngineEvent(.workerReturn, Int32(w), workers[w].activityStamp), at: now + returnDelay)
        }
        if tasks[slot].liveReservations == 0 { returnToRouting(slot) }
        fillWorker(w)
    }

    /// Ends the task's live reservations as `canceled` (the task is being canceled) and
    /// lets their workers look for other work.
    mutating func cancelReservations(of slot: Int) {
        var freed: [Int32] = []
        while tasks[slot].firstReservation >= 0 {
            let r = Int(tasks[slot].firstReservation)
            let w = reservations[r].worker
            let previous = reservations[r].previousActivity
            end(r, status: .canceled)
            if previous >= 0 { setActivity(Int(w), previous) }
            freed.append(w)
        }
        for w in freed { fillWorker(Int(w)) }
    }

    /// Unlinks reservation `r` from its task's live list and marks it `status`.
    private mutating func detach(_ r: Int, status: ReservationStatus) {
        let slot = Int(reservations[r].task)
        var link = tasks[slot].firstReservation
        if link == Int32(r) {
            tasks[slot].firstReservation = reservations[r].nextOfTask
        } else {
            while reservations[Int(link)].nextOfTask != Int32(r) { link = reservations[Int(link)].nextOfTask }
            reservations[Int(link)].nextOfTask = reservations[r].nextOfTask
        }
        tasks[slot].liveReservations -= 1
        reservations[r].status = status
        reservations[r].respondedAt = now
    }

    /// Ends a live reservation that was not accepted: frees the worker's unit, sends its
    /// row, and frees its slot.
    private mutating func end(_ r: Int, status: ReservationStatus) {
        detach(r, status: status)
        switch status {
        case .rejected: emitReservation(.reservationRejected, r)
        case .timeout: emitReservation(.reservationTimeout, r)
        case .canceled: emitReservation(.reservationCanceled, r)
        case .rescinded: emitReservation(.reservationRescinded, r)
        default: break
        }
        releaseUnit(r)
        finishReservation(r, endedAt: now)
        touchWorker(Int(reservations[r].worker))
    }

    /// Gives back the capacity unit reservation `r` held.
    mutating func releaseUnit(_ r: Int) {
        let w = Int(reservations[r].worker)
        workerChannels[workerChannel(w, Int(tasks[Int(reservations[r].task)].channel))].active -= 1
        workers[w].activeTotal -= 1
    }

    /// Counts and sends reservation `r`'s row and frees its slot.
    mutating func finishReservation(_ r: Int, endedAt: Double) {
        let reservation = reservations[r]
        let slot = Int(reservation.task)
        kpis.reservationEnded(taskCreatedAt: tasks[slot].createdAt, queue: reservation.queue, status: reservation.status)
        sink?.record(ReservationRecord(
            index: reservation.ordinal, task: tasks[slot].ordinal, worker: Int(reservation.worker),
            queue: Int(reservation.queue), createdAt: reservation.createdAt,
            respondedAt: reservation.respondedAt, endedAt: endedAt, status: reservation.status))
        freeReservations.append(Int32(r))
    }

    private mutating func allocateReservation() -> Int {
        if let r = freeReservations.popLast() { return Int(r) }
        reservations.append(ReservationState())
        return reservations.count - 1
    }
}
