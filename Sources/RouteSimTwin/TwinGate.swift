import Foundation
import Hummingbird

/// The middleware in front of every route: checks HTTP Basic credentials, answers an
/// unknown path in Twilio's 404 shape, lets the assignment callbacks of the reservations a
/// request made be answered before the request's response goes, and reports each request
/// answered.
///
/// Added before the routes, so it also wraps the router's not-found responder.
struct TwinGate<Context: RequestContext>: RouterMiddleware {
    /// The account's SID and token.
    let credentials: TwinCredentials
    /// Called once per request after its response is made (``TwinLimits`` counts them).
    let answered: @Sendable () -> Void
    /// Called after each request other than a GET (``Twin/answerAssignments(waitingForOthers:)``).
    let settle: @Sendable () async -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        defer { answered() }
        do {
            try authenticate(request)
            let response = try await next(request, context)
            if request.method != .get { await settle() }
            return response
        } catch let error as HTTPError where error.status == .notFound {
            return try TwinError.notFound(request.uri.path).response(from: request, context: context)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            // A body beyond `maxUploadSize`: what collecting it throws answers 413 with no body.
            let limit = context.maxUploadSize
            return try TwinError(
                status: .contentTooLarge, code: 20001,
                message: "The request body is larger than the \(limit / 1_048_576) MiB the twin reads"
            ).response(from: request, context: context)
        } catch let error as TwinError {
            return try error.response(from: request, context: context)
        }
    }

    /// Throws 401/20003 unless the request carries the account's SID and token.
    private func authenticate(_ request: Request) throws(TwinError) {
        guard let header = request.headers[.authorization] else { throw .authentication("No credentials provided") }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", let data = Data(base64Encoded: String(parts[1])),
            let decoded = String(data: data, encoding: .utf8)
        else { throw .authentication("Malformed Authorization header: expected Basic credentials") }
        let pair = decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard pair.count == 2, pair[0] == credentials.accountSid else { throw .authentication("invalid username") }
        guard pair[1] == credentials.authToken else { throw .authentication("invalid password") }
    }
}
