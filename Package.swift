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
        // The reader alone (used by the Fuzz/ harness package's DTEReaderFuzz).
        .library(name: "DTECore", targets: ["DTECore"]),
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
        .systemLibrary(name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CHeif", path: "Sources/CHeif", pkgConfig: "libheif",
                       providers: [.apt(["libheif-dev"])]),
        // QR codes on the back of the cédula (IDScan's document check).
        .systemLibrary(name: "CZbar", path: "Sources/CZbar", pkgConfig: "zbar",
                       providers: [.apt(["libzbar-dev"])]),
        // MRZ OCR (IDScan's fallback when the QR is damaged); language data: tesseract-ocr-eng.
        .systemLibrary(name: "CTesseract", path: "Sources/CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "tesseract-ocr-eng"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),

        // MARK: Library modules
        // DTECore is the only module that touches libxml2 and libcrypto (`internal import`): the
        // safe parser, C14N, keys and certificates, digests. The modules above use its APIs.
        .target(name: "DTECore", dependencies: ["CLibXML2", "COpenSSL"]),
        .target(name: "DTEPrint", dependencies: ["DTECore", "CCairo", "CZint", "ImageCodec",
                                                 .product(name: "Yams", package: "Yams")],
                // Aduana's code tables as TSV (source and date in its README): compiled in as
                // AduanaTables.swift by scripts/aduana-tables.py, not shipped as a bundle.
                exclude: ["Aduana/data"]),
        .target(name: "DTESkeleton", dependencies: ["DTECore", .product(name: "Yams", package: "Yams")]),
        .target(name: "DTEBatch", dependencies: ["DTECore", "DTEPrint"]),
        // The image codec's thin C helper: libjpeg/libpng calls whose error handling needs setjmp
        // (libjpeg-turbo and libpng headers and libraries from libjpeg62-turbo-dev, libpng-dev).
        .target(name: "CImageCodec", path: "Sources/CImageCodec",
                linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png16")]),
        // One image-codec layer for the package: format sniffing, header-only size checks, and
        // decoding JPEG/PNG/PDF pages/HEIC within limits, for the ID check and the printout's logos.
        .target(name: "ImageCodec", dependencies: ["CImageCodec", "CPoppler", "CHeif", "CCairo"]),
        // No unsafeFlags anywhere: SwiftPM refuses them in a package used as a versioned
        // dependency, and the onboarding service depends on DTEKit that way.
        .target(name: "IDScan", dependencies: ["ImageCodec", "CImageCodec", "CZbar", "CTesseract", "DTECore"]),
        .target(name: "DTEKit", dependencies: ["DTECore", "DTEPrint", "DTESkeleton", "DTEBatch", "IDScan"]),

        // MARK: Command-line tool
        // The commands (a library, not a product), and `dtekit`, which only calls them.
        .target(name: "DTEKitCLI", dependencies: [
            // DTECore directly for its package-level file helpers (BoundedFile), shared with the library.
            "DTEKit", "DTECore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "dtekit", dependencies: ["DTEKitCLI"]),

        // MARK: Tests
        .testTarget(name: "DTECoreTests", dependencies: ["DTECore", "DTEKitTestSupport"],
                    exclude: ["Resources"]),   // reader fuzz corpus, read by path
        .testTarget(name: "DTEPrintTests", dependencies: ["DTEPrint", "DTEKitTestSupport"],
                    exclude: ["Resources"]),   // reference PNGs and the template fuzz corpus, read by path
        .testTarget(name: "DTESkeletonTests", dependencies: ["DTESkeleton", "DTEPrint", "DTEKitTestSupport"],
                    exclude: ["Resources"]),   // profile fuzz corpus, read by path
        .testTarget(name: "DTEBatchTests", dependencies: ["DTEBatch", "DTEKitTestSupport"]),
        .testTarget(name: "IDScanTests", dependencies: ["IDScan", "DTEKitTestSupport"],
                    exclude: ["Resources"]),   // fuzz corpus, read by path
        .testTarget(name: "CLITests", dependencies: ["DTEKitTestSupport"]),
        // Test support: process and SII-data helpers, stub renderers, synthetic images. A product of
        // its own so Benchmarks/ and Fuzz/ can use it; `import DTEKit` never brings it.
        // `dtekit` with test renderers plugged in (gated stubs): the CLI tests' way to drive
        // `dtekit batch` deterministically, so the shipped command carries no test hooks.
        .executableTarget(name: "dtekit-test-harness", dependencies: ["DTEKitCLI", "DTEBatch", "DTEKitTestSupport"],
                          path: "Tests/DTEKitCLIHarness"),
        .target(name: "DTEKitTestSupport", dependencies: ["DTECore", "DTEBatch", "IDScan", "CZint", "CCairo"],
                path: "Tests/DTEKitTestSupport"),
    ]
)
