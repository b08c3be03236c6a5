import Foundation
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
        let store = try ResultStore(path: folder.appendingPathComponent("throughput.sqlite").path)
        let clock = ContinuousClock()
        let start = clock.now
        _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
            for task in tasks { sink?.record(task) }
            return StoreFixture.result
        }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print("task inserts: \(count) rows in \(seconds) s = \(Int(Double(count) / seconds)) rows/s")
        #expect(try store.runCount() == 1)
    }
}
