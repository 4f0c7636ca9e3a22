import DTECore
@testable import DTEPrint
import Foundation
import Testing
import DTEKitTestSupport

/// The TemplateFuzz harness's checks (Fuzz/Sources/TemplateFuzz), replayed over its committed,
/// minimised corpus: every input loads or is refused with an error naming its source, and every
/// template that loads lays out, preflights and draws a real SII sample or refuses with a
/// PrintError — never a crash.
@Suite struct TemplateFuzzCorpusTests {
    @Test func committedCorpus() throws {
        let (dir, files) = try TestSupport.fuzzCorpus("template-fuzz-corpus", besides: #filePath)
        #expect(files.count >= 20, "the committed fuzz corpus is missing or too small at \(dir.path)")
        let document = try #require(try DTEReader.forPrinting.read(
            contentsOf: try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml")).documents.first)
        var loaded = 0, drawn = 0
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            var template: PrintTemplate
            do { template = try PrintTemplate.load(yaml: text, source: "fuzz.yaml", baseDirectory: nil) } catch {
                #expect(error.description.contains("fuzz.yaml"), "\(file.lastPathComponent): \(error)")
                continue
            }
            loaded += 1
            template.logo.file = nil
            do {
                let printout = try Printout(template: template)
                _ = try printout.preflight(for: document)
                let pdf = try printout.pdf(for: document)
                #expect(pdf.starts(with: Array("%PDF".utf8)), "\(file.lastPathComponent)")
                drawn += 1
            } catch {
                #expect(!error.description.isEmpty, "\(file.lastPathComponent)")
            }
        }
        #expect(loaded > 0 && drawn > 0, "the corpus should hold templates that load and print (\(loaded) loaded, \(drawn) drawn)")
    }
}
