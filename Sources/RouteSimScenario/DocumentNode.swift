import RouteSim

/// A scenario document as a tree of plain values, each node with the place it came from.
///
/// Built from Yams' node tree (which cannot be changed in place and is not `Sendable`), so
/// that overrides can be applied to it and every node keeps a location for messages.
/// Aliases are already resolved; scalars keep their text and the type YAML 1.2's core
/// schema gives them.
struct DocumentNode: Sendable {
    /// What a node holds.
    enum Content: Sendable {
        /// A single value.
        case scalar(Scalar)
        /// A list.
        case sequence([DocumentNode])
        /// A map, its entries in file order.
        case mapping([Entry])
    }

    /// A scalar's text, its resolved type and how it was written.
    struct Scalar: Sendable {
        /// The type YAML gives a scalar (quoted scalars are always strings).
        enum Kind: Sendable, Equatable {
            case null, bool, int, float, string
        }

        /// How a scalar was written; decides how a position inside its text maps to the file.
        enum Style: Sendable, Equatable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        /// The scalar's text as written (escapes resolved).
        var text: String
        /// Its type.
        var kind: Kind
        /// How it was written.
        var style: Style
    }

    /// One key of a mapping with its value.
    struct Entry: Sendable {
        /// The key's text.
        var key: String
        /// Where the key was written.
        var keyLocation: SourceLocation
        /// The value under the key.
        var value: DocumentNode
    }

    /// What the node holds.
    var content: Content
    /// Where the node was written.
    var location: SourceLocation
    /// The key path messages show for the node (and, below it, for its children) when it
    /// was moved into the document from elsewhere: from a file `taskrouter:` imports (its
    /// JSON path there, `task_queues[1].max_reserved_workers`), or from another section
    /// (`imported_workers.shifts`). Nil for a node the readers find where it was written.
    var origin: NodePath?

    /// An empty mapping at `location`.
    static func emptyMapping(at location: SourceLocation) -> DocumentNode {
        DocumentNode(content: .mapping([]), location: location)
    }

    /// True for a null scalar (`~`, `null` or nothing at all).
    var isNull: Bool {
        if case .scalar(let scalar) = content { return scalar.kind == .null }
        return false
    }

    /// True for a list without items.
    var isEmptyList: Bool {
        if case .sequence(let items) = content { return items.isEmpty }
        return false
    }

    /// The scalar, if this node is one.
    var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The same node, shown in messages under `path` (see ``origin``).
    func moved(from path: NodePath) -> DocumentNode {
        var node = self
        node.origin = path
        return node
    }

    /// The mapping value under `key`, if this node is a mapping that has it.
    subscript(key: String) -> DocumentNode? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// How the node reads in a "found ..." message: `"abc"` for strings (cut after 57
    /// characters), `12` or `true` as written for other scalars, `null`, `a list`, `a map`.
    var found: String {
        switch content {
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return "null"
            case .string:
                let text = scalar.text.count > 60 ? scalar.text.prefix(57) + "..." : Substring(scalar.text)
                return "\"" + text + "\""
            case .bool, .int, .float: return scalar.text
            }
        case .sequence:
            return "a list"
        case .mapping:
            return "a map"
        }
    }

    /// The node as YAML flow text that parses back to the same value (for variant overrides).
    ///
    /// Strings are written plain when that is unambiguous, else double-quoted with JSON
    /// escapes, which YAML reads the same way.
    var yamlText: String {
        switch content {
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return "null"
            case .bool, .int, .float: return scalar.text
            case .string: return Self.yamlString(scalar.text)
            }
        case .sequence(let items):
            return "[" + items.map(\.yamlText).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { Self.yamlString($0.key) + ": " + $0.value.yamlText }.joined(separator: ", ") + "}"
        }
    }

    /// A string as a plain scalar when it stays a string that way, else double-quoted (a
    /// JSON string is a valid YAML double-quoted scalar).
    private static func yamlString(_ text: String) -> String {
        let plainSafe = text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " _./+-$".unicodeScalars.contains(scalar)
        }
        if plainSafe, let first = text.unicodeScalars.first,
            first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "_",
            text.last != " ", DocumentComposer.kind(ofPlain: text) == .string
        {
            return text
        }
        return AttributeValue.string(text).jsonText
    }
}
