import RouteSim

/// The form fields of an event callback, made from the event as the Events resource shows it.
extension TwinRepresentation {
    /// The fields TaskRouter POSTs to `EventCallbackUrl` for `event`, which names `subject`
    /// (see ``event(_:subject:of:tasks:)``):
    /// the base fields, then each of the event's `event_data` in PascalCase (`task_sid`
    /// becomes `TaskSid`), nulls left out.
    ///
    /// `Timestamp` is the event's date in whole seconds since 1970, `TimestampMs` in
    /// milliseconds.
    func eventCallback(
        _ event: EventRecord, subject: TwinEventSubject?, of workspace: TwinWorkspace, tasks: [TwinTask]
    ) -> [(String, String)] {
        let shown = self.event(event, subject: subject, of: workspace, tasks: tasks)
        let milliseconds = clock.epochMilliseconds(at: event.time)
        var fields = [
            ("EventType", event.type.name), ("AccountSid", accountSid), ("WorkspaceSid", workspace.sid),
            ("WorkspaceName", workspace.friendlyName), ("EventDescription", Self.formText(shown["description"]) ?? ""),
            ("ResourceType", Self.formText(shown["resource_type"]) ?? ""),
            ("ResourceSid", Self.formText(shown["resource_sid"]) ?? ""),
            ("Timestamp", TwinClock.seconds((milliseconds / 1000).rounded(.down))),
            ("TimestampMs", TwinClock.seconds(milliseconds)),
        ]
        if case .object(let data) = shown["event_data"] {
            for key in data.keys.sorted() {
                if let text = Self.formText(data[key] ?? .null) { fields.append((Self.pascalCase(key), text)) }
            }
        }
        return fields
    }

    /// The fields TaskRouter POSTs to a workflow's `AssignmentCallbackUrl` for the reservation
    /// whose `reservation.created` event is `created`: those of ``assignmentFields`` among the
    /// event callback's (``eventCallback(_:subject:of:tasks:)``), `Timestamp` the reservation's date.
    func assignmentCallback(_ created: EventRecord, of workspace: TwinWorkspace, tasks: [TwinTask]) -> [(String, String)] {
        eventCallback(created, subject: nil, of: workspace, tasks: tasks).filter { Self.assignmentFields.contains($0.0) }
    }

    /// The parameters of an assignment callback, as TaskRouter documents them.
    static let assignmentFields: Set = [
        "Timestamp", "AccountSid", "WorkspaceSid", "WorkflowSid", "TaskQueueSid", "WorkerSid", "WorkerAttributes", "TaskSid",
        "TaskAttributes", "TaskAge", "TaskPriority", "ReservationSid",
    ]

    /// A value as a form field: strings as they are, numbers as ``TwinClock/seconds(_:)``
    /// prints them, booleans `true`/`false`; nil for null, arrays and objects.
    static func formText(_ value: AttributeValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): TwinClock.seconds(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// `task_queue_sid` → `TaskQueueSid` (the keys are ASCII).
    static func pascalCase(_ key: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        var startsWord = true
        for byte in key.utf8 {
            if byte == UInt8(ascii: "_") {
                startsWord = true
                continue
            }
            bytes.append(startsWord && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte)
            startsWord = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
