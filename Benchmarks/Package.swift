// swift-tools-version:6.1
import PackageDescription

// DTEKit's benchmarks (ordo-one/package-benchmark), a package of their own so that
// `swift test` at the root never builds them. Run: `make bench` (or, here,
// `swift package --allow-writing-to-package-directory benchmark`).
let package = Package(
    name: "DTEKitBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "DTEKit", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PrintBenchmarks",
            dependencies: [.product(name: "DTEKit", package: "DTEKit"), .product(name: "Benchmark", package: "package-benchmark")],
            path: "Benchmarks/PrintBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "IDScanBenchmarks",
            dependencies: [.product(name: "DTEKit", package: "DTEKit"), .product(name: "DTEKitTestSupport", package: "DTEKit"),
                           .product(name: "Benchmark", package: "package-benchmark")],
            path: "Benchmarks/IDScanBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "BatchBenchmarks",
            dependencies: [.product(name: "DTEKit", package: "DTEKit"), .product(name: "Benchmark", package: "package-benchmark")],
            path: "Benchmarks/BatchBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
