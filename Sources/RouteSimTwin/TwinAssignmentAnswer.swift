import Foundation

/// What an application's answer to an assignment callback tells the twin to do with the
/// reservation.
///
/// TaskRouter reads a 200 with an empty body as "the application decides later, through the
/// REST API", and a JSON body's `instruction`. routesim has no calls, so the voice
/// instructions `dequeue`, `call`, `conference` and `redirect` accept the reservation as
/// `accept` does.
enum TwinAssignmentAnswer: Equatable, Sendable {
    /// Accept the reservation.
    case accept
    /// Reject it, moving the worker to the activity of this SID when one is given.
    case reject(activitySid: String?)
    /// Leave it pending for the application to answer through the REST API.
    case leave
    /// Neither URL answered usefully: TaskRouter cancels the reservation.
    case failed

    /// The instructions read as `accept`.
    static let accepting: Set<String> = ["accept", "dequeue", "call", "conference", "redirect"]

    /// The answer a 2xx response's `body` gives; nil for a body that is not JSON, has no
    /// `instruction` or an unknown one (a failed callback, as TaskRouter counts it).
    init?(body: Data) {
        guard !body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            self = .leave
            return
        }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let instruction = object["instruction"] as? String
        else { return nil }
        if Self.accepting.contains(instruction) {
            self = .accept
        } else if instruction == "reject" {
            self = .reject(activitySid: object["activity_sid"] as? String)
        } else {
            return nil
        }
    }
}
