import RouteSim
import RouteSimKernel

/// Reads `arrivals:`, the streams of synthetic callers: `{name, channel, workflow,
/// attributes, priority, timeout, rate | profile | trace, rate_multiplier, handle_time,
/// wrapup_time, patience}`.
///
/// `channel` defaults to `default` (TaskRouter's channel for tasks that name none);
/// `workflow` may be left out only when the workspace has exactly one. `timeout` is the
/// task TTL, 1 s to 1,209,600 s (default 86,400 s). `rate` (Poisson), `profile`
/// (`{every, volumes}`, expected arrivals per period) and `trace` (a CSV file of callers,
/// ``TraceReader``) exclude each other; `rate_multiplier` is a distribution of plain numbers
/// (a factor drawn once per replication) and needs `rate` or `profile`.
enum ArrivalsReader {
    static let keys = [
        "name", "channel", "workflow", "attributes", "priority", "timeout", "rate", "profile", "trace", "rate_multiplier",
        "handle_time", "wrapup_time", "patience",
    ]

    /// The arrival streams.
    static func read(_ field: Field?, channels: NameTable, workflows: NameTable) -> [ArrivalStream] {
        guard let items = field?.items(expected: "a list of arrival streams") else { return [] }
        var unique = UniqueNames(kind: "arrival stream name")
        var streams: [ArrivalStream] = []
        for item in items.map({ $0.namedBy("name") }) {
            guard let map = item.mapping(keys: keys) else { continue }
            let nameField = map.required("name")
            let name = nameField?.name()
            let channel = map.optional("channel").map(channels.resolve) ?? channels.index(of: "default")
            let workflow = workflow(map, workflows: workflows)
            let attributes = map.optional("attributes").map(AttributesReader.read) ?? .emptyObject
            let priority = map.optional("priority").map { $0.integer(in: 0...Int(Int32.max)) } ?? 0
            let timeout = map.optional("timeout").map(ttl) ?? ArrivalStream.defaultTimeout
            let process = process(map, channels: channels)
            let handleTime = handleTime(map, process: process)
            let wrapupTime = map.optional("wrapup_time").flatMap(DistributionReader.read)
            let patience = map.optional("patience").flatMap(DistributionReader.read)
            let rateMultiplier = map.optional("rate_multiplier").flatMap(DistributionReader.readFactors)
            guard let nameField, let name, unique.claim(name, at: nameField), let channel, let workflow,
                let attributes, let priority, let timeout, let process, let handleTime
            else { continue }
            streams.append(ArrivalStream(
                name: name, channel: channel, workflow: workflow, attributes: attributes, priority: priority,
                timeout: timeout, process: process, handleTime: handleTime, wrapupTime: wrapupTime, patience: patience,
                rateMultiplier: rateMultiplier))
        }
        return streams
    }

    /// The stream's `handle_time`: required unless the stream is a trace whose every row has
    /// one, which then never draws from it (a fixed 0 stands in).
    private static func handleTime(_ map: FieldMap, process: ArrivalProcess?) -> Distribution? {
        if let given = map.optional("handle_time") { return DistributionReader.read(given) }
        if case .trace(let callers) = process {
            guard let row = callers.firstIndex(where: { $0.handleTime == nil }) else { return .fixed(0) }
            let file = map.optional("trace")?.node.scalar?.text ?? ""
            _ = map.required("handle_time", reason: "row \(row + 1) of trace \"\(file)\" leaves handle_time empty")
            return nil
        }
        return map.required("handle_time").flatMap(DistributionReader.read)
    }

    /// The stream's workflow: given, or the only one.
    private static func workflow(_ map: FieldMap, workflows: NameTable) -> Int? {
        if let given = map.optional("workflow") { return workflows.resolve(given) }
        if workflows.names.count == 1 { return 0 }
        if workflows.complete {
            map.field.diagnostics.report(
                .workflowRequired(workflowCount: workflows.names.count),
                at: map.field.node.location, path: map.field.path.appending("workflow"))
        }
        return nil
    }

    /// The task TTL in seconds, 1...1,209,600.
    private static func ttl(_ field: Field) -> Double? {
        guard let seconds = field.duration(positive: true) else { return nil }
        guard (1...1_209_600).contains(seconds) else {
            field.report(.expected("a task timeout (TTL) from 1 s to 1209600 s (14 days)", found: field.node.found))
            return nil
        }
        return seconds
    }

    /// `rate`, `profile` or `trace`, exactly one; a trace takes no `rate_multiplier`.
    private static func process(_ map: FieldMap, channels: NameTable) -> ArrivalProcess? {
        let given = map.present(["rate", "profile", "trace"])
        guard given.count == 1 else {
            // Without any, the message names the two synthetic processes, as it did before traces.
            map.field.report(given.isEmpty ? .needsOneOf(["rate", "profile"]) : .exclusive(given))
            return nil
        }
        if let trace = map.optional("trace") {
            if let multiplier = map.optional("rate_multiplier") { multiplier.report(.exclusive(["trace", "rate_multiplier"])) }
            return TraceReader.read(trace, channels: channels).map(ArrivalProcess.trace)
        }
        if let rate = map.optional("rate") {
            return rate.rate().map { ArrivalProcess.poisson(ratePerSecond: $0) }
        }
        guard let profileField = map.optional("profile"), let profile = profileField.mapping(keys: ["every", "volumes"])
        else { return nil }
        let every = profile.required("every")?.duration(shortest: ScenarioLimits.shortestPeriod)
        guard let volumesField = profile.required("volumes"),
            let items = volumesField.items(expected: "a list of expected arrivals per period")
        else { return nil }
        if items.isEmpty {
            volumesField.report(.expected("at least one volume", found: "an empty list"))
        }
        let volumes = items.map { item in
            guard let every else { return item.number(in: 0...Double.greatestFiniteMagnitude, expected: "a volume >= 0") }
            let most = ScenarioLimits.highestRate * every
            return item.number(in: 0...most, expected: "a volume >= 0 and at most \(NumberSyntax.format(most)) "
                + "(\(NumberSyntax.format(ScenarioLimits.highestRate)) per second of every)")
        }
        guard let every, !items.isEmpty, !volumes.contains(where: { $0 == nil }) else { return nil }
        return .profile(every: every, volumes: volumes.compactMap { $0 })
    }
}
