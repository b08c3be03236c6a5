import Foundation
import RouteSim
import RouteSimStore
import Synchronization

/// Runs an experiment's simulations `jobs` at a time and records each in the results file
/// as soon as it finishes.
///
/// Simulation threads simulate into memory (``RecordBuffer``); this thread alone writes, one
/// transaction per run. Run ids are reserved before the first run starts, in plan order, so
/// the file holds the same rows whatever `jobs` is and whichever run finishes first. At most
/// `2 × jobs` runs are taken and not yet recorded, which bounds memory. On Ctrl-C
/// (``Interrupt``) the simulations under way stop, every thread is joined, the runs already
/// finished are recorded, and ``ExperimentError/interrupted(committed:planned:path:)`` is
/// thrown. No thread outlives ``execute(_:skipping:progress:)``, whether it returns or throws.
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

    /// What the simulation threads share with the writer: which run is next, the runs
    /// finished and not yet recorded, and whether the experiment stops.
    private final class Shared: @unchecked Sendable {
        /// How many runs the plan has.
        let count: Int
        /// The most runs taken and not yet recorded.
        let capacity: Int
        /// Read by the simulations between events, without the lock.
        let stopped = Atomic<Bool>(false)
        /// Guards the properties below; broadcast at every change of them.
        private let condition = NSCondition()
        private var next = 0
        private var finished: [Finished] = []
        /// Runs taken and not yet recorded: simulating, or finished and waiting for the writer.
        private var pending = 0

        init(count: Int, capacity: Int) {
            self.count = count
            self.capacity = capacity
        }

        /// The next run to simulate, waiting while ``capacity`` runs are pending; nil when
        /// none is left or the experiment stops.
        func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while pending >= capacity, !stopped.load(ordering: .relaxed) { condition.wait() }
            guard !stopped.load(ordering: .relaxed), next < count else { return nil }
            defer {
                next += 1
                pending += 1
            }
            return next
        }

        /// Hands a finished run to the writer.
        func add(_ run: Finished) {
            condition.lock()
            finished.append(run)
            condition.broadcast()
            condition.unlock()
        }

        /// The finished runs not yet taken, waiting for one until `deadline`.
        func takeFinished(waitingUntil deadline: Date) -> [Finished] {
            condition.lock()
            defer { condition.unlock() }
            while finished.isEmpty, condition.wait(until: deadline) {}
            defer { finished = [] }
            return finished
        }

        /// Frees the place of a run that was recorded.
        func recorded() {
            condition.lock()
            pending -= 1
            condition.broadcast()
            condition.unlock()
        }

        /// Stops the experiment: no run is taken any more, and the simulations under way stop.
        func stop() {
            condition.lock()
            stopped.store(true, ordering: .relaxed)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Runs `plan` and returns the run ids, in plan order. The ids leave room for `skipped`
    /// runs before the first (those of the parts before this one, `--part`).
    ///
    /// Throws a ``StoreError`` when a run cannot be recorded (the runs recorded before it
    /// stay), an ``ExperimentError`` when a simulation thread cannot be started, or the
    /// interruption error on Ctrl-C.
    func execute(_ plan: [PlannedRun], skipping skipped: Int, progress: ProgressBar?) throws -> [Int64] {
        let first = try store.nextRunID() + Int64(skipped)
        let runIDs = plan.indices.map { first + Int64($0) }
        let shared = Shared(count: plan.count, capacity: 2 * jobs)
        var threads: [JoinableThread] = []
        func stopAndJoin() {
            shared.stop()
            for thread in threads { thread.join() }
        }
        defer { stopAndJoin() }
        let level = level
        do {
            for _ in 0..<min(jobs, plan.count) {
                threads.append(try JoinableThread { Self.simulate(plan, level: level, shared: shared) })
            }
        } catch {
            throw ExperimentError("cannot start a simulation thread: \(error.localizedDescription)")
        }
        var recorded = 0
        func record(_ runs: [Finished]) throws {
            for run in runs {
                var info = plan[run.index].info
                info.runID = runIDs[run.index]
                _ = try store.record(run: info, spec: plan[run.index].spec, level: level, since: run.started) { sink in
                    if let sink { run.rows?.replay(into: sink) }
                    return run.result
                }
                recorded += 1
                shared.recorded()
                progress?.show(done: recorded)
            }
        }
        progress?.show(done: 0)
        while recorded < plan.count {
            if Interrupt.requested {
                stopAndJoin()
                try record(shared.takeFinished(waitingUntil: Date()))
                progress?.finish()
                throw ExperimentError.interrupted(committed: recorded, planned: plan.count, path: store.path)
            }
            try record(shared.takeFinished(waitingUntil: Date(timeIntervalSinceNow: 0.1)))
        }
        progress?.finish()
        return runIDs
    }

    /// A simulation thread's work: takes runs and simulates each into memory until none is
    /// left or the experiment stops (a run under way is then dropped).
    private static func simulate(_ plan: [PlannedRun], level: RecordLevel, shared: Shared) {
        while let index = shared.take() {
            let started = ContinuousClock.now
            let buffer = level.keepsRows ? RecordBuffer() : nil
            var simulation = Simulation(spec: plan[index].spec)
            guard let result = simulation.run(
                sink: buffer, recordEvents: level.keepsEvents, stoppingWhen: { shared.stopped.load(ordering: .relaxed) })
            else { return }
            shared.add(Finished(index: index, started: started, result: result, rows: buffer?.rows))
        }
    }
}
