import RouteSim

/// Remembers the names given so far in one list and reports the second use of a name.
struct UniqueNames {
    /// How messages call the name: `activity friendly_name`, `worker group`, ...
    let kind: String
    /// Compare names ignoring case (TaskRouter does so for worker friendly names).
    var ignoringCase = false
    /// The names claimed so far (lowercased when ignoring case).
    private var seen: Set<String> = []

    /// Names of `kind`, compared ignoring case when `ignoringCase`.
    init(kind: String, ignoringCase: Bool = false) {
        self.kind = kind
        self.ignoringCase = ignoringCase
    }

    /// Records `name`; reports it at `field` and returns false when it was already given.
    mutating func claim(_ name: String, at field: Field) -> Bool {
        let key = ignoringCase ? name.lowercased() : name
        guard seen.insert(key).inserted else {
            field.report(.duplicateName(kind: kind, name: name))
            return false
        }
        return true
    }

    /// Reads the optional `sid` of an item as a SID of the kind `prefix` and claims it; nil
    /// when absent, malformed or already given (each reported).
    mutating func claimSid(_ field: Field?, _ prefix: SidPrefix) -> String? {
        guard let field, let sid = field.sid(prefix), claim(sid, at: field) else { return nil }
        return sid
    }
}
