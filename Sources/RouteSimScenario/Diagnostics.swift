/// Collects the problems of one load, turning each into a ``ScenarioError`` with its file,
/// key path and position.
///
/// Also knows the text of the scenario file and of the files it imports, so a position
/// inside a string value (a column of an expression, a line of a workflow configuration
/// pasted as JSON) can be placed in its file; and reads the other files the load needs, so
/// that their text is part of the run's ``ConfigurationHash``.
final class Diagnostics {
    /// The scenario file as given.
    let file: String
    /// Each known file's lines as Unicode scalars (libyaml counts columns in scalars), by path.
    private var lines: [String: [[Unicode.Scalar]]] = [:]
    /// The known files in the order they were added, the scenario file first.
    private var files: [String] = []
    /// The errors so far, in the order reported.
    private var reported: [ScenarioError] = []
    /// The text of every file read through ``read(_:)``, in the order read.
    private(set) var filesRead = ConfigurationHash()
    /// The warnings so far, in the order reported.
    private var warned: [ScenarioError] = []

    /// Diagnostics for the scenario `file` whose text is `text`.
    init(file: String, text: String) {
        self.file = file
        add(file: file, text: text)
    }

    /// Registers the text of another file (an imported one), so positions inside its
    /// strings can be placed.
    func add(file path: String, text: String) {
        if !files.contains(path) { files.append(path) }
        lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array(line.unicodeScalars.last == "\r" ? line.unicodeScalars.dropLast() : line.unicodeScalars[...])
        }
    }

    /// The text of the file at `path` (a TaskRouter export or a trace), added to ``filesRead``.
    func read(_ path: String, limit: Int) throws(TextFile.Unreadable) -> String {
        let text = try TextFile.read(path, limit: limit)
        filesRead.add(file: text)
        return text
    }

    /// True when nothing has been reported.
    var isEmpty: Bool { reported.isEmpty }

    /// The errors file by file (the scenario file, then imported files in the order they
    /// were read), each in file order (line, then column); errors of override values, which
    /// have no line, come last in the order the overrides were given.
    var errors: [ScenarioError] { ordered(reported) }

    /// The warnings, in the same order as ``errors``.
    var warnings: [ScenarioError] { ordered(warned) }

    /// `list` file by file, each in file order, override values last.
    private func ordered(_ list: [ScenarioError]) -> [ScenarioError] {
        func key(_ error: ScenarioError, _ offset: Int) -> (Int, Int, Int, Int) {
            guard let line = error.line else { return (Int.max, Int.max, 0, offset) }
            return (files.firstIndex(of: error.file) ?? files.count, line, error.column ?? 0, offset)
        }
        return list.enumerated().sorted { key($0.element, $0.offset) < key($1.element, $1.offset) }.map(\.element)
    }

    /// Records `problem` at `location`, for the value at `path`.
    ///
    /// The same problem at the same place is kept once: settings copied to several places
    /// (`imported_workers`, given once for every imported worker) are validated at each.
    func report(_ problem: Problem, at location: SourceLocation, path: NodePath) {
        let error = error(problem, at: location, path: path)
        if !reported.contains(error) { reported.append(error) }
    }

    /// Records `problem` as a warning: something valid that cannot be what was meant.
    func warn(_ problem: Problem, at location: SourceLocation, path: NodePath) {
        let warning = error(problem, at: location, path: path)
        if !warned.contains(warning) { warned.append(warning) }
    }

    /// `problem` placed at `location`, for the value at `path`.
    private func error(_ problem: Problem, at location: SourceLocation, path: NodePath) -> ScenarioError {
        var message = problem.message
        let error: ScenarioError
        switch location {
        case .file(let source, let line, let column):
            error = ScenarioError(file: source, keyPath: path.description, line: line, column: column, message: message)
        case .embedded(let source, let line, let column, let innerLine, let innerColumn):
            message += Problem.insideString(line: innerLine, column: innerColumn)
            error = ScenarioError(file: source, keyPath: path.description, line: line, column: column, message: message)
        case .override(let key):
            error = ScenarioError(
                file: file, keyPath: path.description, line: nil, column: nil, message: message, overrideKey: key)
        }
        return error
    }

    /// The file position of `line`:`column` (1-based) of the text of the string scalar `node`,
    /// or nil when the string's text cannot be matched to the file there.
    ///
    /// Works for a single-line plain or quoted scalar written without escapes, and for the
    /// lines of a literal block (`|`); a folded block, escapes or a value from an override
    /// give nil.
    func fileLocation(inside node: DocumentNode, line: Int, column: Int) -> SourceLocation? {
        guard let scalar = node.scalar, case .file(let path, let nodeLine, let nodeColumn) = node.location,
            let lines = lines[path]
        else { return nil }
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
            return .file(path, line: fileLine, column: indent + column)
        case .plain, .singleQuoted, .doubleQuoted:
            guard textLines.count == 1, nodeLine <= lines.count else { return nil }
            let start = nodeColumn + (scalar.style == .plain ? 0 : 1)
            let source = lines[nodeLine - 1]
            guard start - 1 + wanted.count <= source.count,
                Array(source[(start - 1)..<(start - 1 + wanted.count)]) == wanted
            else { return nil }
            return .file(path, line: nodeLine, column: start + column - 1)
        case .folded:
            return nil
        }
    }
}
