import RouteSim

/// Reads `task_channels:`: unique names, or maps `{sid, unique_name, friendly_name,
/// channel_optimized_routing}`, added after TaskRouter's default channels (`default`,
/// `voice`, `sms`, `chat`, `video`), which always exist.
///
/// Listing a default channel's name configures that channel rather than adding one. A new
/// channel's `friendly_name` defaults to its unique name; `channel_optimized_routing`
/// defaults to true.
enum TaskChannelsReader {
    /// The keys of a channel given as a map.
    static let keys = ["sid", "unique_name", "friendly_name", "channel_optimized_routing"]

    /// The channels (SID: the one given, else `.taskChannel` i) and their name table
    /// (unique names).
    static func read(_ field: Field?, sids: SidGenerator) -> ([TaskChannel], NameTable) {
        var channels = Workspace.defaultTaskChannels.map {
            TaskChannel(sid: "", uniqueName: $0.uniqueName, friendlyName: $0.friendlyName)
        }
        var complete = true
        if let field {
            if let items = field.items(expected: "a list of task channels (unique names or maps)") {
                var unique = UniqueNames(kind: "task channel unique_name")
                var uniqueSids = UniqueNames(kind: "task channel sid")
                for item in items {
                    if !read(item, into: &channels, unique: &unique, uniqueSids: &uniqueSids) { complete = false }
                }
            } else {
                complete = false
            }
        }
        var table = NameTable(kind: "task channel")
        table.complete = complete
        for index in channels.indices {
            if channels[index].sid.isEmpty { channels[index].sid = sids.sid(.taskChannel, index) }
            table.append(name: channels[index].uniqueName, sid: channels[index].sid)
        }
        return (channels, table)
    }

    /// Adds or configures the channel of one list item; false when its name is unreadable.
    private static func read(
        _ item: Field, into channels: inout [TaskChannel], unique: inout UniqueNames, uniqueSids: inout UniqueNames
    ) -> Bool {
        let nameField: Field
        var map: FieldMap?
        if case .mapping = item.node.content {
            let named = item.namedBy("unique_name")
            map = named.mapping(keys: keys)
            guard let given = map?.required("unique_name") else { return false }
            nameField = given
        } else {
            nameField = item.namedBy(nil)
        }
        guard let name = uniqueName(nameField) else { return false }
        guard unique.claim(name, at: nameField) else { return true }
        let index = channels.firstIndex { $0.uniqueName == name } ?? {
            channels.append(TaskChannel(sid: "", uniqueName: name, friendlyName: name))
            return channels.count - 1
        }()
        if let friendlyName = map?.optional("friendly_name")?.name(maxLength: 64) {
            channels[index].friendlyName = friendlyName
        }
        if let optimized = map?.optional("channel_optimized_routing")?.bool() {
            channels[index].channelOptimizedRouting = optimized
        }
        if let sid = uniqueSids.claimSid(map?.optional("sid"), .taskChannel) {
            channels[index].sid = sid
        }
        return true
    }

    /// A unique name by TaskRouter's rules: letters, digits, `_` and `$`, not starting with a
    /// digit (no hyphens: expressions could not name the channel).
    private static func uniqueName(_ field: Field) -> String? {
        guard let name = field.string(expected: "a channel unique name") else { return nil }
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }
        guard allowed, let first = name.first, !first.isNumber, name.count <= 64 else {
            field.report(.expected(
                "a unique name of letters, digits, _ and $ not starting with a digit (at most 64)", found: field.node.found))
            return nil
        }
        return name
    }
}
