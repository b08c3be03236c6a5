extension Simulation {
    /// Moves worker `w` to `activity`, closing the span of the previous one. Does not look
    /// for work: callers that may have made the worker available call ``fillWorker(_:)``.
    mutating func setActivity(_ w: Int, _ activity: Int32) {
        guard workers[w].activity != activity else { return }
        accountWorker(w)
        recordSpan(worker: w, until: now)
        let previous = workers[w].activity
        let seconds = now - workers[w].activitySince
        workers[w].activity = activity
        workers[w].activitySince = now
        workers[w].activityStamp &+= 1
        emitActivityUpdate(w, previous: previous, seconds: seconds)
        touchWorker(w)
    }

    /// Sends the span of worker `w`'s current activity up to `end` to the sink.
    mutating func recordSpan(worker w: Int, until end: Double) {
        let state = workers[w]
        guard let sink, end > state.activitySince else { return }
        sink.record(ActivitySpanRecord(worker: w, activity: Int(state.activity), start: state.activitySince, end: end))
    }

    /// Counts worker `w`'s time since it was last counted as staffed and busy as they were
    /// until now. Call before anything that changes either.
    mutating func accountWorker(_ w: Int) {
        let state = workers[w]
        guard now > state.accountedUntil else { return }
        let busy = state.busyTotal > 0
        kpis.workerTime(
            from: state.accountedUntil, to: now, busy: busy,
            staffed: busy || activityAvailable[Int(state.activity)],
            group: state.group)
        workers[w].accountedUntil = now
    }
}
