import ArgumentParser
import DTEKit
import DTECore
import Foundation

/// `dtekit check-id FILE… [--json] [--policy FILE] [threshold flags]`: is a cédula image usable?
struct CheckIDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-id",
        abstract: "Checks whether photos or scans of a cédula de identidad are usable.",
        discussion: """
        Each FILE (JPEG, PNG, HEIC, or a PDF scan of at most 4 pages whose first page is checked; \
        the format is sniffed from the bytes) is decoded within limits, the card is \
        located and its resolution, sharpness, exposure, contrast and glare are measured. \
        The back's QR code (and MRZ) is read: an expired or inconsistent card is rejected. \
        With --run, all FILEs are one cédula (front and back) with one verdict: legible, \
        vigente on --on, and of that RUN; the QR/MRZ must be readable in some FILE. \
        Exit status: 0 when every file is accepted, 1 when any is rejected, 2 on usage errors \
        (no files, unknown option, bad value, unreadable file or policy). Thresholds come from \
        the defaults, then --policy FILE (JSON, snake_case keys), then the flags below.
        """
    )

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Image files (JPEG, PNG, HEIC) or PDF scans.", valueName: "file"))
    var files: [String] = []

    @Flag(name: .long, help: "Print JSON: one object for one file, an array for several.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("JSON policy file (any subset of the thresholds).", valueName: "file"))
    var policy: String?

    @Option(name: .customLong("run"), help: ArgumentHelp("The legal representative's RUN (e.g. 12.345.678-5): all files are one cédula, which must be vigente and belong to this RUN.", valueName: "run"))
    var runText: String?
    @Option(name: .long, help: ArgumentHelp("Reference date YYYY-MM-DD the cédula must be valid on (default: today in America/Santiago).", valueName: "date"))
    var on: String?
    @Option(name: .long, help: ArgumentHelp("When to OCR the MRZ: fallback (default: only when no QR was read), cross-check (always, ≈0.1 s more), off.", valueName: "mode"))
    var mrz: String?

    @Option(name: .long, help: ArgumentHelp("Largest file in bytes (default 33554432).", valueName: "n"))
    var maxFileBytes: String?
    @Option(name: .long, help: ArgumentHelp("Largest image in megapixels (default 40).", valueName: "mp"))
    var maxMegapixels: String?
    @Option(name: .long, help: ArgumentHelp("Narrowest card in original pixels (default 600).", valueName: "px"))
    var minCardWidth: String?
    @Option(name: .long, help: ArgumentHelp("Lowest sharpness (directional Laplacian variance, default 80).", valueName: "v"))
    var minSharpness: String?
    @Option(name: .long, help: ArgumentHelp("Lowest mean card luminance 0–255 (default 70).", valueName: "v"))
    var minMeanLuma: String?
    @Option(name: .long, help: ArgumentHelp("Highest mean card luminance 0–255 (default 215).", valueName: "v"))
    var maxMeanLuma: String?
    @Option(name: .long, help: ArgumentHelp("Lowest card contrast p95−p5 (default 78).", valueName: "v"))
    var minContrast: String?
    @Option(name: .long, help: ArgumentHelp("Largest glare fraction of the card (default 0.01).", valueName: "f"))
    var maxGlareFraction: String?
    @Option(name: .long, help: ArgumentHelp("Largest clipped fraction of the card while its print is washed out (default 0.12).", valueName: "f"))
    var maxBurntFraction: String?
    @Option(name: .long, help: ArgumentHelp("5th-percentile card luminance from which the print counts as washed out (default 80).", valueName: "v"))
    var minWashedP5Luma: String?
    @Option(name: .long, help: ArgumentHelp("Largest JPEG blocking on the card, % of grid pixel pairs (default 7).", valueName: "v"))
    var maxBlockiness: String?
    @Option(name: .long, help: ArgumentHelp("Lowest JPEG quality, from the quantisation table (default 20).", valueName: "q"))
    var minJpegQuality: String?

    /// Prints a usage error and exits with status 2 (ArgumentParser's own would be 64).
    private func usage(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("dtekit check-id: \(message)\nUso: dtekit check-id ARCHIVO… [--run RUN] [--on AAAA-MM-DD] [--json] [--policy ARCHIVO] [--min-sharpness V …]\n".utf8))
        return ExitCode(2)
    }

    private func resolvedPolicy() throws -> IDScanPolicy {
        var p = IDScanPolicy.default
        if let policy {
            do { p = try IDScanPolicy.load(contentsOf: URL(fileURLWithPath: policy)) } catch { throw usage("\(error)") }
        }
        func number(_ text: String?, _ flag: String, _ apply: (Double) -> Void) throws {
            guard let text else { return }
            guard let v = Double(text), v.isFinite, v >= 0 else { throw usage("--\(flag): '\(text)' is not a valid number") }
            apply(v)
        }
        try number(maxFileBytes, "max-file-bytes") { p.maxFileBytes = Int(min($0, Double(Int.max / 2))) }
        try number(maxMegapixels, "max-megapixels") { p.maxMegapixels = $0 }
        try number(minCardWidth, "min-card-width") { p.minCardWidth = $0 }
        try number(minSharpness, "min-sharpness") { p.minSharpness = $0 }
        try number(minMeanLuma, "min-mean-luma") { p.minMeanLuma = $0 }
        try number(maxMeanLuma, "max-mean-luma") { p.maxMeanLuma = $0 }
        try number(minContrast, "min-contrast") { p.minContrast = $0 }
        try number(maxGlareFraction, "max-glare-fraction") { p.maxGlareFraction = $0 }
        try number(maxBurntFraction, "max-burnt-fraction") { p.maxBurntFraction = $0 }
        try number(minWashedP5Luma, "min-washed-p5-luma") { p.minWashedP5Luma = $0 }
        try number(maxBlockiness, "max-blockiness") { p.maxBlockiness = $0 }
        try number(minJpegQuality, "min-jpeg-quality") { p.minJPEGQuality = $0 }
        return p
    }

    func run() throws {
        if let option = files.first(where: { $0.hasPrefix("-") && $0 != "-" }) {
            throw usage("opción desconocida '\(option)'")
        }
        guard !files.isEmpty else { throw usage("give at least one image file") }
        let resolved = try resolvedPolicy()
        var expectedRUN: RUT?
        if let runText {
            do { expectedRUN = try RUT(runText) } catch { throw usage("--run: '\(runText)' is not a valid RUN (\(error))") }
        }
        var reference = CedulaDate.today()
        if let on {
            guard let d = CedulaDate(iso: on) else { throw usage("--on: '\(on)' is not a valid YYYY-MM-DD date") }
            reference = d
        }
        var mrzUse = CedulaCheck.MRZUse.fallback
        if let mrz {
            guard let m = CedulaCheck.MRZUse(rawValue: mrz) else { throw usage("--mrz: '\(mrz)' must be cross-check, fallback or off") }
            mrzUse = m
        }
        let cedula = CedulaCheck(policy: resolved, expectedRUN: expectedRUN, referenceDate: reference, mrz: mrzUse)
        var inputs: [(String, Data)] = []
        for path in files {
            // Read up to a ceiling well above the policy's cap, so a file over the cap still gets
            // its `file-too-large` verdict, while a multi-gigabyte file is refused unread.
            switch BoundedFile.read(URL(fileURLWithPath: path), limit: max(resolved.maxFileBytes, 256 << 20)) {
            case .success(let data): inputs.append((path, data))
            case .failure(let f): throw usage("\(path): cannot read the file (\(f.reason))")
            }
        }
        if expectedRUN != nil {
            try runDocumentCheck(cedula.check(inputs.map(\.1)), paths: inputs.map(\.0))
            return
        }
        // Without --run: each file on its own, as before, plus what its back says (if anything).
        var reports: [(String, IDScanReport)] = []
        var documents: [CedulaDocument?] = []
        for (_, data) in inputs {
            let combined = cedula.check([data])
            var r = combined.images.first ?? IDScanChecker(policy: resolved).check(data)
            r.problems += combined.problems
            if !r.problems.isEmpty { r.verdict = .reject }
            r.elapsedMilliseconds = combined.elapsedMilliseconds
            reports.append(("", r))
            documents.append(combined.document)
        }
        for i in reports.indices { reports[i].0 = inputs[i].0 }

        if json {
            let entries = reports.enumerated().map { i, r in FileEntry(file: r.0, report: r.1, document: documents[i], withDocument: true) }
            let data = entries.count == 1 ? try Self.encoder.encode(entries[0]) : try Self.encoder.encode(entries)
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            var out = ""
            for (i, (path, r)) in reports.enumerated() {
                let size = r.imageSize.map { "\($0.width)×\($0.height)" } ?? "?"
                if r.verdict == .accept {
                    out += "\(path): ACEPTADA · accepted (\(r.format), \(size), cédula de \(Int(r.metrics.cardWidth ?? 0)) px, \(String(format: "%.1f", r.elapsedMilliseconds)) ms)\n"
                } else {
                    out += "\(path): RECHAZADA · rejected (\(r.format), \(size), \(String(format: "%.1f", r.elapsedMilliseconds)) ms)\n"
                    for p in r.problems {
                        var line = "  - [\(p.code.rawValue)] \(p.messageES)"
                        if let m = p.measured, let t = p.threshold { line += " (medido \(format(m)), límite \(format(t)))" }
                        out += line + "\n      \(p.messageEN)\n"
                    }
                }
                if let d = documents[i] { out += "  " + Self.describe(d) + "\n" }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
        if reports.contains(where: { $0.1.verdict == .reject }) { throw ExitCode(1) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One file's report with its name first-level (and, when asked, the document read from it).
    struct FileEntry: Encodable {
        let file: String
        let report: IDScanReport
        var document: CedulaDocument? = nil
        var withDocument = false
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(file, forKey: Key("file"))
            if withDocument { try c.encode(document, forKey: Key("document")) }
            try report.encode(to: encoder)
        }
        struct Key: CodingKey {
            var stringValue: String; var intValue: Int? { nil }
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    static func describe(_ d: CedulaDocument) -> String {
        "documento: \(d.type.rawValue) n.º \(d.documentNumber), RUN \(d.run.formatted), vence \(d.expiryDate) (leído de \(d.source.rawValue))"
    }

    /// `--run`: every file is one side (or page) of the same cédula; one verdict.
    private func runDocumentCheck(_ report: CedulaCheckReport, paths: [String]) throws {
        if json {
            struct Combined: Encodable {
                let report: CedulaCheckReport
                let images: [FileEntry]
                enum Keys: String, CodingKey { case verdict, problems, document, images, inconsistencies, referenceDate = "reference_date", elapsed = "elapsed_ms" }
                func encode(to encoder: any Encoder) throws {
                    var c = encoder.container(keyedBy: Keys.self)
                    try c.encode(report.verdict, forKey: .verdict)
                    try c.encode(report.problems, forKey: .problems)
                    try c.encode(report.document, forKey: .document)
                    try c.encode(images, forKey: .images)
                    try c.encode(report.inconsistencies, forKey: .inconsistencies)
                    try c.encode(report.referenceDate, forKey: .referenceDate)
                    try c.encode(report.elapsedMilliseconds, forKey: .elapsed)
                }
            }
            let images = zip(paths, report.images).map { FileEntry(file: $0.0, report: $0.1) }
            FileHandle.standardOutput.write(try Self.encoder.encode(Combined(report: report, images: images)) + Data("\n".utf8))
        } else {
            var out = "cédula (\(paths.count) archivo\(paths.count == 1 ? "" : "s")): \(report.verdict == .accept ? "ACEPTADA · accepted" : "RECHAZADA · rejected") al \(report.referenceDate) (\(String(format: "%.1f", report.elapsedMilliseconds)) ms)\n"
            if let d = report.document { out += "  " + Self.describe(d) + "\n" }
            for (path, r) in zip(paths, report.images) {
                out += "  \(path): \(r.verdict == .accept ? "legible · readable" : "ilegible · unreadable")\n"
                for p in r.problems { out += "    - [\(p.code.rawValue)] \(p.messageES)\n        \(p.messageEN)\n" }
            }
            for p in report.problems { out += "  - [\(p.code.rawValue)] \(p.messageES)\n    \(p.messageEN)\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
        if report.verdict == .reject { throw ExitCode(1) }
    }

    private func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e12 ? String(Int(v)) : String(format: "%.4g", v)
    }
}
