import Foundation
import RouteSim

/// Reads `workflows:`: `{sid, friendly_name, task_reservation_timeout, configuration,
/// assignment_callback_url, fallback_assignment_callback_url}`.
///
/// `task_reservation_timeout` is TaskRouter's, whole seconds 1...86,400 (default 120). The
/// callback URLs, absolute `http` or `https` URLs, are not the engine's: only
/// `routesim serve` calls them, so they are returned beside the workflows, by name.
/// With template `FIFO` the "Default Fifo Workflow" (120 s, every task to the Sample Queue)
/// comes first; listing a workflow of that name replaces it.
enum WorkflowsReader {
    /// The keys of one workflow.
    static let keys = [
        "sid", "friendly_name", "task_reservation_timeout", "configuration", "assignment_callback_url",
        "fallback_assignment_callback_url",
    ]

    /// The workflows (SID: the one given, else `.workflow` i), their name table, and the
    /// assignment callback URLs of those that give one, by friendly name.
    static func read(
        _ field: Field?, template: WorkspaceTemplate, queues: NameTable, sids: SidGenerator
    ) -> ([Workflow], NameTable, [String: AssignmentCallbackURLs]) {
        let fifo = Workflow(
            sid: "", friendlyName: Workspace.fifoWorkflowName, taskReservationTimeout: 120, filters: [],
            defaultFilter: WorkflowTarget(queue: queues.index(of: Workspace.sampleQueueName) ?? 0))
        var workflows = TemplatedResources<Workflow>(template: template == .fifo ? [fifo] : [])
        var complete = true
        var callbacks: [String: AssignmentCallbackURLs] = [:]
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
                    let url = map.optional("assignment_callback_url").flatMap(callbackURL)
                    let fallback = map.optional("fallback_assignment_callback_url").flatMap(callbackURL)
                    guard unique.claim(name, at: nameField) else { continue }
                    callbacks[name] = url.map { AssignmentCallbackURLs(url: $0, fallback: fallback) }
                    let workflow = Workflow(
                        sid: sid ?? "", friendlyName: name, taskReservationTimeout: Double(timeout),
                        filters: routing?.filters ?? [], defaultFilter: routing?.defaultFilter)
                    workflows.upsert(workflow)
                }
            } else {
                complete = false
            }
        }
        let (read, table) = workflows.finish(kind: "workflow", prefix: .workflow, sids: sids, complete: complete)
        return (read, table, callbacks)
    }

    /// An assignment callback URL: absolute, `http` or `https`, with a host.
    private static func callbackURL(_ field: Field) -> String? {
        guard let text = field.string(expected: "an absolute http or https URL") else { return nil }
        guard let url = URLComponents(string: text), ["http", "https"].contains(url.scheme?.lowercased()),
            url.host?.isEmpty == false
        else {
            field.report(.expected("an absolute http or https URL, such as http://127.0.0.1:8090/assignment", found: field.node.found))
            return nil
        }
        return text
    }
}
