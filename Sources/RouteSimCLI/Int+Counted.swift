extension Int {
    /// The count with its noun, singular for one: `1 task queue`, `3 task queues`,
    /// `2 activities`.
    func counted(_ noun: String) -> String {
        guard self != 1 else { return "1 \(noun)" }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
            return "\(self) \(noun.dropLast())ies"
        }
        return "\(self) \(noun)s"
    }
}
