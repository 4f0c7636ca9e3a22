// swift-tools-version:6.0
import PackageDescription

// libFuzzer harness for IDScan's decoders and the whole check (header parsing, EXIF, libjpeg-turbo,
// libpng, card detection). Its own package so `swift test` at the root never builds it.
//   cd Fuzz && swift build -c release --sanitize=fuzzer --sanitize=address
//   .build/release/IDScanFuzz -max_total_time=300 -max_len=65536 corpus/ seeds/
// See docs/idscan.md. Found inputs are kept in Tests/IDScanTests/Resources/fuzz-corpus.
let package = Package(
    name: "IDScanFuzz",
    dependencies: [.package(name: "DTEKit", path: "..")],
    targets: [
        .executableTarget(
            name: "IDScanFuzz",
            dependencies: [.product(name: "IDScan", package: "DTEKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // The cédula back's parsers (status URL, TD1 MRZ): `.build/release/CedulaParserFuzz`.
        .executableTarget(
            name: "CedulaParserFuzz",
            dependencies: [.product(name: "IDScan", package: "DTEKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
