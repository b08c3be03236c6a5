import Hummingbird
import RouteSim

/// The twin's responses: JSON documents, and the empty 204 of a delete.
enum TwinResponse {
    /// `document` as compact JSON (``AttributeValue/jsonText``, keys sorted).
    static func json(_ document: AttributeValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: document.jsonText)))
    }

    /// 204 No Content, what TaskRouter answers to a delete.
    static let deleted = Response(status: .noContent)
}
