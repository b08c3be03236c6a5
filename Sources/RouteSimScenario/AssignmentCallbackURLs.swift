/// Where `routesim serve` POSTs a workflow's reservations: its `assignment_callback_url`, and
/// the `fallback_assignment_callback_url` tried when that one fails.
public struct AssignmentCallbackURLs: Sendable, Equatable {
    public var url: String
    public var fallback: String?

    public init(url: String, fallback: String?) {
        self.url = url
        self.fallback = fallback
    }
}
