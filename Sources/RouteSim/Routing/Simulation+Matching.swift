import RouteSimKernel

/// Who gets which task (docs/taskrouter-fidelity.md, Matching).
///
/// The engine keeps one invariant between events: no pending task has a ready worker it
/// could be offered to. So a newly pending task only needs the workers ready now
/// (``assignTask(_:)``), and a worker that became ready only needs the tasks pending now
/// (``fillWorker(_:)``). Both sides are heaps per (queue, channel) with lazy deletion:
/// entries carry a stamp and are dropped when it is stale.
extension Simulation {
    /// Whether worker `w` can be offered a task of `channel` now: an available activity,
    /// a capacity on an available worker channel, and a free unit of it (multitasking, where a pending
    /// reservation already holds one) or nothing in flight at all (single-tasking).
    /// Always inlined: called from mutating code, a call would copy the whole engine.
    @inline(__always)
    func isReady(_ w: Int, channel: Int) -> Bool {
        let state = workerChannels[workerChannel(w, channel)]
        guard state.capacity > 0, state.available, activityAvailable[Int(workers[w].activity)] else { return false }
        return multiTask ? state.active < state.capacity : workers[w].activeTotal == 0
    }

    /// Re-files worker `w` in the idle heaps of its queues after its readiness or idle
    /// time may have changed: older entries go stale. O(channels x queues x log n).
    mutating func touchWorker(_ w: Int) {
        let group = workers[w].group
        for position in groupChannels.range(group: group) {
            fileIdle(w, channel: Int(groupChannels[position]))
        }
    }

    /// Re-files worker `w` in the idle heaps of channel `c` of its queues: its older entries
    /// there go stale. O(queues x log n).
    @inline(__always)
    mutating func fileIdle(_ w: Int, channel c: Int) {
        workerChannels[workerChannel(w, c)].readyStamp &+= 1
        guard isReady(w, channel: c) else { return }
        let entry = idleEntry(w, channel: c)
        for q in routing.memberQueues.range(group: workers[w].group) {
            let queue = Int(routing.memberQueues[q])
            let k = queue * channelCount + c
            idle[k].insert(entry)
            if idle[k].count > 2 * queueWorkerCount[queue] + 64 { compactIdle(k, channel: c) }
        }
    }

    /// Worker `w`'s entry in the idle heaps of channel `c`, valid until its readiness
    /// changes: idle since its last reservation (on the channel, if the channel is
    /// optimized). Always inlined, as ``isReady(_:channel:)``.
    @inline(__always)
    func idleEntry(_ w: Int, channel c: Int) -> IdleEntry {
        let i = workerChannel(w, c)
        return IdleEntry(
            idleSince: channelOptimized[c] ? workerChannels[i].lastReservedAt : workers[w].lastReservedAt,
            worker: Int32(w), stamp: workerChannels[i].readyStamp)
    }

    /// Drops the stale entries of idle heap `k`. O(n).
    private mutating func compactIdle(_ k: Int, channel c: Int) {
        let valid = idle[k].unordered.filter { workerChannels[workerChannel(Int($0.worker), c)].readyStamp == $0.stamp }
        idle[k] = MinHeap(valid)
    }

    /// Makes a task pending in its queue: offers it to the ready workers, and files it in
    /// the queue's pending heap when none took it (a taken task's entry would only go stale).
    mutating func makePending(_ slot: Int) {
        tasks[slot].status = .pending
        tasks[slot].pendingStamp &+= 1
        let queue = Int(tasks[slot].queue)
        let k = queue * channelCount + Int(tasks[slot].channel)
        pendingLive[k] += 1
        let stamp = tasks[slot].pendingStamp
        assignTask(slot)
        guard tasks[slot].pendingStamp == stamp else { return }
        pending[k].insert(pendingEntry(slot))
        if pending[k].count > 2 * pendingLive[k] + 64 {
            pending[k] = MinHeap(pending[k].unordered.filter { tasks[Int($0.slot)].pendingStamp == $0.stamp })
        }
    }

    /// Pending task `slot`'s entry in its queue's pending heap, ranked by the queue's
    /// `task_order`, valid until its pending stamp changes. Always inlined, as
    /// ``isReady(_:channel:)``.
    @inline(__always)
    func pendingEntry(_ slot: Int) -> PendingEntry {
        let policy = queuePolicies[Int(tasks[slot].queue)]
        let stamp = tasks[slot].pendingStamp
        switch policy.order {
        case .fifo:
            return PendingEntry(
                kindRank: policy.kindRank, priorityRank: -tasks[slot].priority, ageRank: tasks[slot].createdAt,
                sequence: tasks[slot].ordinal, slot: Int32(slot), stamp: stamp)
        case .lifo:
            return PendingEntry(
                kindRank: policy.kindRank, priorityRank: 0, ageRank: -tasks[slot].createdAt,
                sequence: -tasks[slot].ordinal, slot: Int32(slot), stamp: stamp)
        }
    }

    /// Takes a task out of its pending heap (lazily: its entry goes stale).
    mutating func removePending(_ slot: Int) {
        tasks[slot].pendingStamp &+= 1
        pendingLive[Int(tasks[slot].queue) * channelCount + Int(tasks[slot].channel)] -= 1
    }

    /// Offers a pending task to the ready members of its queue that its target admits, up
    /// to the queue's `max_reserved_workers`: the known worker only, if the target names
    /// one; else by the target's `order_by`, then longest idle.
    mutating func assignTask(_ slot: Int) {
        let target = tasks[slot].target
        let profile = tasks[slot].profile
        let queue = tasks[slot].queue
        let channel = Int(tasks[slot].channel)
        if let known = routing.knownWorker(target: target, profile: profile) {
            let w = Int(known)
            guard known >= 0, isReady(w, channel: channel),
                  routing.isMember(group: workers[w].group, of: queue),
                  admits(target: target, profile: profile, worker: w) else { return }
            removePending(slot)
            reserve(slot, worker: w)
            return
        }
        let k = Int(queue) * channelCount + channel
        let wanted = queuePolicies[Int(queue)].maxReservedWorkers
        chosenScratch.removeAll()
        idleScratch.removeAll()
        if routing.ordersWorkers(target: target) {
            chooseOrdered(target: target, profile: profile, channel: channel, heap: k, count: wanted)
        } else {
            while chosenScratch.count < wanted, let entry = popValidIdle(k, channel: channel) {
                if admits(target: target, profile: profile, worker: Int(entry.worker)) {
                    chosenScratch.append(entry.worker)
                } else {
                    idleScratch.append(entry)
                }
            }
        }
        for entry in idleScratch { idle[k].insert(entry) }
        guard !chosenScratch.isEmpty else { return }
        removePending(slot)
        for index in chosenScratch.indices {
            guard reserve(slot, worker: Int(chosenScratch[index])) else { return }
        }
    }

    /// The smallest valid entry of idle heap `k`, removed; stale entries are dropped.
    private mutating func popValidIdle(_ k: Int, channel c: Int) -> IdleEntry? {
        while let entry = idle[k].popMin() {
            if workerChannels[workerChannel(Int(entry.worker), c)].readyStamp == entry.stamp {
                assert(isReady(Int(entry.worker), channel: c), "a valid idle entry names a worker that is not ready")
                if prefetches { prefetchIdleHead(k, channel: c) }
                return entry
            }
        }
        return nil
    }

    /// Chooses up to `count` admitted ready workers by the target's `order_by`, then
    /// longest idle, then worker index. Searches every ready worker of the heap: O(n log n).
    private mutating func chooseOrdered(target: Int32, profile: Int32, channel: Int, heap k: Int, count: Int) {
        var candidates: [(entry: IdleEntry, admitted: Bool)] = []
        while let entry = popValidIdle(k, channel: channel) {
            candidates.append((entry, admits(target: target, profile: profile, worker: Int(entry.worker))))
        }
        candidates.sort { a, b in
            if a.admitted != b.admitted { return a.admitted }
            let before = routing.ordersBefore(
                target: target, workers[Int(a.entry.worker)].group, workers[Int(b.entry.worker)].group)
            return before ?? (a.entry < b.entry)
        }
        for candidate in candidates {
            if candidate.admitted, chosenScratch.count < count {
                chosenScratch.append(candidate.entry.worker)
            } else {
                idleScratch.append(candidate.entry)
            }
        }
    }

    /// Whether a task at target `target` with attribute profile `profile` lets worker `w`
    /// (a member of its queue) take it: the known worker if the target names one, and the
    /// target's expression. Always inlined, as ``isReady(_:channel:)``.
    @inline(__always)
    func admits(target: Int32, profile: Int32, worker w: Int) -> Bool {
        if let known = routing.knownWorker(target: target, profile: profile), known != Int32(w) {
            return false
        }
        return routing.admits(target: target, profile: profile, group: workers[w].group)
    }

    /// Offers worker `w` the best pending tasks of its queues (by TaskRouter's task
    /// precedence across queues) while it stays ready. Returns whether it reserved any
    /// (each reservation re-files the worker in the idle heaps).
    @discardableResult
    mutating func fillWorker(_ w: Int) -> Bool {
        let group = workers[w].group
        let queues = routing.memberQueues.range(group: group)
        let channels = groupChannels.range(group: group)
        var reserved = false
        while true {
            var best: PendingEntry?
            for position in channels {
                let c = Int(groupChannels[position])
                guard isReady(w, channel: c) else { continue }
                for q in queues {
                    let k = Int(routing.memberQueues[q]) * channelCount + c
                    guard pendingLive[k] > 0, let entry = bestPending(k, worker: w) else { continue }
                    if best.map({ entry < $0 }) ?? true { best = entry }
                }
            }
            guard let best else { return reserved }
            let slot = Int(best.slot)
            removePending(slot)
            if reserve(slot, worker: w) { reserved = true }
        }
    }

    /// The first valid entry of pending heap `k` whose target admits worker `w`, left in
    /// the heap. Pops stale entries for good; entries searched past are put back.
    private mutating func bestPending(_ k: Int, worker w: Int) -> PendingEntry? {
        pendingScratch.removeAll()
        var found: PendingEntry?
        while let entry = pending[k].min {
            let slot = Int(entry.slot)
            if tasks[slot].pendingStamp != entry.stamp {
                _ = pending[k].popMin()
                continue
            }
            if admits(target: tasks[slot].target, profile: tasks[slot].profile, worker: w) {
                found = entry
                break
            }
            pendingScratch.append(pending[k].removeMin())
        }
        for entry in pendingScratch { pending[k].insert(entry) }
        return found
    }
}
