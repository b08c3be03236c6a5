import Hummingbird
import RouteSim

/// A request the twin refuses, answered in Twilio's error shape:
/// `{"code", "message", "more_info", "status"}`.
///
/// The one error type of the twin's handlers. Twilio's helper libraries raise their usual
/// exception (`TwilioRestException` in Python) from exactly these four fields; a body that
/// also had `type` and `title` would raise a different one, so nothing else is written.
public struct TwinError: Error, HTTPResponseError, Equatable, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// Twilio's error code (20001, 20003, 20404, ...).
    public let code: Int
    /// What was wrong, in TaskRouter's wording where its documentation gives it.
    public let message: String

    public init(status: HTTPResponse.Status, code: Int, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// 400, code 20001: a parameter is missing, malformed or not allowed.
    public static func invalidParameter(_ message: String) -> TwinError {
        TwinError(status: .badRequest, code: 20001, message: message)
    }

    /// 400, code 20001: a required parameter is absent, in Twilio's wording.
    public static func missingParameter(_ name: String) -> TwinError {
        invalidParameter("Missing required parameter \(name) in the post body")
    }

    /// 401, code 20003: no credentials, or not the account's.
    public static func authentication(_ detail: String) -> TwinError {
        TwinError(status: .unauthorized, code: 20003, message: "Authentication Error - \(detail)")
    }

    /// 404, code 20404: no resource at `path`.
    public static func notFound(_ path: String) -> TwinError {
        TwinError(status: .notFound, code: 20404, message: "The requested resource \(path) was not found")
    }

    /// Twilio's page about the code.
    public var moreInfo: String {
        "https://www.twilio.com/docs/errors/\(code)"
    }

    /// The JSON body in Twilio's shape, with `WWW-Authenticate` on a 401 as Twilio sends it.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: AttributeValue = [
            "code": .number(Double(code)), "message": .string(message), "more_info": .string(moreInfo),
            "status": .number(Double(status.code)),
        ]
        var response = TwinResponse.json(body, status: status)
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = #"Basic realm="Twilio API""#
        }
        return response
    }
}
