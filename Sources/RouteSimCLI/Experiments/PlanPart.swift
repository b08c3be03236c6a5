import ArgumentParser

/// `--part I/N`: run only part I of an experiment's plan cut into N consecutive parts.
struct PlanPart: Sendable, Equatable {
    /// I, from 1.
    var index: Int
    /// N.
    var count: Int

    /// Reads `I/N`; throws when it is not two whole numbers with 1 ≤ I ≤ N.
    static func parse(_ text: String) throws -> PlanPart {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2, let index = Int(pieces[0]), let count = Int(pieces[1]), count >= 1, (1...count).contains(index)
        else { throw ValidationError("expected I/N, part I of N with 1 ≤ I ≤ N, e.g. 2/4") }
        return PlanPart(index: index, count: count)
    }

    /// The part as `I/N`.
    var name: String { "\(index)/\(count)" }
}
