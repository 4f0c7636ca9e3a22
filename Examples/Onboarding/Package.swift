// swift-tools-version:6.0
import PackageDescription

// An example consumer of DTEKit: the onboarding service's three steps through `import DTEKit`
// (XML skeletons for the chosen types → a preview of the company's printout → the check of the
// legal representative's cédula). It depends on DTEKit by path, as the README shows with a
// version; `make test` builds and runs it.
let package = Package(
    name: "Onboarding",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "DTEKit", path: "../..")],
    targets: [
        .executableTarget(name: "Onboarding", dependencies: [.product(name: "DTEKit", package: "DTEKit")]),
    ]
)
