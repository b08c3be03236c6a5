/// Remembers the names given so far in one list and reports the second use of a name.
struct UniqueNames {
    /// How messages call the name: `activity friendly_name`, `worker group`, ...
    let kind: String
    /// Compare names ignoring case (TaskRouter does so for worker friendly names).
    var ignoringCase = false
    private var seen: Set<String> = []

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
}
