/// How a live run (``Simulation/startLive(sink:)``) numbers the attribute sets of tasks
/// created through the REST API: by the top-level attributes that the workspace's
/// expressions read, not whole.
///
/// Real tasks carry attributes unique to each (a call SID, a phone number) that no
/// expression reads; keeping them out of the key keeps the routing table's size at the
/// number of distinct routing-relevant sets. Two tasks with the same key are routed alike
/// by every filter, target expression and known-worker attribute.
struct LiveProfiles {
    /// The top-level task attributes the expressions read; nil when one reads the task
    /// whole, so that sets are interned whole.
    let keys: Set<String>?
    /// The profile of each routing key met so far.
    var profiles: [AttributeValue: Int32] = [:]

    /// Collects the keys that `workspace`'s filter expressions, target expressions and
    /// known-worker attributes read. O(size of the workflows).
    init(workspace: Workspace) {
        var keys: Set<String>? = []
        func read(_ found: Set<String>?) {
            guard let found else { return keys = nil }
            keys?.formUnion(found)
        }
        for workflow in workspace.workflows {
            for filter in workflow.filters {
                read(filter.expression.keys(readFrom: .attributes))
                for target in filter.targets { read(Self.keys(of: target)) }
            }
            if let fallback = workflow.defaultFilter { read(Self.keys(of: fallback)) }
        }
        self.keys = keys
    }

    /// The task keys a target reads: its expression's and its known-worker attribute's.
    private static func keys(of target: WorkflowTarget) -> Set<String>? {
        var keys = target.expression.map { $0.keys(readFrom: .task) } ?? []
        if let attribute = target.knownWorker?.taskAttribute.first { keys?.insert(attribute) }
        return keys
    }

    /// `attributes` narrowed to the keys expressions read: what a task is routed by.
    /// O(attributes).
    func routingKey(of attributes: AttributeValue) -> AttributeValue {
        guard let keys, case .object(let members) = attributes else { return attributes }
        return .object(members.filter { keys.contains($0.key) })
    }
}
