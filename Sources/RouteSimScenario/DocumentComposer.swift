import Yams

/// Parses YAML or JSON text into a ``DocumentNode`` tree with Yams' node API.
///
/// Plain scalars are typed by YAML 1.2's core schema (the one JSON agrees with): only
/// `true`/`false` are booleans (`yes`, `no`, `on`, `off` stay strings), and `1:30` or dates
/// stay strings too. Quoted scalars are strings; explicit tags (`!!str 12`) are honoured.
///
/// Each use of an alias becomes a copy of the node it names, so a small file of aliases of
/// aliases could expand into billions of nodes: the tree is refused beyond ``nodeLimit``
/// nodes, counted before it is built. Yams' own tree is bounded before it is parsed: a
/// document has at most about two nodes per separator (`,` `:` `-` `[` `]` `{` `}` `?`),
/// and one with more than ``separatorLimit`` of them is refused unparsed. So is an alias
/// written as a map key (`*name:` or `? *name`): Yams compares keys by value, which for an
/// alias of aliases walks its whole expansion.
enum DocumentComposer {
    /// The most nodes (scalars, lists and maps, each alias counted as what it expands to) a
    /// document may have.
    static let nodeLimit = 200_000

    /// The most separators a document may have: twice ``nodeLimit``, more than a document of
    /// that many values has in practice.
    static let separatorLimit = 2 * nodeLimit

    /// The bytes counted as separators.
    private static let separatorBytes: Set<UInt8> = Set(",:-[]{}?".utf8)

    /// libyaml's limit on nesting (its `MAX_NESTING_LEVEL`).
    static let nestingLimit = 1000

    /// Parses `text`; `locate` turns a (line, column) of the text into the node's location.
    /// Returns nil for a document without content (empty or only comments).
    static func compose(
        _ text: String, locate: (_ line: Int, _ column: Int) -> SourceLocation
    ) throws(YAMLSyntaxError) -> DocumentNode? {
        let separators = text.utf8.reduce(0) { count, byte in
            count + (separatorBytes.contains(byte) ? 1 : 0)
        }
        guard separators <= separatorLimit else {
            throw YAMLSyntaxError(
                message: "the document has more than \(separatorLimit) commas, colons, dashes, brackets and braces, "
                    + "more than a document of \(nodeLimit) values needs; it was not parsed", line: 1, column: 1,
                isLimit: true)
        }
        if let (line, column) = aliasKey(in: text) {
            throw YAMLSyntaxError(message: "an alias (*name) cannot be a map key", line: line, column: column, isLimit: true)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw YAMLSyntaxError(message: String(describing: error), line: 1, column: 1)
        }
        guard let root else { return nil }
        var budget = nodeLimit
        if let last = exhausts(root, budget: &budget) {
            throw YAMLSyntaxError(
                message: "the document has more than \(nodeLimit) values (an alias counts as a copy of what it "
                    + "names); the limit was reached here", line: last.mark?.line ?? 1, column: last.mark?.column ?? 1,
                isLimit: true)
        }
        return convert(root, locate: locate)
    }

    /// The line and column of the first alias written where a map key goes: `*name` followed
    /// by `:`, or after `?`. Read from the text, so a quoted string or comment that looks like
    /// one counts too.
    private static func aliasKey(in text: String) -> (line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        let space = UInt8(ascii: " ")
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        var line = 1
        var lineStart = 0
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
                continue
            }
            guard byte == UInt8(ascii: "*"), i + 1 < bytes.count, isNameByte(bytes[i + 1]),
                i == lineStart || " \t[{,?".utf8.contains(bytes[i - 1])
            else { continue }
            var after = i + 1
            while after < bytes.count, isNameByte(bytes[after]) { after += 1 }
            while after < bytes.count, bytes[after] == space { after += 1 }
            var before = i - 1
            while before >= lineStart, bytes[before] == space { before -= 1 }
            if (after < bytes.count && bytes[after] == UInt8(ascii: ":"))
                || (before >= lineStart && bytes[before] == UInt8(ascii: "?"))
            {
                return (line, i - lineStart + 1)
            }
        }
        return nil
    }

    /// Counts `node` and the nodes below it against `budget`; the node at which it runs out,
    /// or nil. Stops there, so an alias bomb costs no more than the budget.
    private static func exhausts(_ node: Node, budget: inout Int) -> Node? {
        budget -= 1
        if budget < 0 { return node }
        switch node {
        case .scalar, .alias:
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let last = exhausts(item, budget: &budget) { return last }
            }
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let last = exhausts(key, budget: &budget) ?? exhausts(value, budget: &budget) { return last }
            }
        }
        return nil
    }

    /// The type YAML 1.2's core schema gives a plain (unquoted, untagged) scalar.
    static func kind(ofPlain text: String) -> DocumentNode.Scalar.Kind {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        default: break
        }
        if NumberSyntax.isInteger(text) || NumberSyntax.basedInteger(text) != nil { return .int }
        if NumberSyntax.isDecimal(text) || NumberSyntax.special(text) != nil { return .float }
        return .string
    }

    private static func convert(_ node: Node, locate: (Int, Int) -> SourceLocation) -> DocumentNode {
        let location = node.mark.map { locate($0.line, $0.column) } ?? locate(1, 1)
        switch node {
        case .scalar(let scalar):
            return DocumentNode(content: .scalar(convert(scalar)), location: location)
        case .sequence(let sequence):
            return DocumentNode(content: .sequence(sequence.map { convert($0, locate: locate) }), location: location)
        case .mapping(let mapping):
            let entries = mapping.map { key, value in
                DocumentNode.Entry(
                    key: key.scalar?.string ?? "<\(key.mapping == nil ? "list" : "map") as a key>",
                    keyLocation: key.mark.map { locate($0.line, $0.column) } ?? location,
                    value: convert(value, locate: locate))
            }
            return DocumentNode(content: .mapping(entries), location: location)
        case .alias:
            return DocumentNode(content: .scalar(.init(text: "", kind: .null, style: .plain)), location: location)
        }
    }

    private static func convert(_ scalar: Node.Scalar) -> DocumentNode.Scalar {
        let style: DocumentNode.Scalar.Style
        switch scalar.style {
        case .singleQuoted: style = .singleQuoted
        case .doubleQuoted: style = .doubleQuoted
        case .literal: style = .literal
        case .folded: style = .folded
        case .plain, .any: style = .plain
        }
        let kind: DocumentNode.Scalar.Kind
        switch scalar.tag.rawValue {
        case Tag.Name.implicit.rawValue:
            kind = style == .plain ? Self.kind(ofPlain: scalar.string) : .string
        case Tag.Name.null.rawValue: kind = .null
        case Tag.Name.bool.rawValue: kind = .bool
        case Tag.Name.int.rawValue: kind = .int
        case Tag.Name.float.rawValue: kind = .float
        default: kind = .string
        }
        return DocumentNode.Scalar(text: scalar.string, kind: kind, style: style)
    }

    private static func syntaxError(_ error: YamlError) -> YAMLSyntaxError {
        switch error {
        case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level"):
            return YAMLSyntaxError(
                message: "maps and lists nested deeper than \(nestingLimit) levels", line: mark.line,
                column: mark.column, isLimit: true)
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return YAMLSyntaxError(
                message: problem, line: mark.line, column: mark.column, context: context?.text,
                contextLine: context?.mark.line, contextColumn: context?.mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return YAMLSyntaxError(
                message: "duplicate key \(keys) in a map", line: context.mark.line, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return YAMLSyntaxError(message: problem, line: 1, column: 1)
        default:
            return YAMLSyntaxError(message: error.description, line: 1, column: 1)
        }
    }
}
