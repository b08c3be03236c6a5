import RouteSim

/// Reads a workflow `configuration`, TaskRouter's routing document, given as a string of
/// its JSON or as the same structure in YAML.
///
/// Queues are named by friendly name or SID. The first target of a filter must name a
/// queue; later targets without one inherit the previous target's. Numbers may be numeric
/// strings (`"priority": "10"`), as TaskRouter accepts.
enum WorkflowConfigurationReader {
    static let filterKeys = ["filter_friendly_name", "expression", "targets"]
    static let targetKeys = [
        "queue", "priority", "timeout", "expression", "order_by", "skip_if", "known_worker_sid",
        "known_worker_friendly_name",
    ]
    static let defaultFilterKeys = ["queue", "priority", "expression"]

    /// The filters and the default filter; nil when the document's shape is wrong.
    static func read(_ field: Field, queues: NameTable) -> (filters: [WorkflowFilter], defaultFilter: WorkflowTarget?)? {
        guard let document = field.parsedIfString(), let top = document.mapping(keys: ["task_routing"]),
            let routingField = top.required("task_routing"),
            let routing = routingField.mapping(keys: ["filters", "default_filter"])
        else { return nil }
        var filters: [WorkflowFilter] = []
        if let filtersField = routing.optional("filters"), let items = filtersField.items(expected: "a list of filters") {
            filters = items.compactMap { filter($0, queues: queues) }
        }
        var defaultFilter: WorkflowTarget?
        if let defaultField = routing.optional("default_filter"), let map = defaultField.mapping(keys: defaultFilterKeys) {
            defaultFilter = map.required("queue").flatMap(queues.resolve).map { queue in
                WorkflowTarget(
                    queue: queue, priority: priority(map),
                    expression: map.optional("expression")?.expression(.taskAndWorker, parameter: "default_filter"))
            }
        }
        if routing.optional("filters")?.node.isEmptyList ?? true, !routing.has("default_filter") {
            routingField.report(.needsOneOf(["filters", "default_filter"]))
        }
        return (filters, defaultFilter)
    }

    /// One filter; nil when it cannot be used.
    private static func filter(_ field: Field, queues: NameTable) -> WorkflowFilter? {
        guard let map = field.mapping(keys: filterKeys) else { return nil }
        let name = map.optional("filter_friendly_name")?.string()
        let expression = map.required("expression")?.expression(.attributes, parameter: "filter")
        guard let targetsField = map.required("targets"), let items = targetsField.items(expected: "a list of targets")
        else { return nil }
        if items.isEmpty {
            targetsField.report(.expected("at least one target", found: "an empty list"))
        }
        var targets: [WorkflowTarget] = []
        var inherited: Int?
        var resolvable = true
        for (index, item) in items.enumerated() {
            guard let targetMap = item.mapping(keys: targetKeys) else {
                resolvable = false
                continue
            }
            var queue: Int?
            if let queueField = targetMap.optional("queue") {
                queue = queues.resolve(queueField)
            } else if index == 0 {
                item.diagnostics.report(
                    .missingKey("queue", reason: "the first target of a filter must name a queue"),
                    at: item.node.location, path: item.path.appending("queue"))
            } else {
                queue = inherited
            }
            if let target = target(targetMap, queue: queue) {
                targets.append(target)
            } else {
                resolvable = false
            }
            inherited = queue
        }
        guard let expression, resolvable, !targets.isEmpty else { return nil }
        return WorkflowFilter(friendlyName: name, expression: expression, targets: targets)
    }

    /// One target on `queue`; every key is read (and its problems reported) even when the
    /// queue is unknown.
    private static func target(_ map: FieldMap, queue: Int?) -> WorkflowTarget? {
        let priority = priority(map)
        let timeout = map.optional("timeout")?.integer(in: 1...1_209_600)
        let expression = map.optional("expression")?.expression(.taskAndWorker, parameter: "target")
        let orderBy = map.optional("order_by").flatMap(orderBy) ?? []
        let skipIf = map.optional("skip_if")?.expression(.workerCounts, parameter: "skip_if")
        let knownWorker = knownWorker(map)
        guard let queue else { return nil }
        return WorkflowTarget(
            queue: queue, priority: priority, timeout: timeout.map(Double.init), expression: expression,
            orderBy: orderBy, skipIf: skipIf, knownWorker: knownWorker)
    }

    /// `priority`: 0...2,147,483,647, a number or a numeric string.
    private static func priority(_ map: FieldMap) -> Int? {
        map.optional("priority")?.integer(in: 0...Int(Int32.max))
    }

    /// `order_by`: `worker.<attribute> ASC|DESC` clauses separated by commas; the direction
    /// defaults to ASC and is case-insensitive.
    private static func orderBy(_ field: Field) -> [OrderByClause]? {
        guard let text = field.string(expected: "order_by clauses") else { return nil }
        var clauses: [OrderByClause] = []
        for clause in text.split(separator: ",", omittingEmptySubsequences: false) {
            let words = clause.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let direction = words.count == 2 ? words[1].uppercased() : "ASC"
            guard (1...2).contains(words.count), direction == "ASC" || direction == "DESC",
                let path = attributePath(String(words[0]), prefix: "worker")
            else {
                field.report(.expected(
                    "order_by clauses like \"worker.level DESC, worker.age ASC\"", found: field.node.found))
                return nil
            }
            clauses.append(OrderByClause(path: path, descending: direction == "DESC"))
        }
        return clauses
    }

    /// `known_worker_sid` or `known_worker_friendly_name`: `task.<attribute>`; not both.
    private static func knownWorker(_ map: FieldMap) -> KnownWorker? {
        let given = map.present([KnownWorker.Field.sid.rawValue, KnownWorker.Field.friendlyName.rawValue])
        if given.count > 1 {
            map.field.report(.exclusive(given))
            return nil
        }
        guard let key = given.first, let field = KnownWorker.Field(rawValue: key), let valueField = map.optional(key),
            let text = valueField.string(expected: "a task attribute reference")
        else { return nil }
        guard let path = attributePath(text, prefix: "task") else {
            valueField.report(.expected("a task attribute reference like \"task.agent_sid\"", found: valueField.node.found))
            return nil
        }
        return KnownWorker(field: field, taskAttribute: path)
    }

    /// The attribute path of `prefix.a.b`, identifiers as TaskRouter's expressions allow.
    private static func attributePath(_ text: String, prefix: String) -> [String]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == prefix,
            parts.dropFirst().allSatisfy(isIdentifier)
        else { return nil }
        return Array(parts.dropFirst())
    }

    /// An identifier of TaskRouter's expressions: a letter or `_`, then letters, digits, `_`, `$`.
    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }
    }
}
