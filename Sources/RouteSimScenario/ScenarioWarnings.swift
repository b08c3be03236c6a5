import RouteSim

/// Finds what a valid scenario says that cannot be what was meant, and warns at its key: the
/// scenario still runs, and the CLI's `--strict` makes the warnings errors.
///
/// Warned about: an arrival stream (or a trace's rows) on a channel no worker has capacity
/// on; a queue no worker group with workers matches (when there are workers at all); a
/// workflow filter no arrival stream's attributes reach (the first matching filter wins);
/// a target after one with neither timeout nor skip_if; a trace whose every row is at or
/// after the horizon (times in milliseconds, typically).
enum ScenarioWarnings {
    /// Warns about `spec`, read from the top-level map `map` without errors.
    static func check(_ spec: SimulationSpec, in map: FieldMap) {
        let streams = map.optional("arrivals")?.items()?.map { $0.namedBy("name") } ?? []
        if streams.count == spec.arrivals.count {
            checkArrivals(spec, streams: streams)
        }
        checkQueues(spec, items: map.optional("task_queues")?.items()?.map { $0.namedBy("friendly_name") } ?? [])
        checkWorkflows(spec, items: map.optional("workflows")?.items()?.map { $0.namedBy("friendly_name") } ?? [])
    }

    /// Channels without capacity, and traces after the horizon.
    private static func checkArrivals(_ spec: SimulationSpec, streams: [Field]) {
        let channels = spec.workspace.taskChannels
        let staffed = channels.indices.map { c in
            spec.workerGroups.contains { group in
                group.count > 0 && c < group.capacities.count && group.capacities[c] > 0
                    && !group.unavailableChannels.contains(c)
            }
        }
        for (stream, field) in zip(spec.arrivals, streams) {
            guard let map = field.mapping(keys: ArrivalsReader.keys) else { continue }
            if !staffed[stream.channel] {
                (map.optional("channel") ?? field).warn(
                    .noCapacity(channel: channels[stream.channel].uniqueName, rows: false))
            }
            guard case .trace(let callers) = stream.process, let trace = map.optional("trace") else { continue }
            let rowChannels = Set(callers.compactMap(\.channel)).sorted()
            for c in rowChannels where !staffed[c] && c != stream.channel {
                trace.warn(.noCapacity(channel: channels[c].uniqueName, rows: true))
            }
            if let first = callers.first, first.time >= spec.horizon {
                trace.warn(.traceAfterHorizon(
                    file: trace.node.scalar?.text ?? "", first: first.time, horizon: spec.horizon))
            }
        }
    }

    /// Queues no worker group with workers matches.
    private static func checkQueues(_ spec: SimulationSpec, items: [Field]) {
        let staffedGroups = spec.workerGroups.filter { $0.count > 0 }
        guard !staffedGroups.isEmpty else { return }
        for queue in spec.workspace.taskQueues
        where !staffedGroups.contains(where: { queue.targetWorkers.evaluate(ExpressionContext(attributes: $0.attributes)) }) {
            guard let item = items.first(where: { $0.node["friendly_name"]?.scalar?.text == queue.friendlyName }) else {
                continue
            }
            let place = item.node["target_workers"].map { item.child($0, at: item.path.appending("target_workers")) } ?? item
            place.warn(.noMembers(queue: queue.friendlyName, expression: queue.targetWorkers.source))
        }
    }

    /// Filters no stream reaches and targets nothing reaches, per workflow.
    private static func checkWorkflows(_ spec: SimulationSpec, items: [Field]) {
        let profiles = TaskProfiles(arrivals: spec.arrivals).attributes
        for (w, workflow) in spec.workspace.workflows.enumerated() {
            guard let item = items.first(where: { $0.node["friendly_name"]?.scalar?.text == workflow.friendlyName })
            else { continue }
            let place = item.node["configuration"].map { item.child($0, at: item.path.appending("configuration")) } ?? item
            let own = spec.arrivals.indices.filter { spec.arrivals[$0].workflow == w }
            let traced = own.contains { spec.arrivals[$0].isTrace }
            let attributes = own.map { profiles[$0] } + (traced ? Array(profiles.dropFirst(spec.arrivals.count)) : [])
            var reached = Array(repeating: false, count: workflow.filters.count)
            for profile in attributes {
                let context = ExpressionContext(attributes: profile)
                if let first = workflow.filters.firstIndex(where: { $0.expression.evaluate(context) }) {
                    reached[first] = true
                }
            }
            for (f, filter) in workflow.filters.enumerated() {
                let name = filter.friendlyName.map { "filter \"\($0)\"" } ?? "filters[\(f)]"
                let filterPlace = Self.item(f, of: "filters", in: place.node["task_routing"].map {
                    place.child($0, at: place.path.appending("task_routing"))
                }).map { $0.namedBy("filter_friendly_name") }
                if !attributes.isEmpty, !reached[f] { (filterPlace ?? place).warn(.unreachableFilter(filter: name)) }
                for t in filter.targets.indices.dropFirst() {
                    let previous = filter.targets[t - 1]
                    if previous.timeout == nil, previous.skipIf == nil {
                        (Self.item(t, of: "targets", in: filterPlace) ?? filterPlace ?? place)
                            .warn(.unreachableTarget(filter: name, target: t))
                        break
                    }
                }
            }
        }
    }
}

extension ScenarioWarnings {
    /// Item `index` of the list under `key` of the map `field`, when the document has it
    /// there (a configuration written as a JSON string has no such node).
    fileprivate static func item(_ index: Int, of key: String, in field: Field?) -> Field? {
        guard let field, case .sequence(let items)? = field.node[key]?.content, index < items.count else { return nil }
        return field.child(items[index], at: field.path.appending(key).appending(index: index))
    }
}

extension ArrivalStream {
    /// Whether the stream replays a trace.
    fileprivate var isTrace: Bool {
        if case .trace = process { return true }
        return false
    }
}
