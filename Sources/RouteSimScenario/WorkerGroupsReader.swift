import RouteSim

/// Reads `workers:`, groups of identical agents: `{group, count, attributes, channels,
/// activity, shifts, answer}`.
///
/// `channels` maps channel unique names to capacities; without it every channel has
/// capacity 1 (TaskRouter's default for a new worker channel), with it unlisted channels
/// get 0. `activity` defaults to `Available` when that activity exists and is available,
/// else to the first available activity. Group names are unique ignoring case, since
/// they name the workers and TaskRouter's worker names are.
enum WorkerGroupsReader {
    static let keys = ["group", "count", "attributes", "channels", "activity", "shifts", "answer"]

    /// The worker groups.
    static func read(
        _ field: Field?, channels: NameTable, activities: [Activity], activityTable: NameTable
    ) -> [WorkerGroup] {
        guard let items = field?.items(expected: "a list of worker groups") else { return [] }
        var unique = UniqueNames(kind: "worker group", ignoringCase: true)
        var groups: [WorkerGroup] = []
        for item in items.map({ $0.namedBy("group") }) {
            guard let map = item.mapping(keys: keys) else { continue }
            let nameField = map.required("group")
            let name = nameField?.name()
            let count = map.required("count")?.integer(in: 0...Int.max)
            let attributes = map.optional("attributes").map(AttributesReader.read) ?? .emptyObject
            let capacities = capacities(map.optional("channels"), channels: channels)
            let activity = activity(map, activities: activities, table: activityTable)
            let shifts = map.optional("shifts").map { ShiftsReader.read($0, activities: activityTable) } ?? []
            let answer = map.optional("answer").flatMap(AnswerReader.read) ?? .immediate
            guard let nameField, let name, unique.claim(name, at: nameField), let count, let attributes, let activity
            else { continue }
            groups.append(WorkerGroup(
                name: name, count: count, attributes: attributes, capacities: capacities, activity: activity,
                shifts: shifts, answer: answer))
        }
        return groups
    }

    /// Capacities indexed like the channels.
    private static func capacities(_ field: Field?, channels: NameTable) -> [Int] {
        guard let field else { return Array(repeating: 1, count: channels.names.count) }
        var capacities = Array(repeating: 0, count: channels.names.count)
        for (key, capacityField) in field.entries(expected: "a map of channel unique name to capacity") ?? [] {
            let capacity = capacityField.integer(in: 0...Int.max)
            guard let index = channels.index(of: key) else {
                if channels.complete {
                    capacityField.report(.unknownName(kind: "task channel", name: key, expected: channels.names))
                }
                continue
            }
            capacities[index] = capacity ?? 0
        }
        return capacities
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
