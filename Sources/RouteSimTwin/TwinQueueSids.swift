import RouteSim
import RouteSimScenario

/// The TaskQueue SIDs a bulk real-time statistics request names: the JSON body's
/// `QueueSids` array (`queueSids` in TaskRouter's own example), 1 to ``limit`` SIDs of
/// TaskRouter's pattern `^WQ[0-9a-fA-F]{32}$`, in the order given.
struct TwinQueueSids {
    /// How many SIDs one request may name: TaskRouter's bound.
    static let limit = 50

    /// The SIDs, in the body's order, repeats kept.
    let sids: [String]

    /// Reads `body`; 400/20001 naming what was expected when it is not a JSON object whose
    /// `QueueSids` holds 1 to 50 TaskQueue SIDs.
    init(body: String) throws(TwinError) {
        let expected = "a JSON object whose QueueSids is an array of 1 to \(Self.limit) TaskQueue SIDs (WQ and 32 hex digits)"
        guard case .object(let fields) = try TwinWorkspace.attributes(body, parameter: "request body") else {
            throw .invalidParameter("Invalid request body: expected \(expected)")
        }
        guard let value = fields["QueueSids"] ?? fields["queueSids"], case .array(let items) = value else {
            throw .invalidParameter("Missing QueueSids in the request body: expected \(expected)")
        }
        guard (1...Self.limit).contains(items.count) else {
            throw .invalidParameter("QueueSids names \(items.count) queues: expected 1 to \(Self.limit)")
        }
        var sids: [String] = []
        for (position, item) in items.enumerated() {
            guard case .string(let sid) = item, Self.isQueueSid(sid) else {
                throw .invalidParameter("QueueSids[\(position)] is not a TaskQueue SID: expected WQ and 32 hex digits, got \(item.jsonText)")
            }
            sids.append(sid)
        }
        self.sids = sids
    }

    /// Whether `text` has the shape of a TaskQueue SID.
    private static func isQueueSid(_ text: String) -> Bool {
        text.count == SidGenerator.length && text.hasPrefix("WQ") && text.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
    }
}
