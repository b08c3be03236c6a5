/// Reads `taskrouter:`, files holding TaskRouter REST API responses, and puts what they
/// hold into the scenario document in place of the sections they replace, written as the
/// scenario's own keys (``APIResource``). The section readers then validate imported
/// resources exactly as written ones, and a problem is placed in its JSON file, with its
/// line, column and JSON path there.
///
/// File paths are relative to the scenario file's folder. A list file is a list response
/// `{"<key>": [...], "meta": {...}}` or a bare JSON list (what `twilio …:list -o json`
/// writes); a list of files (the pages of a large list) is read in order, and the last must
/// be the last page. The workspace file is the object, or a list of just it. Field names are
/// the API's (`friendly_name`) or the CLI's (`friendlyName`). Imported workers become groups
/// of one worker keeping its SID and friendly name, with the capacities of their
/// WorkerChannels when ``ExportedWorkerChannels`` reads them; ``ImportedWorkers`` adds what
/// the API does not say.
enum TaskRouterImporter {
    /// The top-level keys the import reads; overrides of them are applied before it.
    static let keys = ["taskrouter", ImportedWorkers.settingsKey, ImportedWorkers.channelsKey]

    /// Imports the files `root`'s `taskrouter:` names; `scenarioPath` is the scenario file
    /// as given. Returns false when a file could not be imported or a section is both
    /// given and imported (each reported): the scenario is then not read further, since
    /// much of it would refer to what is missing.
    static func run(on root: inout DocumentNode, scenarioPath: String, diagnostics: Diagnostics) -> Bool {
        guard case .mapping(var entries) = root.content else { return true }
        let top = FieldMap(field: Field(node: root, path: .root, diagnostics: diagnostics), entries: entries)
        let importField = top.optional("taskrouter")
        if importField?.node["workers"].map({ !$0.isNull }) != true {
            for key in [ImportedWorkers.settingsKey, ImportedWorkers.channelsKey] {
                top.optional(key)?.report(.needsWorkerImport(key: key))
            }
        }
        guard let importField else { return true }
        let keys = APIResource.allCases.map(\.section) + [ExportedWorkerChannels.key]
        guard let files = importField.mapping(keys: keys) else { return false }
        var imported = true
        let workerChannels = files.optional(ExportedWorkerChannels.key)
        if let workerChannels, !files.has(APIResource.workers.section) {
            workerChannels.report(.needsWorkerImport(key: "taskrouter." + ExportedWorkerChannels.key))
            imported = false
        }
        for resource in APIResource.allCases {
            guard let pathsField = files.optional(resource.section) else { continue }
            let channels = resource == .workers ? workerChannels : nil
            guard let section = read(
                resource, from: pathsField, root: top, workerChannels: channels, scenarioPath: scenarioPath)
            else {
                imported = false
                continue
            }
            let entry = DocumentNode.Entry(key: resource.section, keyLocation: pathsField.node.location, value: section)
            guard let index = entries.firstIndex(where: { $0.key == resource.section }) else {
                entries.append(entry)
                continue
            }
            guard entries[index].value.isNull else {
                var line: Int?
                if case .file(_, let importLine, _) = pathsField.node.location { line = importLine }
                diagnostics.report(
                    .importConflict(section: resource.section, line: line), at: entries[index].keyLocation,
                    path: NodePath.root.appending(resource.section))
                imported = false
                continue
            }
            entries[index] = entry
        }
        root.content = .mapping(entries)
        return imported
    }

    /// The scenario section made from the file (or files) `field` names, with the settings
    /// `root` gives imported workers and their channels from the files `workerChannels`
    /// names; nil when a file cannot be used (reported).
    private static func read(
        _ resource: APIResource, from field: Field, root: FieldMap, workerChannels: Field?, scenarioPath: String
    ) -> DocumentNode? {
        guard let listKey = resource.listKey else {
            guard let document = load(field, scenarioPath: scenarioPath) else { return nil }
            var object = Field(node: document, path: .root, diagnostics: field.diagnostics)
            if case .sequence(let nodes) = document.content, nodes.count == 1, let only = object.items()?.first {
                object = only
            }
            guard case .mapping = object.node.content else {
                object.report(.expected("a Workspace object (the JSON of GET /v1/Workspaces/WS…)", found: object.node.found))
                return nil
            }
            return translate(object, resource)
        }
        guard let pages = files(field) else { return nil }
        var translated: [DocumentNode?] = []
        var complete = true
        for (number, page) in pages.enumerated() {
            guard let document = load(page, scenarioPath: scenarioPath),
                let items = items(
                    of: document, apiName: resource.apiName, listKey: listKey, lastPage: number == pages.count - 1, field: page)
            else {
                complete = false
                continue
            }
            translated += items.map { translate($0, resource) }
        }
        guard complete else { return nil }
        var section = translated.compactMap { $0 }
        if resource == .workers {
            let allNamed = section.count == translated.count
            if let workerChannels {
                guard ExportedWorkerChannels.apply(
                    to: &section, from: workerChannels, allNamed: allNamed, scenarioPath: scenarioPath)
                else { return nil }
            }
            ImportedWorkers.apply(to: &section, root: root, allNamed: allNamed)
        }
        return DocumentNode(content: .sequence(section), location: field.node.location, origin: field.path)
    }

    /// The file fields of `field`: the one path it holds, or the paths of its list; nil for
    /// an empty list (reported).
    static func files(_ field: Field) -> [Field]? {
        guard case .sequence = field.node.content else { return [field] }
        guard let items = field.items(), !items.isEmpty else {
            field.report(.expected("the path of a JSON file, or a list of them", found: "an empty list"))
            return nil
        }
        return items
    }

    /// The JSON document of the file whose path `field` holds; nil when the file cannot be
    /// read or parsed (reported).
    static func load(_ field: Field, scenarioPath: String) -> DocumentNode? {
        guard let relative = field.string(expected: "the path of a JSON file") else { return nil }
        let path = TextFile.path(relative, nextTo: scenarioPath)
        let text: String
        do {
            text = try field.diagnostics.read(path, limit: TextFile.documentLimit)
        } catch {
            field.report(.unreadableImport(path: path, reason: error.reason))
            return nil
        }
        field.diagnostics.add(file: path, text: text)
        do {
            guard let document = try DocumentComposer.compose(text, locate: { .file(path, line: $0, column: $1) }) else {
                field.report(.expected("the JSON of a TaskRouter API response in \"\(path)\"", found: "an empty file"))
                return nil
            }
            return document
        } catch {
            field.diagnostics.report(
                .importSyntax(error), at: .file(path, line: error.line, column: error.column), path: .root)
            return nil
        }
    }

    /// The items of one list file of the API `apiName`, a bare list or a list response
    /// whose items are under `listKey`; nil (reported) for any other shape. On the
    /// `lastPage`, a response's `meta.next_page_url` must be null.
    static func items(
        of document: DocumentNode, apiName: String, listKey: String, lastPage: Bool, field: Field
    ) -> [Field]? {
        let top = Field(node: document, path: .root, diagnostics: field.diagnostics)
        let expected = "a list response of TaskRouter's \(apiName) API ({\"\(listKey)\": [...], \"meta\": {...}}) "
            + "or a JSON list"
        guard case .mapping(let entries) = document.content else { return top.items(expected: expected) }
        let response = FieldMap(field: top, entries: entries)
        if lastPage, let meta = response.optional("meta"), case .mapping(let metaEntries) = meta.node.content,
            let next = FieldMap(field: meta, entries: metaEntries).optional("next_page_url")
        {
            next.report(.notLastPage(resource: apiName))
        }
        let reason = "the items of a list response of TaskRouter's \(apiName) API; or give a bare JSON list"
        return response.required(listKey, reason: reason)?.items(expected: expected)
    }

    /// One API object as an item of its scenario section, each value shown under its JSON
    /// path; a worker also gets `count: 1`. Not a map: unchanged, for the section reader to
    /// report. Nil for a worker without `friendly_name` (reported: it names the group).
    private static func translate(_ item: Field, _ resource: APIResource) -> DocumentNode? {
        guard case .mapping(let fields) = item.node.content else { return item.node.moved(from: item.path) }
        var entries: [DocumentNode.Entry] = []
        for source in resource.sources {
            guard let field = source.fields.lazy.compactMap({ entry($0, in: fields) }).first else { continue }
            entries.append(DocumentNode.Entry(
                key: source.key, keyLocation: field.keyLocation, value: field.value.moved(from: item.path.appending(field.key))))
        }
        if resource == .workers {
            guard entries.contains(where: { $0.key == "group" }) else {
                item.diagnostics.report(
                    .missingKey("friendly_name", reason: nil), at: item.node.location, path: item.path.appending("friendly_name"))
                return nil
            }
            let one = DocumentNode(content: .scalar(.init(text: "1", kind: .int, style: .plain)), location: item.node.location)
            entries.append(DocumentNode.Entry(key: "count", keyLocation: item.node.location, value: one))
        }
        return DocumentNode(content: .mapping(entries), location: item.node.location, origin: item.path)
    }

    /// The field `name` of an API object's `fields`, spelled as the API does or as twilio
    /// CLI's JSON output does; nil when absent or null.
    static func entry(_ name: String, in fields: [DocumentNode.Entry]) -> DocumentNode.Entry? {
        fields.first { ($0.key == name || $0.key == camelCase(name)) && !$0.value.isNull }
    }

    /// An API field's name as twilio CLI's JSON output spells it: `friendly_name` → `friendlyName`.
    private static func camelCase(_ name: String) -> String {
        let words = name.split(separator: "_")
        return words.prefix(1).joined() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
