import RouteSim

/// Reads `activities:`: a list of `{sid, friendly_name, available}` that is the workspace's
/// whole set; omitted, TaskRouter's defaults (`Offline`, `Available`, `Unavailable`).
enum ActivitiesReader {
    /// The keys of one activity.
    static let keys = ["sid", "friendly_name", "available"]

    /// TaskRouter's limit of activities per workspace.
    static let maxCount = 100

    /// The activities (SID: the one given, else `.activity` i) and their name table.
    static func read(_ field: Field?, sids: SidGenerator) -> ([Activity], NameTable) {
        var table = NameTable(kind: "activity")
        var activities: [Activity] = []
        func add(_ name: String, _ available: Bool, sid given: String? = nil) {
            let sid = given ?? sids.sid(.activity, activities.count)
            activities.append(Activity(sid: sid, friendlyName: name, available: available))
            table.append(name: name, sid: sid)
        }
        guard let field else {
            for activity in Workspace.defaultActivities { add(activity.friendlyName, activity.available) }
            return (activities, table)
        }
        guard let items = field.items(expected: "a list of activities {friendly_name, available}") else {
            table.complete = false
            return (activities, table)
        }
        if items.isEmpty || items.count > maxCount {
            field.report(.expected("from 1 to \(maxCount) activities (TaskRouter's limit)", found: "\(items.count)"))
        }
        var unique = UniqueNames(kind: "activity friendly_name")
        var uniqueSids = UniqueNames(kind: "activity sid")
        for item in items.map({ $0.namedBy("friendly_name") }) {
            guard let map = item.mapping(keys: keys),
                let nameField = map.required("friendly_name"), let name = nameField.name(maxLength: 64)
            else {
                table.complete = false
                continue
            }
            let available = map.optional("available")?.bool() ?? false
            let sid = uniqueSids.claimSid(map.optional("sid"), .activity)
            if unique.claim(name, at: nameField) { add(name, available, sid: sid) }
        }
        return (activities, table)
    }
}
