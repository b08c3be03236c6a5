import RouteSim
import RouteSimKernel

/// Builds tiny hand-made centers for routing tests: activities Offline / Available /
/// Unavailable, the default channels, queues and workflows given by the test.
enum TestCenter {
    static let offline = 0
    static let available = 1
    static let unavailable = 2
    static let voice = 1
    static let chat = 3

    static func queue(_ name: String, _ target: String = "1==1", order: QueueOrder = .fifo,
                      maxReserved: Int = 1, reservationActivity: Int? = nil, assignmentActivity: Int? = nil) -> TaskQueue {
        TaskQueue(
            sid: "WQ" + name, friendlyName: name,
            targetWorkers: try! Expression.parse(target, scope: .attributes), taskOrder: order,
            maxReservedWorkers: maxReserved, reservationActivity: reservationActivity,
            assignmentActivity: assignmentActivity)
    }

    static func filter(_ expression: String, _ targets: [WorkflowTarget]) -> WorkflowFilter {
        WorkflowFilter(friendlyName: expression, expression: try! Expression.parse(expression, scope: .attributes), targets: targets)
    }

    static func target(_ queue: Int, timeout: Double? = nil, priority: Int? = nil, expression: String? = nil,
                       orderBy: [OrderByClause] = [], skipIf: String? = nil, knownWorker: KnownWorker? = nil) -> WorkflowTarget {
        WorkflowTarget(
            queue: queue, priority: priority, timeout: timeout,
            expression: expression.map { try! Expression.parse($0, scope: .taskAndWorker) }, orderBy: orderBy,
            skipIf: skipIf.map { try! Expression.parse($0, scope: .workerCounts) }, knownWorker: knownWorker)
    }

    /// Answers after `delay` seconds, always accepting.
    static func answering(after delay: Double) -> AnswerBehavior {
        AnswerBehavior(delay: .fixed(delay), reject: 0, noAnswer: 0, backAfterTimeout: nil)
    }

    static func workflow(_ filters: [WorkflowFilter], default fallback: WorkflowTarget? = nil, reservationTimeout: Double = 120) -> Workflow {
        Workflow(sid: "WW0", friendlyName: "Flow", taskReservationTimeout: reservationTimeout, filters: filters, defaultFilter: fallback)
    }

    /// Capacity 1 on voice only, unless `capacities` (by channel index) says otherwise.
    static func group(_ name: String, count: Int = 1, attributes: AttributeValue = .emptyObject,
                      capacities: [Int: Int] = [voice: 1], shifts: [Shift] = [], answer: AnswerBehavior = .immediate) -> WorkerGroup {
        var units = Array(repeating: 0, count: Workspace.defaultTaskChannels.count)
        for (channel, capacity) in capacities { units[channel] = capacity }
        return WorkerGroup(name: name, count: count, attributes: attributes, capacities: units,
                           activity: available, shifts: shifts, answer: answer)
    }

    static func calls(_ name: String = "calls", at times: [Double], handle: Double = 100, channel: Int = voice,
                      attributes: AttributeValue = .emptyObject, priority: Int = 0, wrapup: Double? = nil,
                      patience: Double? = nil, timeout: Double = ArrivalStream.defaultTimeout) -> ArrivalStream {
        ArrivalStream(
            name: name, channel: channel, workflow: 0, attributes: attributes, priority: priority, timeout: timeout,
            process: .times(times), handleTime: .fixed(handle), wrapupTime: wrapup.map { .fixed($0) },
            patience: patience.map { .fixed($0) })
    }

    static func spec(queues: [TaskQueue], workflow: Workflow, groups: [WorkerGroup], arrivals: [ArrivalStream],
                     multiTask: Bool = true, prioritize: QueueOrder = .fifo, horizon: Double = 10_000,
                     multitasking: [MultitaskingSpeed]? = nil, channelOptimized: Bool = true) -> SimulationSpec {
        let activities = Workspace.defaultActivities.enumerated().map {
            Activity(sid: "WA\($0.offset)", friendlyName: $0.element.friendlyName, available: $0.element.available)
        }
        let channels = Workspace.defaultTaskChannels.enumerated().map {
            TaskChannel(sid: "TC\($0.offset)", uniqueName: $0.element.uniqueName, friendlyName: $0.element.friendlyName,
                        channelOptimizedRouting: channelOptimized)
        }
        let workspace = Workspace(
            sid: "WS0", friendlyName: "Test", multiTaskEnabled: multiTask, prioritizeQueueOrder: prioritize,
            defaultActivity: offline, timeoutActivity: offline, activities: activities, taskChannels: channels,
            taskQueues: queues, workflows: [workflow])
        return SimulationSpec(
            name: "test", horizon: horizon, interval: 3600, serviceLevel: 20, seed: 7, workspace: workspace,
            workerGroups: groups, arrivals: arrivals, multitasking: multitasking)
    }

    /// Runs `spec` and returns what it recorded.
    static func run(_ spec: SimulationSpec, events: Bool = false) -> (CollectingSink, SimulationResult) {
        let sink = CollectingSink()
        var simulation = Simulation(spec: spec)
        let result = simulation.run(sink: sink, recordEvents: events)
        return (sink, result)
    }

    /// The JSON of `result`'s statistics document of `kind` and `entity`: the cumulative
    /// one, or the real-time snapshot at `time` when given; nil when there is none.
    static func statistics(_ result: SimulationResult, _ kind: StatisticsDocument.Kind, _ entity: Int? = nil,
                           realtimeAt time: Double? = nil) -> String? {
        result.statistics.first {
            $0.kind == kind && $0.entity == entity && $0.scope == (time == nil ? .cumulative : .realtime)
                && (time == nil || $0.time == time)
        }?.json
    }

    /// The JSON text of the top-level member `key` of the compact JSON object `json`
    /// (`member("a", of: #"{"a":{"b":1}}"#)` is `{"b":1}`); nil when absent.
    static func member(_ key: String, of json: String?) -> String? {
        guard let json else { return nil }
        let bytes = Array(json.utf8)
        let pattern = Array("\"\(key)\":".utf8)
        var depth = 0
        var inString = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                if byte == UInt8(ascii: "\\") { i += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if depth == 1, bytes[i...].starts(with: pattern) {
                let start = i + pattern.count
                var end = start
                var level = 0
                var quoted = false
                while end < bytes.count {
                    let c = bytes[end]
                    if quoted {
                        if c == UInt8(ascii: "\\") { end += 1 } else if c == UInt8(ascii: "\"") { quoted = false }
                    } else if c == UInt8(ascii: "\"") {
                        quoted = true
                    } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                        level += 1
                    } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == UInt8(ascii: ",") {
                        if level == 0 { break }
                        if c != UInt8(ascii: ",") { level -= 1 }
                    }
                    end += 1
                }
                return String(decoding: bytes[start..<end], as: UTF8.self)
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            }
            i += 1
        }
        return nil
    }
}

/// A sink that keeps every row, for assertions.
final class CollectingSink: RecordSink {
    var tasks: [TaskRecord] = []
    var reservations: [ReservationRecord] = []
    var spans: [ActivitySpanRecord] = []
    var events: [EventRecord] = []

    func record(_ task: TaskRecord) { tasks.append(task) }
    func record(_ reservation: ReservationRecord) { reservations.append(reservation) }
    func record(_ span: ActivitySpanRecord) { spans.append(span) }
    func record(_ event: EventRecord) { events.append(event) }

    /// Event names with their times, in emission order.
    var timeline: [String] { events.map { "\($0.time) \($0.type.name)" } }

    /// Reservations in creation order as (task, worker, created, status).
    var offers: [Offer] {
        reservations.sorted { $0.index < $1.index }.map { Offer(task: $0.task, worker: $0.worker, at: $0.createdAt, status: $0.status) }
    }

    /// Tasks in creation order.
    var tasksInOrder: [TaskRecord] { tasks.sorted { $0.index < $1.index } }
}

/// One reservation as routing tests assert it.
struct Offer: Equatable, CustomStringConvertible {
    var task: Int
    var worker: Int
    var at: Double
    var status: ReservationStatus

    init(task: Int, worker: Int, at: Double, status: ReservationStatus = .completed) {
        self.task = task
        self.worker = worker
        self.at = at
        self.status = status
    }

    var description: String { "task \(task) -> worker \(worker) at \(at) \(status.rawValue)" }
}
