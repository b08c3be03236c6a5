/// One pre-parsed step of a compiled reference: `.b` is `.key("b")`, `[0]` is `.index(0)`.
enum ReferenceStep: Sendable, Hashable {
    /// A member of an object; on anything else the step yields `.null`.
    case key(String)
    /// A 0-based element of an array; on anything else, or out of range, the step yields `.null`.
    case index(Int)
}
