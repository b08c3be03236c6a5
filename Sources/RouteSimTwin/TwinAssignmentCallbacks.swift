import Foundation
import Logging
import RouteSim
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends assignment callbacks: one signed, form-encoded POST per reservation made in a
/// workflow with an `AssignmentCallbackUrl`, whose answer the ``Twin`` carries out.
///
/// As TaskRouter, the application has ``timeout`` seconds (5) to answer with a 2xx; when the
/// URL does not (no answer in time, a connection refused, another status, a body that is
/// no instruction), the workflow's `FallbackAssignmentCallbackUrl` is tried, and when that
/// fails too, or there is none, the answer is ``TwinAssignmentAnswer/failed``. Each failure
/// is counted and logged on stderr. Callbacks do not queue here: each ``ask(_:url:fallback:)``
/// is its own exchange, so those of one instant go out together.
public final class TwinAssignmentCallbacks: Sendable {
    /// TaskRouter's time for an answer: 5 seconds.
    public static let defaultTimeout: TimeInterval = 5

    /// What the callbacks brought so far.
    public struct Counts: Sendable, Equatable {
        /// Asked and not yet answered.
        public var waiting = 0
        /// Answered with an instruction to accept (or a voice instruction read as one).
        public var accepted = 0
        /// Answered with `reject`.
        public var rejected = 0
        /// Answered with an empty body: the reservation is left pending.
        public var left = 0
        /// Exchanges that failed, with the primary URL or the fallback.
        public var failedRequests = 0
        /// Reservations that neither URL answered: canceled.
        public var failed = 0
    }

    /// Seconds the application has to answer each POST.
    public let timeout: TimeInterval
    private let authToken: String
    private let session: URLSession
    private let state = Mutex(Counts())
    private let logger = Logger(label: "routesim.twin.assignments")

    init(authToken: String, timeout: TimeInterval) {
        self.authToken = authToken
        self.timeout = timeout
        session = TwinEventCallbacks.session(timeout: timeout)
    }

    /// The counts now.
    public var counts: Counts { state.withLock { $0 } }

    /// POSTs `fields` to `url`, then to `fallback` if that fails; returns the instruction.
    func ask(_ fields: [(String, String)], url: String, fallback: String?) async -> TwinAssignmentAnswer {
        state.withLock { $0.waiting += 1 }
        var answer = await post(fields, to: url)
        if answer == nil, let fallback, !fallback.isEmpty {
            answer = await post(fields, to: fallback)
        }
        state.withLock {
            $0.waiting -= 1
            switch answer {
            case .accept: $0.accepted += 1
            case .reject: $0.rejected += 1
            case .leave: $0.left += 1
            case .failed, nil: $0.failed += 1
            }
        }
        return answer ?? .failed
    }

    /// One POST and its answer; nil when it failed (counted and logged).
    private func post(_ fields: [(String, String)], to url: String) async -> TwinAssignmentAnswer? {
        let reservation = fields.first { $0.0 == "ReservationSid" }?.1 ?? ""
        let problem: String
        if let request = TwinEventCallbacks.request(fields, to: url, authToken: authToken, timeout: timeout) {
            switch await exchange(request) {
            case nil:
                problem = "no answer within \(TwinClock.seconds(timeout)) s"
            case .failure(let error):
                problem = error.localizedDescription
            case .success(let (body, response)):
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) {
                    if let answer = TwinAssignmentAnswer(body: body) { return answer }
                    problem = "answered no instruction routesim knows: \(String(decoding: body.prefix(200), as: UTF8.self))"
                } else {
                    problem = "answered \(status)"
                }
            }
        } else {
            problem = "not a URL"
        }
        state.withLock { $0.failedRequests += 1 }
        logger.warning("assignment callback for \(reservation) to \(url) failed: \(problem)")
        return nil
    }

    /// `request`'s response, nil when none came within ``timeout``: a race with a timer, as
    /// URLSession on Linux counts its time-outs in whole seconds. The loser is cancelled, not
    /// awaited: an application that never answers holds nothing.
    private func exchange(_ request: URLRequest) async -> Result<(Data, URLResponse), any Error>? {
        let (outcomes, continuation) = AsyncStream.makeStream(of: Result<(Data, URLResponse), any Error>?.self)
        let exchange = Task { [session] in
            do { continuation.yield(.success(try await session.data(for: request))) } catch { continuation.yield(.failure(error)) }
        }
        let timer = Task { [timeout] in
            try await Task.sleep(for: .seconds(timeout))
            continuation.yield(nil)
        }
        var iterator = outcomes.makeAsyncIterator()
        let first = await iterator.next() ?? nil
        continuation.finish()
        exchange.cancel()
        timer.cancel()
        return first
    }

    /// The `assignments` part of `GET /routesim/v1/Callbacks`.
    func document() -> AttributeValue {
        let counts = counts
        return [
            "waiting": .number(Double(counts.waiting)), "accepted": .number(Double(counts.accepted)),
            "rejected": .number(Double(counts.rejected)), "left_pending": .number(Double(counts.left)),
            "failed_requests": .number(Double(counts.failedRequests)), "failed": .number(Double(counts.failed)),
            "timeout": .number(timeout),
        ]
    }
}
