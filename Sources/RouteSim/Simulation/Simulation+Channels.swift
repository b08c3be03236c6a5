extension Simulation {
    /// The channels among `open` the workers of `group` have capacity on, ascending.
    static func channels(of group: WorkerGroup, open: [Bool]) -> [Int32] {
        group.capacities.prefix(open.count).indices.filter { group.capacities[$0] > 0 && open[$0] }.map(Int32.init)
    }

    /// Opens channel `c` when its first task appears: files every ready worker with capacity
    /// on it in its ready heaps, and from then on keeps them there as on every open channel.
    ///
    /// Until then no worker is filed for `c`: workers have a capacity on every channel by
    /// default, and keeping them in the heaps of channels no task uses would cost every
    /// change of a worker's state a heap insertion per such channel. Opening later changes
    /// nothing a task sees: an idle entry is ordered by idle time and worker, not by when it
    /// was filed, and no task of `c` was pending before. O(workers x queues x log n).
    mutating func openChannel(_ c: Int) {
        guard !channelOpen[c] else { return }
        channelOpen[c] = true
        groupChannels = GroupLists(spec.workerGroups.map { Self.channels(of: $0, open: channelOpen) })
        for w in workers.indices where workerChannels[workerChannel(w, c)].capacity > 0 {
            fileIdle(w, channel: c)
        }
    }
}
