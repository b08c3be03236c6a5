// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "routesim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "routesim", targets: ["RouteSimCLI"]),
        .library(name: "RouteSim", targets: ["RouteSim"]),
        .library(name: "RouteSimScenario", targets: ["RouteSimScenario"]),
        .library(name: "RouteSimStore", targets: ["RouteSimStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The twin's HTTP server (`routesim serve`). No traits: its swift-configuration
        // support is not used, and leaving it out keeps that package out of the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Already in Hummingbird's graph; named because the twin configures them directly.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "CacheHints"),
        .target(
            name: "RouteSimKernel", dependencies: ["CacheHints"],
            // The collections' checks (InternalChecks.swift), compiled out of release builds.
            swiftSettings: [.define("ROUTESIM_INTERNAL_CHECKS", .when(configuration: .debug))]
        ),
        .target(
            name: "RouteSim",
            dependencies: [
                "RouteSimKernel", .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "RouteSimScenario",
            dependencies: ["RouteSim", "RouteSimKernel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "RouteSimStore",
            dependencies: [
                "RouteSim", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "RouteSimReport", dependencies: ["RouteSim", "RouteSimStore"]),
        .target(
            name: "RouteSimTwin",
            dependencies: [
                "RouteSim", "RouteSimKernel", "RouteSimScenario", "RouteSimStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "RouteSimCLI",
            dependencies: [
                "RouteSim", "RouteSimScenario", "RouteSimStore", "RouteSimReport", "RouteSimTwin",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RouteSimKernelTests", dependencies: ["RouteSimKernel"]),
        .testTarget(name: "RouteSimTests", dependencies: ["RouteSim", "RouteSimKernel"]),
        .testTarget(name: "RouteSimScenarioTests", dependencies: ["RouteSimScenario", "RouteSim", "RouteSimKernel"]),
        .testTarget(name: "RouteSimStoreTests", dependencies: ["RouteSimStore", "RouteSim", "RouteSimKernel", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "RouteSimReportTests", dependencies: ["RouteSimReport", "RouteSimStore", "RouteSimScenario", "RouteSim"]),
        .testTarget(
            name: "RouteSimTwinTests",
            dependencies: [
                "RouteSimTwin", "RouteSim", "RouteSimScenario", "RouteSimStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "RouteSimCLITests", dependencies: ["RouteSimCLI", "RouteSimScenario", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
