import RouteSim

/// The events of a workspace's engine that wait to be sent to its `EventCallbackUrl`: those
/// of the types its `EventsFilter` names (all when it names none), none when it has no URL.
///
/// ``TwinEventLog`` puts every event it records here; the ``Twin`` takes them out after each
/// request or clock step that moved the engine, renders them against the workspace and hands
/// them to ``TwinEventCallbacks``. At most ``limit`` wait: the events beyond are counted in
/// ``overflow`` and never sent, so one long clock move keeps its memory bounded.
final class TwinEventOutbox {
    /// The events that wait, oldest first.
    private var events: [EventRecord] = []
    /// The forwarded event types, one bit per ``TaskRouterEventType/rawValue``; 0 when off.
    private var mask: UInt64 = 0
    /// Events of a forwarded type that found ``events`` full since the last ``take()``.
    private var overflow = 0
    /// How many events wait at most: as many as ``TwinEventCallbacks`` queues.
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Forwards what `workspace` asks for from now on: its `EventsFilter`'s types when it has
    /// an `EventCallbackUrl`, nothing otherwise (an empty one, as a client clears it, is none).
    func follow(_ workspace: TwinWorkspace) {
        guard workspace.eventCallbackUrl?.isEmpty == false else {
            mask = 0
            return
        }
        let names = workspace.eventsFilter.map(TwinWorkspace.eventTypes) ?? []
        let types = names.isEmpty ? TaskRouterEventType.allCases : names.compactMap(TaskRouterEventType.init(name:))
        mask = types.reduce(0) { $0 | 1 << UInt64($1.rawValue) }
    }

    /// Keeps `event` if its type is forwarded.
    @inline(__always)
    func offer(_ event: EventRecord) {
        guard mask & 1 << UInt64(event.type.rawValue) != 0 else { return }
        if events.count < limit { events.append(event) } else { overflow += 1 }
    }

    /// The events that waited, oldest first, and how many of a forwarded type did not fit.
    func take() -> (events: [EventRecord], overflow: Int) {
        defer {
            events.removeAll(keepingCapacity: false)
            overflow = 0
        }
        return (events, overflow)
    }
}
