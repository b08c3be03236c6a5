import Foundation
import Logging
import RouteSim
import ServiceLifecycle
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends event callbacks: one signed, form-encoded POST per event to its workspace's
/// `EventCallbackUrl`, one at a time in the order the events happened.
///
/// The ``Twin`` hands callbacks over with ``send(_:to:)``, which never waits: they queue here
/// and ``run()``, a service of the server's group, delivers them on its own task, so neither
/// the engine nor the request that caused an event waits for a receiver. At most ``limit``
/// callbacks wait; one more is dropped and counted (a receiver slower than the engine
/// loses the newest events, never stalls it). TaskRouter documents no retry, so there is
/// none: a failed delivery (no answer within ``timeout``, a connection refused, a status
/// other than 2xx) is counted and logged on stderr, and the next one goes out.
public final class TwinEventCallbacks: Service, Sendable {
    /// How many callbacks wait at most.
    public static let limit = 10_000
    /// How long a receiver has to answer: TaskRouter's 15 seconds.
    public static let timeout: TimeInterval = 15

    /// What happened to the callbacks so far.
    public struct Counts: Sendable, Equatable {
        /// Handed over and not yet delivered or failed.
        public var queued = 0
        /// Answered with a 2xx status.
        public var delivered = 0
        /// Not answered in time, refused, or answered with another status.
        public var failed = 0
        /// Never sent: the queue was full.
        public var dropped = 0
    }

    /// One callback ready to go.
    struct Delivery: Sendable {
        let request: URLRequest
        let text: String
        let eventType: String
    }

    private let authToken: String
    private let deliveries: AsyncStream<Delivery>
    private let continuation: AsyncStream<Delivery>.Continuation
    private let state = Mutex(Counts())
    private let logger = Logger(label: "routesim.twin.callbacks")
    private let session = TwinEventCallbacks.session(timeout: TwinEventCallbacks.timeout)

    init(authToken: String) {
        self.authToken = authToken
        (deliveries, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(Self.limit))
    }

    /// The counts now.
    public var counts: Counts { state.withLock { $0 } }

    /// A session that keeps no cache and no cookies, every callback a new POST, and gives a
    /// receiver `timeout` seconds for the whole exchange, not only for each wait for bytes:
    /// one that trickles its answer must not hold a sender longer.
    static func session(timeout: TimeInterval) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForResource = timeout
        return URLSession(configuration: configuration)
    }

    /// The signed, form-encoded POST of `fields` (name, value) to `url`, as TaskRouter sends
    /// its callbacks; nil when `url` is not a URL.
    static func request(_ fields: [(String, String)], to url: String, authToken: String, timeout: TimeInterval) -> URLRequest? {
        guard let target = URL(string: url) else { return nil }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue(TwinSignature.sign(url: url, parameters: fields, authToken: authToken), forHTTPHeaderField: "X-Twilio-Signature")
        request.httpBody = Data(fields.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&").utf8)
        return request
    }

    /// Queues a POST of `fields` (name, value) to `url`, signed; drops it when ``limit`` wait.
    func send(_ fields: [(String, String)], to url: String) {
        guard let request = Self.request(fields, to: url, authToken: authToken, timeout: Self.timeout) else {
            fail("event callback to \"\(url)\" not sent: not a URL")
            return
        }
        let delivery = Delivery(request: request, text: url, eventType: fields.first { $0.0 == "EventType" }?.1 ?? "")
        state.withLock { $0.queued += 1 }
        if case .dropped = continuation.yield(delivery) {
            state.withLock {
                $0.queued -= 1
                $0.dropped += 1
            }
        }
    }

    /// Counts `count` callbacks that were never queued because too many waited.
    func drop(_ count: Int) {
        guard count > 0 else { return }
        state.withLock { $0.dropped += count }
    }

    /// Delivers the queued callbacks in order until the task is cancelled or the server
    /// shuts down; callbacks still queued then are not sent.
    public func run() async {
        await cancelWhenGracefulShutdown {
            for await delivery in self.deliveries {
                await self.deliver(delivery)
            }
        }
    }

    /// Sends one callback and counts the outcome.
    private func deliver(_ delivery: Delivery) async {
        let problem: String?
        do {
            let (_, response) = try await session.data(for: delivery.request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            problem = (200..<300).contains(status) ? nil : "answered \(status)"
        } catch {
            problem = error.localizedDescription
        }
        state.withLock { $0.queued -= 1 }
        if let problem {
            fail("event callback \(delivery.eventType) to \(delivery.text) failed: \(problem)")
        } else {
            state.withLock { $0.delivered += 1 }
        }
    }

    /// Counts and logs a callback that did not reach its receiver.
    private func fail(_ message: String) {
        state.withLock { $0.failed += 1 }
        logger.warning("\(message)")
    }

    /// `GET /routesim/v1/Callbacks`.
    func document() -> AttributeValue {
        let counts = counts
        return [
            "queued": .number(Double(counts.queued)), "delivered": .number(Double(counts.delivered)),
            "failed": .number(Double(counts.failed)), "dropped": .number(Double(counts.dropped)),
            "limit": .number(Double(Self.limit)),
        ]
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Form encoding: every byte of the UTF-8 but letters, digits and `-._~` percent-encoded.
    static func encode(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
