/// A resource of a twin workspace with the simulated times TaskRouter reports for it.
public struct TwinRecord<Resource: Sendable>: Sendable {
    /// The resource, typed as the engine reads it.
    public var resource: Resource
    /// `date_created`, simulated seconds.
    public var created: Double
    /// `date_updated`, simulated seconds.
    public var updated: Double

    public init(_ resource: Resource, at time: Double) {
        self.resource = resource
        self.created = time
        self.updated = time
    }
}
