import Foundation
import Hummingbird
import HummingbirdTesting
import RouteSimTwin

/// Requests to a twin through Hummingbird's in-process test client, with the account's
/// credentials, and their answers as JSON.
struct TwinClient {
    static let credentials = TwinCredentials(accountSid: "AC" + String(repeating: "a", count: 32), authToken: "token")

    /// One answer: the status and the JSON body (nil for an empty one).
    struct Answer {
        let status: Int
        let json: [String: Any]?

        subscript(key: String) -> Any? { json?[key] }
        /// The error code of a Twilio error body.
        var code: Int? { json?["code"] as? Int }
        /// The items of a list response.
        func items(_ key: String) -> [[String: Any]] { json?[key] as? [[String: Any]] ?? [] }
        /// A field of `meta`.
        func meta(_ key: String) -> Any? { (json?["meta"] as? [String: Any])?[key] }
    }

    let client: any TestClientProtocol

    /// Runs `body` against a new twin (manual clock from 2026-01-01T00:00:00Z).
    static func withTwin(
        _ twin: Twin = Twin(credentials: credentials), _ body: @Sendable (TwinClient) async throws -> Void
    ) async throws {
        let app = Application(router: TwinRoutes.router(twin, fallbackBaseURL: "http://unused"))
        try await app.test(.router) { client in try await body(TwinClient(client: client)) }
    }

    /// Sends a request; `form` pairs go in the body, form-encoded.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, _ form: [(String, String)] = [],
        user: String = credentials.accountSid, password: String = credentials.authToken, authenticate: Bool = true
    ) async throws -> Answer {
        let body = form.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await send(
            method, uri, body: form.isEmpty ? nil : body, type: "application/x-www-form-urlencoded",
            authorization: authenticate ? "Basic " + Data("\(user):\(password)".utf8).base64EncodedString() : nil)
    }

    /// Sends a request whose body is `json`, as Twilio's helper libraries send the few
    /// requests TaskRouter takes in JSON.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String) async throws -> Answer {
        try await send(
            method, uri, body: json, type: "application/json",
            authorization: "Basic " + Data("\(Self.credentials.accountSid):\(Self.credentials.authToken)".utf8).base64EncodedString())
    }

    /// Sends `body` of content type `type` with `authorization` (none when nil).
    private func send(
        _ method: HTTPRequest.Method, _ uri: String, body: String?, type: String, authorization: String?
    ) async throws -> Answer {
        var headers: HTTPFields = [.contentType: type]
        headers[.authorization] = authorization
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let data = Data(String(buffer: response.body).utf8)
        let json = data.isEmpty ? nil : try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return Answer(status: Int(response.status.code), json: json)
    }

    /// Form encoding as Twilio's helper libraries write it: spaces as `+`.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~ ")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: " ", with: "+")
    }

    /// Creates a workspace and returns its SID.
    func workspace(_ name: String, _ more: [(String, String)] = []) async throws -> String {
        let answer = try await send(.post, "/v1/Workspaces", [("FriendlyName", name)] + more)
        guard answer.status == 201, let sid = answer["sid"] as? String else {
            throw TwinTestFailure("creating workspace \(name): \(answer.status) \(answer.json ?? [:])")
        }
        return sid
    }
}

/// A step of a test that could not go on.
struct TwinTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
