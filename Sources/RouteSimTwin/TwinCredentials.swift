/// The account the twin serves: its SID and auth token, for HTTP Basic authentication.
public struct TwinCredentials: Sendable, Equatable {
    /// `AC` and 32 lowercase hex digits.
    public let accountSid: String
    /// The auth token, 32 lowercase hex digits when generated.
    public let authToken: String

    public init(accountSid: String, authToken: String) {
        self.accountSid = accountSid
        self.authToken = authToken
    }

    /// A new account SID and token from the system's random source.
    public static func generated() -> TwinCredentials {
        var generator = SystemRandomNumberGenerator()
        return TwinCredentials(accountSid: "AC" + hex(using: &generator), authToken: hex(using: &generator))
    }

    /// Whether `sid` has TaskRouter's account SID form, `AC` and 32 hex digits.
    public static func isAccountSid(_ sid: String) -> Bool {
        sid.count == 34 && sid.hasPrefix("AC") && sid.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    /// 32 random lowercase hex digits.
    private static func hex(using generator: inout some RandomNumberGenerator) -> String {
        (0..<2).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }
}
