import RouteSim

/// The list of one kind of templated resource as it is read: listed resources replace the
/// template's of the same name, and SIDs not given are made from the seed at the end.
struct TemplatedResources<Resource: TemplatedResource> {
    private(set) var items: [Resource]

    /// Starts with what the template created.
    init(template: [Resource]) {
        items = template
    }

    /// Adds `resource`, or replaces the one of the same friendly name. O(n).
    mutating func upsert(_ resource: Resource) {
        if let existing = items.firstIndex(where: { $0.friendlyName == resource.friendlyName }) {
            items[existing] = resource
        } else {
            items.append(resource)
        }
    }

    /// Gives every resource without a SID the seed's `prefix` SID of its position, and
    /// returns the resources with their name table (`complete`: every item could be read).
    mutating func finish(kind: String, prefix: SidPrefix, sids: SidGenerator, complete: Bool) -> ([Resource], NameTable) {
        var table = NameTable(kind: kind)
        table.complete = complete
        for index in items.indices {
            if items[index].sid.isEmpty { items[index].sid = sids.sid(prefix, index) }
            table.append(name: items[index].friendlyName, sid: items[index].sid)
        }
        return (items, table)
    }
}
