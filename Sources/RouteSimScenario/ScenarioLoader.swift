/// Loads scenario files (YAML or JSON) into validated ``Scenario``s.
///
/// Every problem is collected and thrown at once as ``ScenarioErrors``: a file that cannot
/// be read or parsed is one error; otherwise each bad value is one error with its key path
/// and position. A scenario that loads carries its warnings (``ScenarioWarnings``).
public enum ScenarioLoader {
    /// Reads the file at `path`, applies `overrides` (in order) to its document tree,
    /// converts and validates it.
    ///
    /// JSON files go through the same YAML parser, so their errors have lines too.
    public static func load(path: String, overrides: [Override] = []) throws(ScenarioErrors) -> Scenario {
        let text: String
        do {
            text = try TextFile.read(path, limit: TextFile.documentLimit)
        } catch {
            let problem = Problem.unreadableFile(reason: error.reason)
            throw ScenarioErrors(errors: [
                ScenarioError(file: path, keyPath: "", line: nil, column: nil, message: problem.message)
            ])
        }
        return try load(text: text, path: path, overrides: overrides)
    }

    /// Like ``load(path:overrides:)`` for text already in memory; `path` is used in messages
    /// and to find the files `taskrouter:` imports (relative to its folder).
    ///
    /// Overrides of the keys the import reads (`taskrouter`, `imported_workers`,
    /// `worker_channels`) are applied before it, the others after it, so they can address
    /// imported resources like written ones (`task_queues.Spanish.task_order`).
    public static func load(text: String, path: String, overrides: [Override] = []) throws(ScenarioErrors) -> Scenario {
        let diagnostics = Diagnostics(file: path, text: text)
        var root: DocumentNode
        do {
            let start = SourceLocation.file(path, line: 1, column: 1)
            root = try DocumentComposer.compose(text) { .file(path, line: $0, column: $1) } ?? .emptyMapping(at: start)
        } catch {
            diagnostics.report(.syntax(error), at: .file(path, line: error.line, column: error.column), path: .root)
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        let readByImport = { (override: Override) in
            TaskRouterImporter.keys.contains(String(override.keyPath.prefix { $0 != "." }))
        }
        for override in overrides where readByImport(override) {
            OverrideApplier.apply(override, to: &root, diagnostics: diagnostics)
        }
        guard TaskRouterImporter.run(on: &root, scenarioPath: path, diagnostics: diagnostics) else {
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        for override in overrides where !readByImport(override) {
            OverrideApplier.apply(override, to: &root, diagnostics: diagnostics)
        }
        let result = ScenarioReader.read(Field(node: root, path: .root, diagnostics: diagnostics))
        guard let result, diagnostics.isEmpty else {
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        var configuration = diagnostics.filesRead
        configuration.add(document: root)
        return Scenario(
            spec: result.spec, path: path, variants: result.variants, configuration: configuration,
            warnings: diagnostics.warnings, workerKeys: workerKeys(root["workers"]),
            assignmentCallbacks: result.callbacks)
    }

    /// The keys of each group under `workers:` as YAML flow text, by group name.
    private static func workerKeys(_ workers: DocumentNode?) -> [String: [(key: String, yaml: String)]] {
        guard case .sequence(let groups)? = workers?.content else { return [:] }
        var keys: [String: [(key: String, yaml: String)]] = [:]
        for group in groups {
            guard case .mapping(let entries) = group.content, let name = group["group"]?.scalar?.text else { continue }
            keys[name] = entries.map { ($0.key, $0.value.yamlText) }
        }
        return keys
    }
}
