import Dispatch
import Foundation
import RouteSim
import RouteSimStore
import Synchronization

/// Runs an experiment's simulations `jobs` at a time and records each in the results file
/// as soon as it finishes.
///
/// Worker threads simulate into memory (``RecordBuffer``); this thread alone writes, one
/// transaction per run. Run ids are reserved before the first run starts, in plan order, so
/// the file holds the same rows whatever `jobs` is and whichever run finishes first. At most
/// `2 × jobs` finished runs wait for the writer, which bounds memory. On Ctrl-C
/// (``Interrupt``) the runs already finished are recorded, the rest dropped, and
/// ``ExperimentError/interrupted(committed:planned:path:)`` is thrown.
struct RunExecutor {
    var store: ResultStore
    var level: RecordLevel
    var jobs: Int

    /// A run simulated and waiting to be recorded.
    private struct Finished: Sendable {
        var index: Int
        var started: ContinuousClock.Instant
        var result: SimulationResult
        var rows: RecordedRows?
    }

    /// What the worker threads share with the writer.
    private final class Shared: Sendable {
        let next = Mutex(0)
        let finished = Mutex<[Finished]>([])
        let stop = Atomic<Bool>(false)
        /// Signalled once per finished run.
        let done = DispatchSemaphore(value: 0)
        /// Free places among the finished runs waiting for the writer.
        let slots: DispatchSemaphore

        init(slots: Int) {
            self.slots = DispatchSemaphore(value: slots)
        }

        /// The next run to simulate, nil when none is left or the experiment stops.
        func take(_ count: Int) -> Int? {
            if stop.load(ordering: .relaxed) { return nil }
            return next.withLock { next in
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }

    /// Runs `plan` and returns the run ids, in plan order.
    ///
    /// Throws a ``StoreError`` when a run cannot be recorded (the runs recorded before it
    /// stay), or the interruption error on Ctrl-C.
    func execute(_ plan: [PlannedRun], progress: ProgressBar?) throws -> [Int64] {
        let first = try store.nextRunID()
        let runIDs = plan.indices.map { first + Int64($0) }
        let shared = Shared(slots: 2 * jobs)
        let level = level
        for _ in 0..<min(jobs, plan.count) {
            Thread.detachNewThread {
                while true {
                    shared.slots.wait()
                    guard let index = shared.take(plan.count) else {
                        shared.slots.signal()
                        return
                    }
                    let started = ContinuousClock.now
                    let buffer = level.keepsRows ? RecordBuffer() : nil
                    var simulation = Simulation(spec: plan[index].spec)
                    let result = simulation.run(sink: buffer, recordEvents: level.keepsEvents)
                    let run = Finished(index: index, started: started, result: result, rows: buffer?.rows)
                    shared.finished.withLock { $0.append(run) }
                    shared.done.signal()
                }
            }
        }
        defer { shared.stop.store(true, ordering: .relaxed) }
        var recorded = 0
        progress?.show(done: 0)
        while recorded < plan.count {
            _ = shared.done.wait(timeout: .now() + .milliseconds(100))
            let interrupted = Interrupt.requested
            if interrupted { shared.stop.store(true, ordering: .relaxed) }
            for run in shared.finished.withLock({ finished in defer { finished = [] }; return finished }) {
                var info = plan[run.index].info
                info.runID = runIDs[run.index]
                _ = try store.record(run: info, spec: plan[run.index].spec, level: level, since: run.started) { sink in
                    if let sink { run.rows?.replay(into: sink) }
                    return run.result
                }
                recorded += 1
                shared.slots.signal()
                progress?.show(done: recorded)
            }
            if interrupted {
                progress?.finish()
                throw ExperimentError.interrupted(committed: recorded, planned: plan.count, path: store.path)
            }
        }
        progress?.finish()
        return runIDs
    }
}
