import RouteSim

/// A workspace resource that a template may create and the scenario may configure by
/// name: queues and workflows.
protocol TemplatedResource {
    var sid: String { get set }
    var friendlyName: String { get }
}

extension TaskQueue: TemplatedResource {}
extension Workflow: TemplatedResource {}
