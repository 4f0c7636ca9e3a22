// swift-tools-version:6.0
import PackageDescription

// libFuzzer harness for IDScan's decoders and the whole check (header parsing, EXIF, libjpeg-turbo,
// libpng, card detection). Its own package so `swift test` at the root never builds it.
//   cd Fuzz && swift build -c release --sanitize=fuzzer --sanitize=address
//   .build/release/IDScanFuzz -max_total_time=300 -max_len=65536 corpus/ seeds/
//   .build/release/IDScanPDFFuzz -close_fd_mask=2 -max_total_time=1200 corpus-pdf/ seeds-pdf/
// See docs/idscan.md. Found inputs are kept in Tests/IDScanTests/Resources/fuzz-corpus.
// DTEReaderFuzz: the DTE reader (containers, encodings, strict and lenient, the TED source
// scanner); see docs/core.md. Its minimised corpus (inputs under 4 KB) is kept in Tests/DTECoreTests/Resources/reader-fuzz-corpus.
let package = Package(
    name: "IDScanFuzz",
    dependencies: [.package(name: "DTEKit", path: "..")],
    targets: [
        .executableTarget(
            name: "IDScanFuzz",
            dependencies: [.product(name: "IDScan", package: "DTEKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "DTEReaderFuzz",
            dependencies: [.product(name: "DTECore", package: "DTEKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // The PDF upload path: .build/release/IDScanPDFFuzz -close_fd_mask=2 corpus-pdf/ seeds-pdf/
        // (poppler reports syntax errors on stderr; mask 2 keeps the log readable, crashes still show).
        .executableTarget(
            name: "IDScanPDFFuzz",
            dependencies: [.product(name: "IDScan", package: "DTEKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // The cédula back's parsers (status URL, TD1 MRZ): `.build/release/CedulaParserFuzz`.
        .executableTarget(
            name: "CedulaParserFuzz",
            dependencies: [.product(name: "IDScan", package: "DTEKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // The template loader and the printout it configures; the emisor-profile loader and the
        // skeletons it feeds (issue 13). See the files' headers for the commands and corpora.
        .executableTarget(
            name: "TemplateFuzz",
            dependencies: [.product(name: "DTEKit", package: "DTEKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "ProfileFuzz",
            dependencies: [.product(name: "DTEKit", package: "DTEKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
