/// The version of routesim, recorded with every run.
enum RouteSimVersion {
    static let current = "0.1.0"
}
