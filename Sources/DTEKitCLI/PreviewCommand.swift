import ArgumentParser
import DTEKit
import DTECore
import Foundation

/// `dtekit preview --template T [--logo L]`: renders the shipped samples for a quick look.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Renders the shipped samples (Samples/*.xml) with a template, as PDF and PNG, for a quick look.",
        discussion: """
        Writes into --out (default preview/) one PDF and one PNG (first page) per sample document \
        the template can print, plus the cedible copy where allowed. Types a template cannot \
        print (e.g. facturas on termica-57mm) are listed and skipped.
        """
    )

    @OptionGroup var printoutOptions: PrintoutOptions

    @Option(name: .long, help: "Output folder.")
    var out: String = "preview"

    @Option(name: .long, help: "Folder with sample XML files.")
    var samples: String?

    @Option(name: .long, help: "PNG resolution.")
    var dpi: Double = 100

    @Flag(name: .long, help: "Refuse documents that deviate from the SII schema (default: print them, deviations as warnings on stderr).")
    var strict = false

    func run() throws {
        let printout = try printoutOptions.makePrintout()
        let dir = samples.map { URL(fileURLWithPath: $0) } ?? TemplateLocator.samplesDirectory()
        let files = ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "xml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw ValidationError("no sample XML files in \(dir.path)") }
        let outDir = URL(fileURLWithPath: out)
        do { try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true) } catch {
            throw ValidationError("--out \(outDir.path): cannot create the folder (\(BoundedFile.message(error)))")
        }
        let reader = printingReader(strict: strict)
        var count = 0, failures = 0
        for file in files {
            let envelope: DTEEnvelope
            do { envelope = try reader.read(contentsOf: file) } catch { stderr("dtekit: \(error.description)"); failures += 1; continue }
            printWarnings(envelope, path: file.path)
            for doc in envelope.documents {
                if let allowed = printout.template.documentTypes, !allowed.contains(doc.type.rawValue) {
                    print("skipped \(file.lastPathComponent): \(doc.type.rawValue) N° \(doc.folio) (template prints \(allowed.map(String.init).joined(separator: ", ")) only)")
                    continue
                }
                let kinds: [CopyKind] = doc.allowsCedibleCopy ? [.tributaria, .cedible] : [.tributaria]
                for kind in kinds {
                    do {
                        let pdf = try printout.pdf(for: doc, copy: kind)
                        let name = try OutputNaming.fileName(for: doc, copy: kind, extension: "pdf")
                        try AtomicFile.write(pdf, to: outDir.appendingPathComponent(name))
                        let png = try printout.png(for: doc, copy: kind, dpi: dpi)
                        if let first = png.first {
                            try AtomicFile.write(first, to: outDir.appendingPathComponent(try OutputNaming.fileName(for: doc, copy: kind, extension: "png")))
                        }
                        print(outDir.appendingPathComponent(name).path)
                        count += 1
                    } catch {
                        stderr("dtekit: \(file.lastPathComponent): \(doc.type.rawValue) N° \(doc.folio): \(error)")
                        failures += 1
                    }
                }
            }
        }
        print("\(count) printout(s) in \(outDir.path)" + (failures > 0 ? ", \(failures) failure(s)" : ""))
        // A preview with a sample that failed is not a good preview: say so in the exit status.
        if failures > 0 { throw ExitCode(1) }
    }
}
