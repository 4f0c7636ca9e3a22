import Foundation
import Testing
import DTECore
import DTEPrint
@testable import DTEBatch
import DTEKitTestSupport

/// The batch engine with the real printout (DTEPrint), not the stub: real PDFs, real
/// fingerprints from the template and logo bytes.
@Suite("Batch with the real printout") struct PrintoutBatchTests {
    private func engine(_ input: URL, _ out: URL, template: URL, logo: URL?) throws -> BatchEngine {
        let renderer = try PrintoutBatchRenderer.load(template: template.path, templatesDirectory: nil, logo: logo,
                                                      copies: [.tributaria])
        return BatchEngine(configuration: BatchConfiguration(inputs: [input], outputDirectory: out, jobs: 2, syncWrites: false),
                           reader: DTEReader(), renderer: renderer)
    }

    @Test("300 inputs + 5 broken render as carta PDFs; unchanged re-run renders 0; a template colour change re-renders all")
    func realPrintoutIncremental() async throws {
        let root = try TestSupport.temporaryDirectory("batch-print")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(300, in: input)
        try Fixtures.generateBroken(in: input)
        let template = root.appendingPathComponent("carta.yaml")
        try Data(contentsOf: TestSupport.templatesDirectory.appendingPathComponent("carta.yaml")).write(to: template)
        let logo = TestSupport.samplesDirectory.appendingPathComponent("logo.png")

        let first = try await engine(input, out, template: template, logo: logo).run { _ in }
        #expect(first.rendered == 300)
        #expect(first.failed == 5)
        let pdfs = try Fixtures.pdfs(in: out)
        #expect(pdfs.count == 300)
        // Real printouts: the text layer carries the SII's legends and the folio.
        for url in pdfs.enumerated().filter({ $0.offset % 60 == 0 }).map(\.element) {
            let text = try TestSupport.run(tool: "pdftotext", [url.path, "-"]).stdoutText
            #expect(text.contains("Timbre Electrónico SII"), "\(url.lastPathComponent)")
            let folio = url.deletingPathExtension().lastPathComponent.split(separator: "_").last.map(String.init) ?? "?"
            #expect(text.contains("N° \(folio)"), "\(url.lastPathComponent)")
        }

        let again = try await engine(input, out, template: template, logo: logo).run { _ in }
        #expect(again.rendered == 0)
        #expect(again.skipped == 300)

        let yaml = try String(contentsOf: template, encoding: .utf8)
        #expect(yaml.contains("accent: \"#333333\""))
        try yaml.replacingOccurrences(of: "accent: \"#333333\"", with: "accent: \"#1F4E79\"")
            .write(to: template, atomically: true, encoding: .utf8)
        let changed = try await engine(input, out, template: template, logo: logo).run { _ in }
        #expect(changed.rendered == 300)
        #expect(changed.skipped == 0)
    }
}
