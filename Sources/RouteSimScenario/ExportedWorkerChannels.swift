/// Reads `taskrouter.worker_channels`, files of TaskRouter's WorkerChannels list responses
/// (`GET …/Workers/WK…/Channels`), into the `channels` of the worker groups imported from
/// `taskrouter.workers`: `{<task_channel_unique_name>: {capacity: <configured_capacity>,
/// available: <available>}}`, shown under each value's JSON path, so the worker-group reader
/// validates them as written capacities.
///
/// A worker's channels list is its own list response, so each file must be a whole one
/// (its `meta.next_page_url` null). Items are matched to workers by `worker_sid`. A worker
/// none of whose channels are exported keeps the default capacities; `imported_workers.channels`
/// and `worker_channels`, applied after (``ImportedWorkers``), take the place of what is read here.
enum ExportedWorkerChannels {
    /// The key under `taskrouter:`.
    static let key = "worker_channels"
    /// The API's name of the resource, as messages print it.
    static let apiName = "WorkerChannels"

    /// Sets the `channels` of each of `groups` (the imported workers) whose SID the files
    /// `field` names list; returns false when a file cannot be used (reported). Unless
    /// `allNamed` (a worker without a name was left out), a `worker_sid` that matches no
    /// group is not reported, since it may be the one left out.
    static func apply(to groups: inout [DocumentNode], from field: Field, allNamed: Bool, scenarioPath: String) -> Bool {
        guard let files = TaskRouterImporter.files(field) else { return false }
        var channels: [String: [DocumentNode.Entry]] = [:]
        var workers: [(sid: String, field: Field)] = []
        var complete = true
        for file in files {
            guard let document = TaskRouterImporter.load(file, scenarioPath: scenarioPath),
                let items = TaskRouterImporter.items(of: document, apiName: apiName, listKey: "channels", lastPage: true, field: file)
            else {
                complete = false
                continue
            }
            for item in items {
                guard let (worker, channel) = read(item) else { continue }
                if channels[worker.sid] == nil { workers.append(worker) }
                channels[worker.sid, default: []].append(channel)
            }
        }
        guard complete else { return false }
        let sids = groups.map { $0["sid"]?.scalar?.text }
        for (index, sid) in sids.enumerated() {
            guard let sid, let entries = channels[sid] else { continue }
            let location = groups[index].location
            let value = DocumentNode(content: .mapping(entries), location: location)
            ImportedWorkers.set([DocumentNode.Entry(key: "channels", keyLocation: location, value: value)], in: &groups[index])
        }
        if allNamed {
            for worker in workers where !sids.contains(worker.sid) {
                worker.field.report(.unknownName(kind: "imported worker sid", name: worker.sid, expected: sids.compactMap { $0 }))
            }
        }
        return true
    }

    /// One WorkerChannel object: its worker's SID (with the field holding it) and its entry
    /// of a group's `channels`; nil when a field needed is missing or not a string (reported).
    private static func read(_ item: Field) -> (worker: (sid: String, field: Field), channel: DocumentNode.Entry)? {
        guard case .mapping(let fields) = item.node.content else {
            item.report(.expected("a WorkerChannel object", found: item.node.found))
            return nil
        }
        func required(_ name: String) -> (entry: DocumentNode.Entry, field: Field)? {
            guard let entry = TaskRouterImporter.entry(name, in: fields) else {
                item.report(.missingKey(name, reason: nil))
                return nil
            }
            return (entry, item.child(entry.value, at: item.path.appending(entry.key)))
        }
        let worker = required("worker_sid")
        let name = required("task_channel_unique_name")
        let capacity = required("configured_capacity")
        guard let worker, let sid = worker.field.string(expected: "a worker SID"),
            let name, let uniqueName = name.field.string(expected: "a task channel unique name"), let capacity
        else { return nil }
        var settings = [DocumentNode.Entry(
            key: "capacity", keyLocation: capacity.entry.keyLocation, value: capacity.entry.value.moved(from: capacity.field.path))]
        if let available = TaskRouterImporter.entry("available", in: fields) {
            settings.append(DocumentNode.Entry(
                key: "available", keyLocation: available.keyLocation,
                value: available.value.moved(from: item.path.appending(available.key))))
        }
        let value = DocumentNode(content: .mapping(settings), location: item.node.location, origin: item.path)
        return ((sid, worker.field), DocumentNode.Entry(key: uniqueName, keyLocation: name.entry.keyLocation, value: value))
    }
}
