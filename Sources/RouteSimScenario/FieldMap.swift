/// A map node whose keys have been checked against the format, with lookups that report
/// missing required keys.
struct FieldMap {
    /// The map itself.
    let field: Field
    /// Its entries, in file order.
    let entries: [DocumentNode.Entry]

    /// The value under `key`, or nil when it is absent or null (null means "the default").
    func optional(_ key: String) -> Field? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return field.child(entry.value, at: field.path.appending(key))
    }

    /// The value under `key`; when absent, reports it as missing (at the map) and returns nil.
    /// A null value is returned, for the typed reader to report.
    func required(_ key: String, reason: String? = nil) -> Field? {
        guard let entry = entries.first(where: { $0.key == key }) else {
            field.diagnostics.report(
                .missingKey(key, reason: reason), at: field.node.location, path: field.path.appending(key))
            return nil
        }
        return field.child(entry.value, at: field.path.appending(key))
    }

    /// Whether `key` is present with a non-null value.
    func has(_ key: String) -> Bool {
        optional(key) != nil
    }

    /// The present, non-null keys among `keys`, in the order given.
    func present(_ keys: [String]) -> [String] {
        keys.filter(has)
    }
}
