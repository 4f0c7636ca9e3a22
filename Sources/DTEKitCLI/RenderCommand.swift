import ArgumentParser
import DTEKit
import DTECore
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case pdf, png }

/// `dtekit render FILE… --template T [--logo L] [--out DIR] [--format pdf|png] [--dpi N] [--copies …]`
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Renders DTE XML files (DTE, EnvioDTE, EnvioBOLETA) to PDF or PNG printouts.",
        discussion: """
        One output per document and copy, named <RUTEmisor>_<TipoDTE>_<Folio>[_cedible].pdf \
        (PNG: one file per page, _p2… from the second page on multi-page documents). Every \
        printout is checked against the SII's printout rules before it is written. Exits \
        non-zero when any file or document fails; the others are still written.
        """
    )

    @Argument(help: ArgumentHelp("DTE XML files.", valueName: "file"))
    var files: [String]

    @OptionGroup var printoutOptions: PrintoutOptions

    @Option(name: .long, help: "Output folder (created if missing).")
    var out: String = "out"

    @Option(name: .long, help: "pdf or png.")
    var format: OutputFormat = .pdf

    @Option(name: .long, help: "PNG resolution.")
    var dpi: Double = 150

    @Option(name: .long, help: "Copies to print, comma separated: tributaria, cedible. Default: the template's copies (cedible only where allowed).")
    var copies: String?

    @Flag(name: .long, help: "Refuse documents that deviate from the SII schema (default: print them, deviations as warnings on stderr).")
    var strict = false

    func validate() throws {
        guard (20...1200).contains(dpi) else { throw ValidationError("--dpi must be 20…1200") }
        if let copies {
            for c in copies.split(separator: ",") where CopyKind(rawValue: c.trimmingCharacters(in: .whitespaces)) == nil {
                throw ValidationError("--copies: unknown copy '\(c)' (allowed: tributaria, cedible)")
            }
        }
    }

    func run() throws {
        let printout = try printoutOptions.makePrintout()
        let requested: [CopyKind]? = copies.map { $0.split(separator: ",").compactMap { CopyKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) } }
        let outDir = URL(fileURLWithPath: out)
        do { try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true) } catch {
            throw ValidationError("--out \(out): cannot create the folder (\(BoundedFile.message(error)))")
        }
        let reader = printingReader(strict: strict)
        var failures = 0, written = 0
        var claims = OutputNameClaims()
        for path in files {
            let envelope: DTEEnvelope
            do { envelope = try reader.read(contentsOf: URL(fileURLWithPath: path)) } catch {
                stderr("dtekit: \(error.description)"); failures += 1; continue
            }
            printWarnings(envelope, path: path)
            for doc in envelope.documents {
                var kinds: [CopyKind]
                if let requested { kinds = requested } else {
                    kinds = Array(repeating: .tributaria, count: min(1, printout.template.copies.tributaria))
                    if printout.template.copies.cedible > 0, doc.allowsCedibleCopy { kinds.append(.cedible) }
                    if kinds.isEmpty { kinds = [.tributaria] }
                }
                for kind in kinds {
                    do {
                        written += try write(doc, copy: kind, printout: printout, to: outDir, source: path, claims: &claims)
                    } catch {
                        stderr("dtekit: \(path): \(doc.type.rawValue) N° \(doc.folio) (\(kind.rawValue)): \(error)")
                        failures += 1
                    }
                }
            }
        }
        print("\(written) file(s) written to \(outDir.path)" + (failures > 0 ? ", \(failures) failure(s)" : ""))
        if failures > 0 { throw ExitCode(1) }
    }

    private func write(_ doc: DTEDocument, copy: CopyKind, printout: Printout, to dir: URL, source: String,
                       claims: inout OutputNameClaims) throws -> Int {
        /// The name actually written: a name another input of this run already took gets a suffix.
        func claimed(_ name: String) -> String {
            let (final, other) = claims.claim(name, source: source)
            if let other { stderr("dtekit: warning: \(source): \(name) was already written by \(other) in this run; writing it as \(final)") }
            return final
        }
        switch format {
        case .pdf:
            let data = try printout.pdf(for: doc, copy: copy)
            let name = claimed(try OutputNaming.fileName(for: doc, copy: copy, extension: "pdf"))
            try AtomicFile.write(data, to: dir.appendingPathComponent(name))
            print(dir.appendingPathComponent(name).path)
            return 1
        case .png:
            let pages = try printout.png(for: doc, copy: copy, dpi: dpi)
            for (i, page) in pages.enumerated() {
                let name = claimed(try OutputNaming.fileName(for: doc, copy: copy, page: i + 1, pages: pages.count, extension: "png"))
                try AtomicFile.write(page, to: dir.appendingPathComponent(name))
                print(dir.appendingPathComponent(name).path)
            }
            return pages.count
        }
    }
}
