import ArgumentParser

/// Reads a `--seed`: a whole number from 0 to 2^64 − 1.
///
/// The option takes the next argument whatever it looks like, so `--seed -1` reaches this
/// parser and is refused with the range rather than with ArgumentParser's "Missing value".
enum SeedArgument {
    /// The seed `text` gives.
    static func parse(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else {
            throw ValidationError("expected a whole number from 0 to \(UInt64.max), found \"\(text)\"")
        }
        return seed
    }
}
