import RouteSim

/// Reads `workflows:`: `{sid, friendly_name, task_reservation_timeout, configuration}`.
///
/// `task_reservation_timeout` is TaskRouter's, whole seconds 1...86,400 (default 120).
/// With template `FIFO` the "Default Fifo Workflow" (120 s, every task to the Sample Queue)
/// comes first; listing a workflow of that name replaces it.
enum WorkflowsReader {
    /// The keys of one workflow.
    static let keys = ["sid", "friendly_name", "task_reservation_timeout", "configuration"]

    /// The workflows (SID: the one given, else `.workflow` i) and their name table.
    static func read(
        _ field: Field?, template: WorkspaceTemplate, queues: NameTable, sids: SidGenerator
    ) -> ([Workflow], NameTable) {
        let fifo = Workflow(
            sid: "", friendlyName: Workspace.fifoWorkflowName, taskReservationTimeout: 120, filters: [],
            defaultFilter: WorkflowTarget(queue: queues.index(of: Workspace.sampleQueueName) ?? 0))
        var workflows = TemplatedResources<Workflow>(template: template == .fifo ? [fifo] : [])
        var complete = true
        if let field {
            if let items = field.items(expected: "a list of workflows") {
                var unique = UniqueNames(kind: "workflow friendly_name")
                var uniqueSids = UniqueNames(kind: "workflow sid")
                for item in items.map({ $0.namedBy("friendly_name") }) {
                    guard let map = item.mapping(keys: keys), let nameField = map.required("friendly_name"),
                        let name = nameField.name(maxLength: 64)
                    else {
                        complete = false
                        continue
                    }
                    let timeout = map.optional("task_reservation_timeout")?
                        .integer(in: 1...86_400, parameter: "TaskReservationTimeout") ?? 120
                    let routing = map.required("configuration").flatMap {
                        WorkflowConfigurationReader.read($0, queues: queues)
                    }
                    let sid = uniqueSids.claimSid(map.optional("sid"), .workflow)
                    guard unique.claim(name, at: nameField) else { continue }
                    let workflow = Workflow(
                        sid: sid ?? "", friendlyName: name, taskReservationTimeout: Double(timeout),
                        filters: routing?.filters ?? [], defaultFilter: routing?.defaultFilter)
                    workflows.upsert(workflow)
                }
            } else {
                complete = false
            }
        }
        return workflows.finish(kind: "workflow", prefix: .workflow, sids: sids, complete: complete)
    }
}
