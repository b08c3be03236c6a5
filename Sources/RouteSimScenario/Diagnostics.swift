/// Collects the problems of one load, turning each into a ``ScenarioError`` with its file,
/// key path and position.
///
/// Also knows the file's text, so a position inside a string value (a column of an
/// expression, a line of a workflow configuration pasted as JSON) can be placed in the file.
final class Diagnostics {
    /// The scenario file as given.
    let file: String
    /// The file's lines as Unicode scalars (libyaml counts columns in scalars).
    private let lines: [[Unicode.Scalar]]
    /// The errors so far, in the order reported.
    private var reported: [ScenarioError] = []

    init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array(line.unicodeScalars.last == "\r" ? line.unicodeScalars.dropLast() : line.unicodeScalars[...])
        }
    }

    /// True when nothing has been reported.
    var isEmpty: Bool { reported.isEmpty }

    /// The errors in file order (line, then column); errors of override values, which have
    /// no line, come last in the order the overrides were given.
    var errors: [ScenarioError] {
        reported.enumerated().sorted { left, right in
            let leftKey = (left.element.line ?? Int.max, left.element.column ?? 0, left.offset)
            let rightKey = (right.element.line ?? Int.max, right.element.column ?? 0, right.offset)
            return leftKey < rightKey
        }.map(\.element)
    }

    /// Records `problem` at `location`, for the value at `path`.
    func report(_ problem: Problem, at location: SourceLocation, path: NodePath) {
        var message = problem.message
        let error: ScenarioError
        switch location {
        case .file(let line, let column):
            error = ScenarioError(file: file, keyPath: path.description, line: line, column: column, message: message)
        case .embedded(let line, let column, let innerLine, let innerColumn):
            message += Problem.insideString(line: innerLine, column: innerColumn)
            error = ScenarioError(file: file, keyPath: path.description, line: line, column: column, message: message)
        case .override(let key):
            error = ScenarioError(
                file: file, keyPath: path.description, line: nil, column: nil, message: message, overrideKey: key)
        }
        reported.append(error)
    }

    /// The file position of `line`:`column` (1-based) of the text of the string scalar `node`,
    /// or nil when the string's text cannot be matched to the file there.
    ///
    /// Works for a single-line plain or quoted scalar written without escapes, and for the
    /// lines of a literal block (`|`); a folded block, escapes or a value from an override
    /// give nil.
    func fileLocation(inside node: DocumentNode, line: Int, column: Int) -> SourceLocation? {
        guard let scalar = node.scalar, case .file(let nodeLine, let nodeColumn) = node.location else { return nil }
        let textLines = scalar.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= textLines.count else { return nil }
        let wanted = Array(textLines[line - 1].unicodeScalars)
        switch scalar.style {
        case .literal:
            let fileLine = nodeLine + line
            guard fileLine <= lines.count,
                let indent = lines[nodeLine...].first(where: { $0.contains { $0 != " " } })?.prefix(while: { $0 == " " }).count,
                Array(lines[fileLine - 1].dropFirst(indent)) == wanted
            else { return nil }
            return .file(line: fileLine, column: indent + column)
        case .plain, .singleQuoted, .doubleQuoted:
            guard textLines.count == 1, nodeLine <= lines.count else { return nil }
            let start = nodeColumn + (scalar.style == .plain ? 0 : 1)
            let source = lines[nodeLine - 1]
            guard start - 1 + wanted.count <= source.count,
                Array(source[(start - 1)..<(start - 1 + wanted.count)]) == wanted
            else { return nil }
            return .file(line: nodeLine, column: start + column - 1)
        case .folded:
            return nil
        }
    }
}
