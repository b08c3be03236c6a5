import Foundation
import GRDB
import RouteSim
import RouteSimStore
import Testing

/// How fast task rows go in; printed, not asserted (shared machines are noisy).
@Suite struct InsertThroughputTests {
    @Test func twoHundredThousandTaskRows() throws {
        let count = 200_000
        let template = StoreFixture.tasks[0]
        let tasks = (0..<count).map { index in
            var task = template
            task.index = index
            task.worker = index % 2
            task.createdAt = Double(index)
            return task
        }
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("throughput.sqlite").path
        let store = try ResultStore(path: path)
        let clock = ContinuousClock()
        let start = clock.now
        let runID = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
            for task in tasks { sink?.record(task) }
            return StoreFixture.result
        }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print("task inserts: \(count) rows in \(seconds) s = \(Int(Double(count) / seconds)) rows/s")
        #expect(try store.runCount() == 1)
        let row = try DatabaseQueue(path: path).read { db in
            try Row.fetchOne(
                db, sql: """
                    SELECT count(*), min(task_index), max(task_index), sum(created_at), count(DISTINCT worker_sid)
                    FROM tasks WHERE run_id = ?
                    """, arguments: [runID])
        }
        let stored = try #require(row)
        #expect(stored[0] as Int == count)
        #expect(stored[1] as Int == 0 && stored[2] as Int == count - 1)
        #expect(stored[3] as Double == Double(count * (count - 1) / 2))
        #expect(stored[4] as Int == 2)
    }
}
