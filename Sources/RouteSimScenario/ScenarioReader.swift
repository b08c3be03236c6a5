import RouteSim

/// Converts a scenario document into a ``SimulationSpec`` and its variants, section by
/// section, reporting every problem on the way.
///
/// Run settings default to: `warmup` 0, `interval` 30 min, `service_level` 20 s, `seed` 1.
/// SIDs derive from the seed and each resource's index (``SidGenerator``), except those a
/// resource gives (`sid`, as imported resources do). `taskrouter:` imports have already been
/// put in place of their sections (``TaskRouterImporter``).
package enum ScenarioReader {
    /// The top-level keys. `taskrouter`, `imported_workers` and `worker_channels` have been
    /// read by ``TaskRouterImporter`` already.
    static let keys = [
        "name", "start", "horizon", "warmup", "interval", "service_level", "seed", "taskrouter", "workspace", "activities",
        "task_channels", "task_queues", "workflows", "workers", "imported_workers", "worker_channels", "arrivals",
        "multitasking", "api_tasks", "variants",
    ]

    /// The spec, the variants and the workflows' assignment callback URLs by workflow name;
    /// nil when any problem was reported.
    static func read(
        _ root: Field
    ) -> (spec: SimulationSpec, variants: [ScenarioVariant], callbacks: [String: AssignmentCallbackURLs])? {
        guard let map = root.mapping(keys: keys) else { return nil }
        let name = map.required("name")?.name()
        let horizon = map.required("horizon")?.duration(positive: true)
        let warmupField = map.optional("warmup")
        let warmup = warmupField.flatMap { $0.duration() } ?? 0
        if let warmupField, let horizon, warmup >= horizon {
            warmupField.report(.expected(
                "a warm-up shorter than the horizon (\(NumberSyntax.format(horizon)) s)", found: warmupField.node.found))
        }
        let intervalField = map.optional("interval")
        let interval = intervalField.flatMap { $0.duration(shortest: ScenarioLimits.shortestPeriod) } ?? 1800
        if let intervalField, let horizon, (horizon / interval).rounded(.up) > Double(ScenarioLimits.mostIntervals) {
            intervalField.report(.expected(
                "an interval that divides the horizon into at most \(ScenarioLimits.mostIntervals) intervals",
                found: "\(intervalField.node.found) (\(NumberSyntax.format((horizon / interval).rounded(.up))) intervals)"))
        }
        let serviceLevel = map.optional("service_level").flatMap {
            $0.duration(positive: true, longest: ScenarioLimits.longestServiceLevel)
        } ?? 20
        let seed = map.optional("seed").flatMap(seed) ?? 1
        let start = map.optional("start").flatMap(start)
        let sids = SidGenerator(seed: seed)

        let (activities, activityTable) = ActivitiesReader.read(map.optional("activities"), sids: sids)
        var workspace = WorkspaceReader.read(
            map.optional("workspace"), root: root, scenarioName: name, activities: activities,
            activityTable: activityTable, sids: sids)
        let (channels, channelTable) = TaskChannelsReader.read(map.optional("task_channels"), sids: sids)
        let (queues, queueTable) = TaskQueuesReader.read(
            map.optional("task_queues"), template: workspace.template, activities: activityTable, sids: sids)
        let (workflows, workflowTable, callbacks) = WorkflowsReader.read(
            map.optional("workflows"), template: workspace.template, queues: queueTable, sids: sids)
        workspace.taskChannels = channels
        workspace.taskQueues = queues
        workspace.workflows = workflows

        let groups = WorkerGroupsReader.read(
            map.optional("workers"), channels: channelTable, activities: activities, activityTable: activityTable)
        let arrivals = ArrivalsReader.read(map.optional("arrivals"), channels: channelTable, workflows: workflowTable)
        let multitasking = MultitaskingReader.read(map.optional("multitasking"), channels: channelTable)
        let apiTasks = APITasksReader.read(map.optional("api_tasks"), channels: channelTable)
        let variants = VariantsReader.read(map.optional("variants"))

        guard root.diagnostics.isEmpty, let name, let horizon else { return nil }
        var spec = SimulationSpec(
            name: name, horizon: horizon, warmup: warmup, interval: interval, serviceLevel: serviceLevel, seed: seed,
            workspace: workspace, workerGroups: groups, arrivals: arrivals, multitasking: multitasking, start: start)
        spec.apiTasks = apiTasks
        ScenarioWarnings.check(spec, in: map)
        return (spec, variants, callbacks)
    }

    /// `start`: a date `YYYY-MM-DD`, optionally with a time `HH:MM` or `HH:MM:SS` after `T`
    /// or a space; returned as `YYYY-MM-DDTHH:MM:SS`.
    private static func start(_ field: Field) -> String? {
        let text = field.node.scalar.map { $0.kind == .null ? "" : $0.text.trimmed } ?? ""
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "T" || $0 == " " }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        let time = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false) : ["0", "0"]
        let numbers = (date + time).compactMap { Int($0) }
        guard parts.count <= 2, parts[0].count == 10, date.count == 3, (2...3).contains(time.count),
            numbers.count == date.count + time.count, (1...12).contains(numbers[1]),
            (1...daysIn(month: numbers[1], year: numbers[0])).contains(numbers[2]), (0...23).contains(numbers[3]),
            (0...59).contains(numbers[4]), (0...59).contains(numbers.count == 6 ? numbers[5] : 0)
        else {
            field.report(.expected(
                "a date and time such as 2025-03-03T08:00 (YYYY-MM-DD, then optionally HH:MM or HH:MM:SS)",
                found: field.node.found))
            return nil
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts[0])T\(two(numbers[3])):\(two(numbers[4])):\(two(numbers.count == 6 ? numbers[5] : 0))"
    }

    /// The number of days in `month` (1–12) of `year`.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `seed`: a whole number from 0 to 2^64 - 1.
    private static func seed(_ field: Field) -> UInt64? {
        guard let scalar = field.node.scalar, scalar.kind == .int || scalar.kind == .string,
            let value = UInt64(scalar.text.trimmed)
        else {
            field.report(.expected("a seed, an integer from 0 to 18446744073709551615", found: field.node.found))
            return nil
        }
        return value
    }
}
