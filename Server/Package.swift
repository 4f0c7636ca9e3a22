// swift-tools-version:6.2
import PackageDescription

// `dtekit-server`: the onboarding service's steps over HTTP (Hummingbird 2), in a package of its
// own so that DTEKit (the library and `dtekit`) stays free of server dependencies. Depends on
// DTEKit by path. `make serve` runs it; `make test` runs its tests.
let package = Package(
    name: "DTEKitServer",
    platforms: [.macOS(.v15)],   // Synchronization's Mutex
    products: [
        .executable(name: "dtekit-server", targets: ["dtekit-server"]),
    ],
    dependencies: [
        .package(name: "DTEKit", path: ".."),
        // No default traits: swift-configuration is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // The routes and the service behind them (testable without a socket).
        .target(name: "DTEKitServer", dependencies: [
            .product(name: "DTEKit", package: "DTEKit"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // glibc's mallopt (malloc.h is not part of Swift's Glibc module).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .executableTarget(name: "dtekit-server", dependencies: ["DTEKitServer",
                                                              .target(name: "CMalloc", condition: .when(platforms: [.linux]))]),
        .testTarget(name: "DTEKitServerTests", dependencies: [
            "DTEKitServer", .product(name: "DTEKitTestSupport", package: "DTEKit"),
        ]),
    ]
)
