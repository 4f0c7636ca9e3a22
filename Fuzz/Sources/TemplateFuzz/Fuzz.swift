import DTEKit
import Foundation

/// libFuzzer over the template loader (YAML bounds, Yams, every key's checks, the SII rules of
/// TemplateCheck) and, for templates it accepts, the printout: a Printout is built from it and
/// a real SII sample is laid out, preflighted and drawn. Invariants: no crash; an error names
/// the source; an accepted template renders a PDF or refuses with a PrintError.
///   cd Fuzz && swift build -c release --sanitize=fuzzer --sanitize=address
///   .build/release/TemplateFuzz -max_total_time=1800 -max_len=8192 corpus-template/ seeds-template/
/// Seeds: ../Templates/*.yaml. Minimised findings and corpus: Tests/DTEPrintTests/Resources/template-fuzz-corpus.
private let document: DTEDocument? = {
    let dir = ProcessInfo.processInfo.environment["DTEKIT_SII_DIR"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../shared/sii").standardizedFileURL
    let url = dir.appendingPathComponent("samples/33-DTE--60910000-1--33--2336600.xml")
    return try? DTEReader.forPrinting.read(contentsOf: url).documents.first
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var template: PrintTemplate
    do {
        template = try PrintTemplate.load(yaml: text, source: "fuzz.yaml", baseDirectory: nil)
    } catch {
        if !error.description.contains("fuzz.yaml") { fatalError("error without its source: \(error)") }
        return 0
    }
    template.logo.file = nil        // never read files named by the input
    guard let document else { return 0 }
    do {
        let printout = try Printout(template: template)
        _ = try printout.preflight(for: document)
        let pdf = try printout.pdf(for: document)
        if !pdf.starts(with: Array("%PDF".utf8)) { fatalError("not a PDF") }
    } catch {
        if String(describing: error).isEmpty { fatalError("empty error") }
    }
    return 0
}
