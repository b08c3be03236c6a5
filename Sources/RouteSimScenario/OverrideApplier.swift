/// Puts override values into the document tree before conversion.
///
/// Each path segment is a map key, a list index, or the name of a list item (its
/// `group`, `name`, `unique_name`, `friendly_name` or `filter_friendly_name`, or the item
/// itself for a list of names). A missing map key is added, with maps created on the way.
/// Every node of the new value is located at `--set KEY`.
enum OverrideApplier {
    /// The keys that name a list item, in the order they are tried.
    static let nameKeys = ["group", "name", "unique_name", "friendly_name", "filter_friendly_name"]

    /// Applies `override` to `root`; a path that addresses nothing, or a value that is not
    /// YAML, is reported and leaves `root` unchanged.
    static func apply(_ override: Override, to root: inout DocumentNode, diagnostics: Diagnostics) {
        let location = SourceLocation.override(key: override.keyPath)
        let segments = override.keyPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let path = NodePath(components: segments.map { .key($0) })
        guard Override.isValidKeyPath(override.keyPath) else {
            diagnostics.report(.malformedOverride(override.keyPath + "=" + override.value), at: location, path: path)
            return
        }
        let value: DocumentNode
        do {
            let parsed = try DocumentComposer.compose(override.value) { _, _ in location }
            value = parsed ?? DocumentNode(content: .scalar(.init(text: "", kind: .null, style: .plain)), location: location)
        } catch {
            diagnostics.report(.syntax(error), at: location, path: path)
            return
        }
        var updated = root
        if let problem = set(value, at: segments[...], in: &updated, walked: []) {
            diagnostics.report(problem, at: location, path: path)
            return
        }
        root = updated
    }

    /// Sets `value` at `segments` below `node`; `walked` are the segments above it.
    private static func set(
        _ value: DocumentNode, at segments: ArraySlice<String>, in node: inout DocumentNode, walked: [String]
    ) -> Problem? {
        guard let segment = segments.first else {
            node = value
            return nil
        }
        let below = walked + [segment]
        if node.isNull {
            node = .emptyMapping(at: value.location)
        }
        switch node.content {
        case .mapping(var entries):
            if let index = entries.firstIndex(where: { $0.key == segment }) {
                let problem = set(value, at: segments.dropFirst(), in: &entries[index].value, walked: below)
                node.content = .mapping(entries)
                return problem
            }
            var child = DocumentNode.emptyMapping(at: value.location)
            if let problem = set(value, at: segments.dropFirst(), in: &child, walked: below) { return problem }
            entries.append(DocumentNode.Entry(key: segment, keyLocation: value.location, value: child))
            node.content = .mapping(entries)
            return nil
        case .sequence(var items):
            let byIndex = Int(segment).flatMap { items.indices.contains($0) ? $0 : nil }
            guard let index = byIndex ?? items.firstIndex(where: { name(of: $0) == segment }) else {
                var expected = items.compactMap(name)
                if !items.isEmpty { expected.append("an index from 0 to \(items.count - 1)") }
                return .unknownOverridePath(segment: segment, parent: walked.joined(separator: "."), expected: expected)
            }
            let problem = set(value, at: segments.dropFirst(), in: &items[index], walked: below)
            node.content = .sequence(items)
            return problem
        case .scalar:
            return .overrideBelowScalar(segment: segment, parent: walked.joined(separator: "."), found: node.found)
        }
    }

    /// The name a list item goes by, if any.
    private static func name(of item: DocumentNode) -> String? {
        if let scalar = item.scalar { return scalar.kind == .null ? nil : scalar.text }
        return nameKeys.lazy.compactMap { item[$0]?.scalar?.text }.first
    }
}
