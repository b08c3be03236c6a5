import Yams

/// Parses YAML or JSON text into a ``DocumentNode`` tree with Yams' node API.
///
/// Plain scalars are typed by YAML 1.2's core schema (the one JSON agrees with): only
/// `true`/`false` are booleans (`yes`, `no`, `on`, `off` stay strings), and `1:30` or dates
/// stay strings too. Quoted scalars are strings; explicit tags (`!!str 12`) are honoured.
enum DocumentComposer {
    /// Parses `text`; `locate` turns a (line, column) of the text into the node's location.
    /// Returns nil for a document without content (empty or only comments).
    static func compose(
        _ text: String, locate: (_ line: Int, _ column: Int) -> SourceLocation
    ) throws(YAMLSyntaxError) -> DocumentNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw YAMLSyntaxError(message: String(describing: error), line: 1, column: 1)
        }
        return root.map { convert($0, locate: locate) }
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
