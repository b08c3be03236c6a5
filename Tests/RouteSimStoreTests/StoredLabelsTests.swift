import Foundation
import GRDB
@testable import RouteSim
@testable import RouteSimStore
import Testing

/// The store labels rows in the engine's numbering and reads KPIs back by column name.
@Suite struct StoredLabelsTests {
    /// Forwards every record to `sink` and keeps the tasks.
    final class Tee: RecordSink {
        let sink: any RecordSink
        var tasks: [TaskRecord] = []
        init(_ sink: any RecordSink) { self.sink = sink }
        func record(_ task: TaskRecord) {
            tasks.append(task)
            sink.record(task)
        }
        func record(_ reservation: ReservationRecord) { sink.record(reservation) }
        func record(_ span: ActivitySpanRecord) { sink.record(span) }
    }

    /// A worker with its own name and SID before numbered ones, and traced callers with
    /// attributes of their own (profiles past the streams'): every stored task names the
    /// worker and attribute set that the engine's own numbering gives its record.
    @Test func taskRowsNameTheWorkerAndAttributesOfTheEnginesNumbering() throws {
        var spec = StoreFixture.spec
        let ownSid = "WK" + String(repeating: "9", count: 32)
        spec.workerGroups = [
            WorkerGroup(name: "named", count: 2, attributes: .emptyObject, capacities: [1], activity: 1,
                        workerNames: ["Alice"], workerSids: [ownSid]),
            spec.workerGroups[0],
        ]
        let languages: [[String: AttributeValue]] = [[:], ["lang": .string("fr")], ["lang": .string("de")]]
        let callers = (0..<12).map { index in TracedCaller(time: Double(index) * 10, attributes: languages[index % 3]) }
        spec.arrivals = [
            ArrivalStream(name: "traced", channel: 0, workflow: 0, attributes: StoreFixture.attributes,
                          process: .trace(callers), handleTime: .fixed(25))
        ]
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("labels.sqlite").path
        let store = try ResultStore(path: path)
        var tasks: [TaskRecord] = []
        var numbering: RunNumbering?
        _ = try store.record(run: StoreFixture.run, spec: spec, level: .tasks) { sink in
            var simulation = Simulation(spec: spec)
            numbering = simulation.numbering
            let tee = Tee(sink!)
            defer { tasks = tee.tasks }
            return simulation.run(sink: tee)
        }
        let engine = try #require(numbering)
        #expect(engine.workers.map(\.friendlyName) == ["Alice", "named-002", "agents-001", "agents-002"])
        #expect(engine.profiles.attributes.count == 3)
        #expect(Set(tasks.compactMap(\.worker)).count > 1)
        #expect(Set(tasks.map(\.profile)).count == 3)
        let queue = try DatabaseQueue(path: path)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT task_index, worker_sid, worker_name, attributes FROM tasks ORDER BY task_index")
        }
        #expect(rows.count == tasks.count)
        for task in tasks.sorted(by: { $0.index < $1.index }) {
            let row = rows[task.index]
            #expect(row["worker_sid"] as String? == task.worker.map { engine.workers[$0].sid })
            #expect(row["worker_name"] as String? == task.worker.map { engine.workers[$0].friendlyName })
            #expect(row["attributes"] as String == engine.profiles.attributes[task.profile].jsonText)
        }
    }

    /// Every count and sum of the intervals of two runs is read back under its own name:
    /// summed over the runs, the longest wait the larger of the two. Each field has a
    /// value of its own, so a column read into another field shows.
    @Test func intervalTotalsReadEachKPIUnderItsName() throws {
        /// Field k of the counts holds `base + k * step`, of the sums a quarter of that, so
        /// that the sum of two such KPIs is the KPIs of the summed bases and steps.
        func kpis(base: Int, step: Int, longest: Double) -> KPIs {
            func count(_ k: Int) -> Int { base + k * step }
            func seconds(_ k: Int) -> Double { Double(count(k)) / 4 }
            var kpis = KPIs()
            kpis.offered = count(1)
            kpis.answered = count(2)
            kpis.abandoned = count(3)
            kpis.otherCanceled = count(4)
            kpis.answeredWithin = count(5)
            kpis.abandonedAfter = count(6)
            kpis.answeredWaitTotal = seconds(7)
            kpis.handled = count(8)
            kpis.handleTotal = seconds(9)
            kpis.longestWait = longest
            kpis.busySeconds = seconds(11)
            kpis.staffedSeconds = seconds(12)
            kpis.reservationsCreated = count(13)
            kpis.reservationsAccepted = count(14)
            kpis.reservationsRejected = count(15)
            kpis.reservationsTimedOut = count(16)
            return kpis
        }
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ResultStore(path: folder.appendingPathComponent("kpis.sqlite").path)
        var ids: [Int64] = []
        for (base, step, longest) in [(100, 3, 70.0), (1_000, 7, 30.0)] {
            let interval = IntervalRecord(
                index: 0, start: 0, end: 1800, queue: nil, warmup: false, kpis: kpis(base: base, step: step, longest: longest),
                staffedAgents: 2)
            let result = SimulationResult(
                summary: KPIs(), queues: [KPIs()], intervals: [interval], eventCount: 0, tasksCreated: 0, endTime: 1800,
                statistics: [])
            ids.append(try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .summary) { _ in result })
        }
        let totals = try store.intervalTotals(runs: ids)
        #expect(totals == [
            IntervalTotals(
                queue: nil, interval: 0, start: 0, end: 1800, warmup: false, runs: 2, staffedAgents: 2,
                kpis: kpis(base: 1_100, step: 10, longest: 70))
        ])
    }
}
