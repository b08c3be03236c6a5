/// Adds what TaskRouter's API does not say about imported workers to the worker groups
/// made from them: `imported_workers: {activity, shifts, answer, channels}` for all of them,
/// and `worker_channels: {<friendly_name>: {<channel>: capacity}}` per worker, which takes
/// the place of `imported_workers.channels` for that worker.
///
/// The settings are copied into every group, shown under the path they were written at,
/// so the worker-group readers validate them; a problem is reported once, however many
/// copies there are.
enum ImportedWorkers {
    /// The top-level key of the settings of all imported workers.
    static let settingsKey = "imported_workers"
    /// The top-level key of the channel capacities per imported worker.
    static let channelsKey = "worker_channels"
    /// The keys of `imported_workers`: worker-group keys.
    static let settingKeys = ["activity", "shifts", "answer", "channels"]

    /// Adds the settings `root` gives to `groups`, the worker groups of imported workers;
    /// unless `allNamed` (a worker without a name was left out), a `worker_channels` name
    /// that matches none is not reported, since it may be the one left out.
    static func apply(to groups: inout [DocumentNode], root: FieldMap, allNamed: Bool) {
        if let field = root.optional(settingsKey), let map = field.mapping(keys: settingKeys) {
            let settings = map.entries.filter { settingKeys.contains($0.key) && !$0.value.isNull }.map { entry in
                DocumentNode.Entry(
                    key: entry.key, keyLocation: entry.keyLocation,
                    value: entry.value.moved(from: field.path.appending(entry.key)))
            }
            for index in groups.indices { set(settings, in: &groups[index]) }
        }
        guard let field = root.optional(channelsKey),
            let perWorker = field.entries(expected: "a map of imported worker friendly_name to {channel: capacity}")
        else { return }
        let names = groups.map { $0["group"]?.scalar?.text }
        for (name, capacities) in perWorker {
            guard let index = names.firstIndex(of: name) else {
                if allNamed {
                    capacities.report(.unknownName(kind: "imported worker", name: name, expected: names.compactMap { $0 }))
                }
                continue
            }
            let entry = DocumentNode.Entry(
                key: "channels", keyLocation: capacities.node.location, value: capacities.node.moved(from: capacities.path))
            set([entry], in: &groups[index])
        }
    }

    /// Puts `settings` into the map `group`, each in place of the key's value if it has one.
    static func set(_ settings: [DocumentNode.Entry], in group: inout DocumentNode) {
        guard case .mapping(var entries) = group.content else { return }
        for setting in settings {
            entries.removeAll { $0.key == setting.key }
            entries.append(setting)
        }
        group.content = .mapping(entries)
    }
}
