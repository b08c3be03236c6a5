// swift-tools-version: 6.1
// The performance harness of routesim: a nested package, so `swift build` and `swift test`
// at the top of the repository never compile it. Run it from this folder:
//
//     swift run -c release routesim-bench            # cases a, b, c, d and the SimPy peer
//     swift run -c release routesim-bench --help
//
// See ../docs/performance.md for what it measures and the numbers.
import PackageDescription

let package = Package(
    name: "routesim-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, so the dependency reads the same whatever the clone's folder is called.
        .package(name: "routesim", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "routesim-bench",
            dependencies: [
                .product(name: "RouteSim", package: "routesim"),
                .product(name: "RouteSimScenario", package: "routesim"),
                .product(name: "RouteSimStore", package: "routesim"),
            ],
            path: "Sources/routesim-bench"
        )
    ]
)
