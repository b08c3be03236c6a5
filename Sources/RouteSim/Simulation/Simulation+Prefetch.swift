/// Prefetches for workforces larger than the processor's caches.
///
/// With thousands of agents and as many calls in conversation, the state an event reaches
/// has left the caches since it was last touched, thousands of events earlier: the task
/// whose conversation ends, its worker and reservation, the idle worker a queue takes
/// next. The engine knows each of them before it needs it, so it asks for them early and
/// the memory works while the current event is handled. Below ``prefetchWorkers`` agents
/// the state stays in the caches and the hints only cost time (docs/performance.md, "Large
/// worker counts").
extension Simulation {
    /// The smallest workforce that prefetches: where prefetching turned from a cost into a
    /// gain on case (c)'s model with its agents scaled (docs/performance.md, "Large worker
    /// counts"). It depends on the size of the processor's second-level cache, and was
    /// measured on one machine.
    static let prefetchWorkers = 4_000

    /// Prefetches the state `event` will reach first: its task, reservation or worker.
    /// Called with the event after the one being handled.
    @inline(__always)
    func prefetchEntity(of event: EngineEvent) {
        switch event.kind {
        case .workDone, .wrapupDone, .abandon, .targetTimeout, .taskTimeout: tasks.prefetch(Int(event.entity))
        case .answer, .reservationTimeout: reservations.prefetch(Int(event.entity))
        case .workerReturn: workers.prefetch(Int(event.entity))
        case .arrival, .shiftChange, .ttl: break
        }
    }

    /// Prefetches the worker, worker channel and reservation of the task whose work or
    /// wrap-up ends at `event`, before it is handled. The task itself was prefetched with
    /// the event before.
    @inline(__always)
    func prefetchAssignment(of event: EngineEvent) {
        guard event.kind == .workDone || event.kind == .wrapupDone else { return }
        let slot = Int(event.entity)
        let w = Int(tasks[slot].worker)
        let r = Int(tasks[slot].acceptedReservation)
        guard w >= 0, r >= 0 else { return }
        workers.prefetch(w)
        workerChannels.prefetch(workerChannel(w, Int(tasks[slot].channel)))
        reservations.prefetch(r)
    }

    /// Prefetches the worker at the top of idle heap `k`, the next one its queue takes,
    /// usually many events later but before the state is evicted.
    @inline(__always)
    func prefetchIdleHead(_ k: Int, channel c: Int) {
        guard let next = idle[k].min else { return }
        workerChannels.prefetch(workerChannel(Int(next.worker), c))
        workers.prefetch(Int(next.worker))
    }
}
