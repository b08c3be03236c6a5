import Hummingbird
import Logging
import ServiceLifecycle

/// Runs the twin's HTTP server until Ctrl-C (SIGINT), SIGTERM or one of its limits, then
/// stops gracefully: requests in progress are answered, the realtime clock stops.
public struct TwinServer: Sendable {
    public let twin: Twin
    /// The address to listen on (`127.0.0.1` by default: loopback only).
    public let host: String
    /// The port; 0 picks a free one.
    public let port: Int
    /// Stop after this many requests.
    public let maxRequests: Int?
    /// Stop after this many wall-clock seconds.
    public let maxSeconds: Double?

    public init(twin: Twin, host: String, port: Int, maxRequests: Int? = nil, maxSeconds: Double? = nil) {
        self.twin = twin
        self.host = host
        self.port = port
        self.maxRequests = maxRequests
        self.maxSeconds = maxSeconds
    }

    /// Serves until stopped; `listening` is called once with the base URL
    /// (`http://host:port`, the port the system gave when 0 was asked).
    public func run(listening: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "routesim.twin")
        logger.logLevel = .warning
        let limits = maxRequests != nil || maxSeconds != nil ? TwinLimits(maxRequests: maxRequests, maxSeconds: maxSeconds) : nil
        let host = host
        let router = TwinRoutes.router(twin, fallbackBaseURL: "http://\(host):\(port)", answered: { limits?.answered() })
        let application = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in listening("http://\(host):\(channel.localAddress?.port ?? 0)") },
            logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: application), .init(service: twin.callbacks),
        ]
        if case .realtime(let speed) = await twin.clock.mode {
            services.append(.init(service: TwinRealtimeClock(twin: twin, speed: speed)))
        }
        if let limits {
            services.append(.init(service: limits, successTerminationBehavior: .gracefullyShutdownGroup))
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
