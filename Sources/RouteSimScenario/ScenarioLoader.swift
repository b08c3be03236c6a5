import Foundation

/// Loads scenario files (YAML or JSON) into validated ``Scenario``s.
///
/// Every problem is collected and thrown at once as ``ScenarioErrors``: a file that cannot
/// be read or parsed is one error; otherwise each bad value is one error with its key path
/// and position.
public enum ScenarioLoader {
    /// Reads the file at `path`, applies `overrides` (in order) to its document tree,
    /// converts and validates it.
    ///
    /// JSON files go through the same YAML parser, so their errors have lines too.
    public static func load(path: String, overrides: [Override] = []) throws(ScenarioErrors) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "not readable UTF-8 text" : "no such file"
            let problem = Problem.unreadableFile(reason: reason)
            throw ScenarioErrors(errors: [
                ScenarioError(file: path, keyPath: "", line: nil, column: nil, message: problem.message)
            ])
        }
        return try load(text: text, path: path, overrides: overrides)
    }

    /// Like ``load(path:overrides:)`` for text already in memory; `path` is only used in messages.
    public static func load(text: String, path: String, overrides: [Override] = []) throws(ScenarioErrors) -> Scenario {
        let diagnostics = Diagnostics(file: path, text: text)
        var root: DocumentNode
        do {
            let start = SourceLocation.file(line: 1, column: 1)
            root = try DocumentComposer.compose(text) { .file(line: $0, column: $1) } ?? .emptyMapping(at: start)
        } catch {
            diagnostics.report(.syntax(error), at: .file(line: error.line, column: error.column), path: .root)
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        for override in overrides {
            OverrideApplier.apply(override, to: &root, diagnostics: diagnostics)
        }
        let result = ScenarioReader.read(Field(node: root, path: .root, diagnostics: diagnostics))
        guard let result, diagnostics.isEmpty else {
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        return Scenario(spec: result.spec, path: path, variants: result.variants)
    }
}
