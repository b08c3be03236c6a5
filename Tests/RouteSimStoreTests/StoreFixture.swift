import Foundation
import RouteSim
import RouteSimStore

/// A tiny hand-built scenario, fake records for it, and throwaway database paths.
enum StoreFixture {
    /// Workspace with activities Offline/Available, channel `voice`, queue `Support`, workflow
    /// `Main`; one group `agents` of 2; one arrival stream `calls`.
    static let spec: SimulationSpec = {
        let workspace = Workspace(
            sid: "WS" + String(repeating: "0", count: 32), friendlyName: "Tiny", multiTaskEnabled: false,
            defaultActivity: 0, timeoutActivity: 0,
            activities: [
                Activity(sid: "WA" + String(repeating: "1", count: 32), friendlyName: "Offline", available: false),
                Activity(sid: "WA" + String(repeating: "2", count: 32), friendlyName: "Available", available: true),
            ],
            taskChannels: [TaskChannel(sid: "TC" + String(repeating: "3", count: 32), uniqueName: "voice", friendlyName: "Voice")],
            taskQueues: [TaskQueue(sid: "WQ" + String(repeating: "4", count: 32), friendlyName: "Support")],
            workflows: [
                Workflow(
                    sid: "WW" + String(repeating: "5", count: 32), friendlyName: "Main", filters: [],
                    defaultFilter: WorkflowTarget(queue: 0))
            ])
        return SimulationSpec(
            name: "tiny", horizon: 3600, warmup: 600, interval: 1800, serviceLevel: 20, seed: 42,
            workspace: workspace,
            workerGroups: [WorkerGroup(name: "agents", count: 2, attributes: .emptyObject, capacities: [1], activity: 1)],
            arrivals: [
                ArrivalStream(
                    name: "calls", channel: 0, workflow: 0, attributes: attributes,
                    process: .poisson(ratePerSecond: 0.01), handleTime: .fixed(300))
            ])
    }()

    /// The stream's task attributes; JSON `{"lang":"en","skills":["a","b"],"vip":true}`.
    static let attributes: AttributeValue = .object([
        "vip": .bool(true), "lang": .string("en"), "skills": .array([.string("a"), .string("b")]),
    ])

    /// The run description matching ``spec``.
    static let run = RunInfo(
        scenario: "tiny", variant: "multi", replication: 3, seed: 42, horizon: 3600, warmup: 600,
        interval: 1800, serviceLevel: 20, multiTaskEnabled: false, overrides: ["agents.count=2", "a=\"b\""],
        version: "0.1.0-test")

    /// Task 0 answered by worker 1 and completed; task 1 abandoned while waiting in the queue.
    static let tasks = [
        TaskRecord(
            index: 0, stream: 0, channel: 0, workflow: 0, priority: 5, createdAt: 700,
            firstQueue: 0, queue: 0, worker: 1, assignedAt: 712.5, wrapupAt: 1000, completedAt: 1030,
            canceledAt: nil, status: .completed, reason: .completed, reservationCount: 2, waitSeconds: 12.5),
        TaskRecord(
            index: 1, stream: 0, channel: 0, workflow: 0, priority: 0, createdAt: 800,
            firstQueue: 0, queue: 0, worker: nil, assignedAt: nil, wrapupAt: nil, completedAt: nil,
            canceledAt: 845, status: .canceled, reason: .canceled(.abandoned), reservationCount: 0,
            waitSeconds: 45),
    ]

    /// Task 0's reservations: worker 0 timed out, then worker 1 accepted and completed.
    static let reservations = [
        ReservationRecord(
            index: 0, task: 0, worker: 0, queue: 0, createdAt: 700, respondedAt: 710, endedAt: 710, status: .timeout),
        ReservationRecord(
            index: 1, task: 0, worker: 1, queue: 0, createdAt: 710, respondedAt: 712.5, endedAt: 1030,
            status: .completed),
    ]

    /// Worker 0 Available then Offline.
    static let spans = [
        ActivitySpanRecord(worker: 0, activity: 1, start: 0, end: 710),
        ActivitySpanRecord(worker: 0, activity: 0, start: 710, end: 900),
    ]

    /// The summary: one answered within 20 s, one abandoned after 20 s.
    static let summary: KPIs = {
        var kpis = KPIs()
        kpis.offered = 2
        kpis.answered = 1
        kpis.abandoned = 1
        kpis.answeredWithin = 1
        kpis.abandonedAfter = 1
        kpis.answeredWaitTotal = 12.5
        kpis.handleTotal = 317.5
        kpis.handled = 1
        kpis.longestWait = 45
        kpis.busySeconds = 317.5
        kpis.staffedSeconds = 1000
        kpis.reservationsCreated = 2
        kpis.reservationsAccepted = 1
        kpis.reservationsTimedOut = 1
        return kpis
    }()

    /// Two intervals × (all queues, Support); the first is in the warm-up and empty.
    static let intervals: [IntervalRecord] = [
        IntervalRecord(index: 0, start: 0, end: 1800, queue: nil, warmup: true, kpis: KPIs(), staffedAgents: 2),
        IntervalRecord(index: 0, start: 0, end: 1800, queue: 0, warmup: true, kpis: KPIs(), staffedAgents: 2),
        IntervalRecord(index: 1, start: 1800, end: 3600, queue: nil, warmup: false, kpis: summary, staffedAgents: 1.5),
        IntervalRecord(index: 1, start: 1800, end: 3600, queue: 0, warmup: false, kpis: summary, staffedAgents: 1.5),
    ]

    /// A real-time snapshot of the queue at 1800 s and the workspace's cumulative statistics.
    static let statistics = [
        StatisticsDocument(
            kind: .taskQueue, entity: 0, sid: spec.workspace.taskQueues[0].sid, name: "Support", scope: .realtime,
            time: 1800, json: #"{"tasks_by_status":{"pending":1},"total_tasks":1}"#),
        StatisticsDocument(
            kind: .workspace, entity: nil, sid: spec.workspace.sid, name: "Tiny", scope: .cumulative, time: 3600,
            json: #"{"tasks_created":2}"#),
    ]

    /// What the fake simulation returns.
    static let result = SimulationResult(
        summary: summary, queues: [summary], intervals: intervals, eventCount: 123, tasksCreated: 2, endTime: 3600,
        statistics: statistics)

    /// Sends every fake record to `sink` and returns ``result``.
    static func simulate(_ sink: (any RecordSink)?) -> SimulationResult {
        for span in spans { sink?.record(span) }
        for reservation in reservations { sink?.record(reservation) }
        for task in tasks { sink?.record(task) }
        return result
    }

    /// A fresh folder under the temporary directory that does not exist yet.
    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("routesim-store-\(UUID().uuidString)")
    }
}
