import RouteSim

/// Reads `workers:`, groups of identical agents: `{group, count, sid, attributes, channels,
/// activity, shifts, answer}`.
///
/// `channels` maps channel unique names to capacities; without it every channel has
/// capacity 1 (TaskRouter's default for a new worker channel), with it unlisted channels
/// get 0. `activity` defaults to `Available` when that activity exists and is available,
/// else to the first available activity. Group names are unique ignoring case, since
/// they name the workers and TaskRouter's worker names are. A group with a `sid` is one
/// TaskRouter worker keeping its identity (an imported one): `count` must be 1 (or 0, to
/// leave the worker out), and the worker is named the group name itself, not `<group>-001`.
enum WorkerGroupsReader {
    /// The keys of one group.
    static let keys = ["group", "count", "sid", "attributes", "channels", "activity", "shifts", "answer"]

    /// The worker groups.
    static func read(
        _ field: Field?, channels: NameTable, activities: [Activity], activityTable: NameTable
    ) -> [WorkerGroup] {
        guard let items = field?.items(expected: "a list of worker groups") else { return [] }
        var unique = UniqueNames(kind: "worker group", ignoringCase: true)
        var uniqueSids = UniqueNames(kind: "worker sid")
        var groups: [WorkerGroup] = []
        // Workers in the groups read so far, for the limit on all groups together.
        var staffed = 0
        for item in items.map({ $0.namedBy("group") }) {
            guard let map = item.mapping(keys: keys) else { continue }
            let nameField = map.required("group")
            let name = nameField?.name()
            let countField = map.required("count")
            let count = countField?.integer(in: 0...ScenarioLimits.mostWorkers)
            let sid = uniqueSids.claimSid(map.optional("sid"), .worker)
            if let countField, let count, sid != nil, count > 1 {
                countField.report(.expected("count 0 or 1 for a group with a sid (one TaskRouter worker)", found: "\(count)"))
            }
            let attributes = map.optional("attributes").map(AttributesReader.read) ?? .emptyObject
            let (capacities, unavailable) = capacities(map.optional("channels"), channels: channels)
            let activity = activity(map, activities: activities, table: activityTable)
            let shifts = map.optional("shifts").map { ShiftsReader.read($0, activities: activityTable) } ?? []
            let answer = map.optional("answer").flatMap(AnswerReader.read) ?? .immediate
            guard let nameField, let name, unique.claim(name, at: nameField), let count, let attributes, let activity
            else { continue }
            let total = staffed + count
            if let countField, total > ScenarioLimits.mostWorkers {
                countField.report(.expected(
                    "at most \(ScenarioLimits.mostWorkers) workers in all groups together", found: "\(total) with this group"))
                continue
            }
            staffed = total
            groups.append(WorkerGroup(
                name: name, count: count, attributes: attributes, capacities: capacities, activity: activity,
                shifts: shifts, answer: answer, workerNames: sid.map { _ in [name] }, workerSids: sid.map { [$0] },
                unavailableChannels: unavailable))
        }
        return groups
    }

    /// Capacities indexed like the channels, and the channels switched off (a value
    /// `{capacity: N, available: false}`: TaskRouter's worker channel `available`).
    private static func capacities(_ field: Field?, channels: NameTable) -> ([Int], [Int]) {
        guard let field else { return (Array(repeating: 1, count: channels.names.count), []) }
        var capacities = Array(repeating: 0, count: channels.names.count)
        var unavailable: [Int] = []
        for (key, valueField) in field.entries(expected: "a map of channel unique name to capacity") ?? [] {
            var capacityField = valueField
            var available = true
            if case .mapping = valueField.node.content, let settings = valueField.mapping(keys: ["capacity", "available"]) {
                available = settings.optional("available")?.bool() ?? true
                guard let given = settings.optional("capacity") else {
                    settings.field.report(.expected("a capacity", found: "none"))
                    continue
                }
                capacityField = given
            }
            let capacity = capacityField.integer(in: 0...ScenarioLimits.mostCapacity)
            guard let index = channels.index(of: key) else {
                if channels.complete {
                    capacityField.report(.unknownName(kind: "task channel", name: key, expected: channels.names))
                }
                continue
            }
            capacities[index] = capacity ?? 0
            if !available { unavailable.append(index) }
        }
        return (capacities, unavailable)
    }

    /// The on-shift activity: given, or the default described on the type.
    private static func activity(_ map: FieldMap, activities: [Activity], table: NameTable) -> Int? {
        if let given = map.optional("activity") { return table.resolve(given) }
        if let index = activities.firstIndex(where: { $0.friendlyName == "Available" && $0.available })
            ?? activities.firstIndex(where: \.available)
        {
            return index
        }
        if table.complete {
            map.field.diagnostics.report(
                .noAvailableActivity(key: "activity"), at: map.field.node.location, path: map.field.path.appending("activity"))
        }
        return nil
    }
}
