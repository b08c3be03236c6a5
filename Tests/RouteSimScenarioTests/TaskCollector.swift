import RouteSim

/// A sink that keeps a run's task rows and drops the others.
final class TaskCollector: RecordSink {
    var tasks: [TaskRecord] = []
    func record(_ task: TaskRecord) { tasks.append(task) }
    func record(_ reservation: ReservationRecord) {}
    func record(_ span: ActivitySpanRecord) {}
}
