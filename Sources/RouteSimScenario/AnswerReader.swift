import RouteSim
import RouteSimKernel

/// Reads a worker group's `answer:` `{delay, reject, no_answer, back_after_timeout}`, or
/// `callback`: the workflow's assignment callback answers (``AnswerBehavior/callback``),
/// which only `routesim serve` carries out.
///
/// Omitted keys take TaskRouter's behaviour with no one in the loop: accept at once
/// (`delay` 0, `reject` 0, `no_answer` 0, no return from the timeout activity).
/// `reject + no_answer` may not exceed 1.
enum AnswerReader {
    static let keys = ["delay", "reject", "no_answer", "back_after_timeout"]

    /// The answering behaviour; nil when the section is not a map.
    static func read(_ field: Field) -> AnswerBehavior? {
        if let scalar = field.node.scalar {
            guard scalar.text.trimmed == "callback" else {
                field.report(.expected("callback, or a map with keys " + keys.joined(separator: ", "), found: field.node.found))
                return nil
            }
            return .callback
        }
        guard let map = field.mapping(keys: keys) else { return nil }
        let delay = map.optional("delay").map(DistributionReader.read) ?? .fixed(0)
        let reject = map.optional("reject").map { $0.probability() } ?? 0
        let noAnswer = map.optional("no_answer").map { $0.probability() } ?? 0
        let back = map.optional("back_after_timeout").flatMap(DistributionReader.read)
        if let reject, let noAnswer, reject + noAnswer > 1 {
            field.report(.expected(
                "reject + no_answer <= 1",
                found: NumberSyntax.format(reject) + " + " + NumberSyntax.format(noAnswer)))
        }
        return AnswerBehavior(delay: delay ?? .fixed(0), reject: reject ?? 0, noAnswer: noAnswer ?? 0, backAfterTimeout: back)
    }
}
