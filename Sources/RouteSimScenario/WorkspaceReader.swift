import RouteSim

/// Reads `workspace:`, TaskRouter's workspace fields, into a ``Workspace`` whose channels,
/// queues and workflows are filled in by their own readers.
///
/// Defaults are TaskRouter's: `friendly_name` the scenario name, multitasking on, template
/// `NONE`, `prioritize_queue_order` `FIFO`, `default_activity` and `timeout_activity`
/// `Offline`, no `events_filter` (every event kept); `sid` generated from the seed.
enum WorkspaceReader {
    /// The keys of `workspace:`.
    static let keys = [
        "sid", "friendly_name", "multi_task_enabled", "template", "prioritize_queue_order", "default_activity",
        "timeout_activity", "events_filter",
    ]

    /// The workspace settings; `root` is where a missing section's problems are placed.
    static func read(
        _ field: Field?, root: Field, scenarioName: String?, activities: [Activity], activityTable: NameTable,
        sids: SidGenerator
    ) -> Workspace {
        let map = field.flatMap { $0.mapping(keys: keys) }
        let place = field ?? Field(node: root.node, path: root.path.appending("workspace"), diagnostics: root.diagnostics)

        func activity(_ key: String) -> Int {
            if let given = map?.optional(key) { return activityTable.resolve(given) ?? 0 }
            let fallback = "Offline"
            if let index = activityTable.index(of: fallback) { return index }
            if activityTable.complete {
                place.diagnostics.report(
                    .missingDefaultActivity(key: key, name: fallback, expected: activityTable.names),
                    at: place.node.location, path: place.path.appending(key))
            }
            return 0
        }

        return Workspace(
            sid: map?.optional("sid")?.sid(.workspace) ?? sids.sid(.workspace, 0),
            friendlyName: map?.optional("friendly_name")?.name(maxLength: 64) ?? scenarioName ?? "",
            multiTaskEnabled: map?.optional("multi_task_enabled")?.bool() ?? true,
            template: map?.optional("template")?.choice(WorkspaceTemplate.self) ?? .none,
            prioritizeQueueOrder: map?.optional("prioritize_queue_order")?.choice(QueueOrder.self) ?? .fifo,
            defaultActivity: activity("default_activity"),
            timeoutActivity: activity("timeout_activity"),
            eventsFilter: map?.optional("events_filter").flatMap(eventsFilter),
            activities: activities, taskChannels: [], taskQueues: [], workflows: [])
    }

    /// `events_filter`: a list of event types, or one comma-separated string as TaskRouter
    /// takes it (spaces around names ignored).
    private static func eventsFilter(_ field: Field) -> [String]? {
        let named: [(String, Field)]
        if let scalar = field.node.scalar, scalar.kind == .string {
            named = scalar.text.split(separator: ",").map { (String($0).trimmed, field) }.filter { !$0.0.isEmpty }
        } else {
            guard let items = field.items(expected: "a list of event types (or a comma-separated string)") else {
                return nil
            }
            named = items.compactMap { item in item.string(expected: "an event type").map { ($0, item) } }
        }
        var types: [String] = []
        for (name, place) in named {
            guard TaskRouterEventType(name: name) != nil else {
                place.report(.unknownName(kind: "event type", name: name, expected: TaskRouterEventType.allCases.map(\.name)))
                continue
            }
            if !types.contains(name) { types.append(name) }
        }
        return types
    }
}
