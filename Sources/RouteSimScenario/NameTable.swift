/// The names (and SIDs) of one kind of resource, aligned with the resource array, for
/// resolving references such as a target's `queue` or an arrival's `workflow`.
///
/// A table is incomplete when some item of its section could not be read; a name it does
/// not know is then not reported, since the item may be the one that failed.
struct NameTable {
    /// How messages call the resource: `queue`, `activity`, ...
    let kind: String
    /// Friendly (or unique) names, index-aligned with the resources.
    var names: [String] = []
    /// SIDs, index-aligned with the resources.
    var sids: [String] = []
    /// False when an item of the section could not be read.
    var complete = true

    /// Adds a resource at the next index.
    mutating func append(name: String, sid: String) {
        names.append(name)
        sids.append(sid)
    }

    /// The index of the resource named `reference`, or whose SID it is.
    func index(of reference: String) -> Int? {
        names.firstIndex(of: reference) ?? sids.firstIndex(of: reference)
    }

    /// Reads a name (or SID) from `field` and resolves it; reports an unknown name with the
    /// names that exist, or an unknown SID with the SIDs (and names) that exist.
    func resolve(_ field: Field) -> Int? {
        guard let reference = field.string(expected: "the name of a \(kind)") else { return nil }
        if let index = index(of: reference) { return index }
        if complete {
            let isSid = reference.count == 34 && reference.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
            let expected = isSid ? zip(sids, names).map { "\($0) (\($1))" } : names
            field.report(.unknownName(kind: kind, name: reference, expected: expected))
        }
        return nil
    }
}
