/// How a live run (``Simulation/startLive(sink:)``) numbers the attribute sets of tasks
/// created through the REST API: by the top-level attributes that the workspace's
/// expressions read, not whole.
///
/// Real tasks carry attributes unique to each (a call SID, a phone number) that no
/// expression reads; keeping them out of the key keeps the routing table's size at the
/// number of distinct routing-relevant sets. Two tasks with the same key are routed alike
/// by every filter, target expression and known-worker attribute.
///
/// A profile lives while a task in flight uses it: when its last task ends it is given to
/// the next new key, so the table holds at most as many live profiles as there have been
/// distinct keys in flight at once, even when an expression reads a key unique to each task.
struct LiveProfiles {
    /// The top-level task attributes the expressions read; nil when one reads the task
    /// whole, so that sets are interned whole. They only grow: a workflow configured while
    /// the run goes adds those its expressions read (``read(_:)``).
    private(set) var keys: Set<String>? = []
    /// The first profile of the live run's own; those below are the arrival streams'.
    let first: Int32
    /// The profile of each routing key a task in flight uses.
    private var profiles: [AttributeValue: Int32] = [:]
    /// Per live profile (from ``first``), its routing key and the tasks in flight using it.
    private var keyOf: [AttributeValue] = []
    private var users: [Int] = []
    /// Live profiles no task in flight uses, the last freed given first.
    private var free: [Int32] = []

    /// Collects the keys that `workspace`'s filter expressions, target expressions and
    /// known-worker attributes read; the live profiles start at `first`. O(size of the workflows).
    init(workspace: Workspace, first: Int) {
        self.first = Int32(first)
        for workflow in workspace.workflows { read(workflow) }
    }

    /// Adds the keys that `workflow`'s filter expressions, target expressions and
    /// known-worker attributes read. A key added later leaves the profiles of tasks in
    /// flight as they were: a new task's narrowed attributes then differ from theirs
    /// unless the new key is missing from both, when they route alike. O(size of the workflow).
    mutating func read(_ workflow: Workflow) {
        func add(_ found: Set<String>?) {
            guard let found else { return keys = nil }
            keys?.formUnion(found)
        }
        for filter in workflow.filters {
            add(filter.expression.keys(readFrom: .attributes))
            for target in filter.targets { add(Self.keys(of: target)) }
        }
        if let fallback = workflow.defaultFilter { add(Self.keys(of: fallback)) }
    }

    /// The live profiles made so far, used or free.
    var count: Int { keyOf.count }

    /// The profile of `key` for one more task in flight, when a task in flight uses it.
    /// O(key).
    mutating func use(_ key: AttributeValue) -> Int32? {
        guard let profile = profiles[key] else { return nil }
        users[Int(profile - first)] += 1
        return profile
    }

    /// A profile for `key`, which no task in flight uses, for one task: a freed one (whose
    /// routing answers the caller must make again, `reused` true) or the next new one.
    mutating func assign(_ key: AttributeValue) -> (profile: Int32, reused: Bool) {
        if let profile = free.popLast() {
            keyOf[Int(profile - first)] = key
            users[Int(profile - first)] = 1
            profiles[key] = profile
            return (profile, true)
        }
        let profile = first + Int32(keyOf.count)
        keyOf.append(key)
        users.append(1)
        profiles[key] = profile
        return (profile, false)
    }

    /// A task of `profile` ended; a live profile no task uses any more is freed. O(key).
    mutating func release(_ profile: Int32) {
        guard profile >= first else { return }
        let index = Int(profile - first)
        users[index] -= 1
        if users[index] == 0 {
            profiles[keyOf[index]] = nil
            free.append(profile)
        }
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
