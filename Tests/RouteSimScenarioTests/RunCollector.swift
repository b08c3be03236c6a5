import RouteSim

/// A sink that keeps a run's task rows and events and drops the others.
final class RunCollector: RecordSink {
    var tasks: [TaskRecord] = []
    var events: [EventRecord] = []
    func record(_ task: TaskRecord) { tasks.append(task) }
    func record(_ reservation: ReservationRecord) {}
    func record(_ span: ActivitySpanRecord) {}
    func record(_ event: EventRecord) { events.append(event) }
}
