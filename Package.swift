// swift-tools-version:6.0
import PackageDescription

// DTEKit: the printed side of Chile's electronic tax documents (DTE).
// C system libraries sit behind thin `C*` shim modules (module map + shim.h only);
// the Swift modules above them own every C resource they create.
let package = Package(
    name: "DTEKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DTEKit", targets: ["DTEKit"]),
        .executable(name: "dtekit", targets: ["dtekit"]),
        // IDScan alone (used by the Fuzz/ harness package).
        .library(name: "IDScan", targets: ["IDScan"]),
        // Test and benchmark support (stub renderers, synthetic ID images): never part of DTEKit.
        .library(name: "DTEKitTestSupport", targets: ["DTEKitTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // MARK: C system-library shims
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CZint", path: "Sources/CZint",
                       providers: [.apt(["libzint-dev"])]),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng16",
                       providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", path: "Sources/CJPEG", pkgConfig: "libjpeg",
                       providers: [.apt(["libjpeg62-turbo-dev"])]),
        // QR codes on the back of the cédula (IDScan's document check).
        .systemLibrary(name: "CZbar", path: "Sources/CZbar", pkgConfig: "zbar",
                       providers: [.apt(["libzbar-dev"])]),
        // MRZ OCR (IDScan's fallback when the QR is damaged); language data: tesseract-ocr-eng.
        .systemLibrary(name: "CTesseract", path: "Sources/CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "tesseract-ocr-eng"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),

        // MARK: Library modules
        .target(name: "DTECore", dependencies: ["CLibXML2", "COpenSSL"]),
        .target(name: "DTEPrint", dependencies: ["DTECore", "CCairo", "CZint", "CIDScanDecode",
                                                 .product(name: "Yams", package: "Yams")]),
        .target(name: "DTESkeleton", dependencies: ["DTECore", "CLibXML2", "COpenSSL",
                                                    .product(name: "Yams", package: "Yams")]),
        .target(name: "DTEBatch", dependencies: ["DTECore", "DTEPrint", "COpenSSL"]),
        // IDScan's thin C helper: libjpeg/libpng calls whose error handling needs setjmp.
        .target(name: "CIDScanDecode", path: "Sources/CIDScanDecode",
                linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png16")]),
        // No unsafeFlags anywhere: SwiftPM refuses them in a package used as a versioned
        // dependency, and the onboarding service depends on DTEKit that way.
        .target(name: "IDScan", dependencies: ["CPNG", "CJPEG", "CIDScanDecode", "CZbar", "CTesseract", "DTECore"]),
        .target(name: "DTEKit", dependencies: ["DTECore", "DTEPrint", "DTESkeleton", "DTEBatch", "IDScan"]),

        // MARK: Command-line tool
        .executableTarget(name: "dtekit", dependencies: [
            "DTEKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Tests
        .testTarget(name: "DTECoreTests", dependencies: ["DTECore", "DTEKitTestSupport"]),
        .testTarget(name: "DTEPrintTests", dependencies: ["DTEPrint", "DTEKitTestSupport"],
                    exclude: ["Resources"]),   // reference PNGs, read by path
        .testTarget(name: "DTESkeletonTests", dependencies: ["DTESkeleton", "DTEPrint", "DTEKitTestSupport"]),
        .testTarget(name: "DTEBatchTests", dependencies: ["DTEBatch", "DTEKitTestSupport"]),
        .testTarget(name: "IDScanTests", dependencies: ["IDScan", "DTEKitTestSupport"],
                    exclude: ["Resources"]),   // fuzz corpus, read by path
        .testTarget(name: "CLITests", dependencies: ["DTEKitTestSupport"]),
        // Test support: process and SII-data helpers, stub renderers, synthetic images. A product of
        // its own so Benchmarks/ and Fuzz/ can use it; `import DTEKit` never brings it.
        .target(name: "DTEKitTestSupport", dependencies: ["DTECore", "DTEBatch", "IDScan", "CZint", "CCairo"],
                path: "Tests/DTEKitTestSupport"),
    ]
)
