import DTEKit
import Foundation

// The onboarding service's three steps, with DTEKit as a library:
//   1. the company chose its DTE types: write schema-valid XML skeletons for them;
//   2. it personalised its printout: render a preview with its logo and template;
//   3. it uploaded its legal representative's cédula: check it (legible, vigente, the right RUN).
// Usage: Onboarding [OUTPUT_DIR] [ID_IMAGE…]   (run from anywhere; paths default to the repository)

let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let arguments = Array(CommandLine.arguments.dropFirst())
let output = URL(fileURLWithPath: arguments.first ?? NSTemporaryDirectory() + "dtekit-onboarding")
let idImages = arguments.dropFirst().map { URL(fileURLWithPath: $0) }
let siiDirectory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DTEKIT_SII_DIR"]
    ?? repository.deletingLastPathComponent().appendingPathComponent("shared/sii").path)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("onboarding: \(message)\n".utf8))
    exit(1)
}

do {
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)

    // 1. Skeletons for the chosen types, validated against the SII's schema when it is at hand.
    let profile = try EmisorProfile.load(contentsOf: repository.appendingPathComponent("Samples/emisor.yaml"))
    let generator = SkeletonGenerator(emisor: profile)
    let chosen: [DocumentType] = [.factura, .facturaExenta, .notaCredito]
    let validator = try? SchemaValidator(schemaDirectory: siiDirectory.appendingPathComponent("schemas"), schema: .dte)
    for type in chosen {
        let xml = Data(try DTEXMLWriter().dte(try generator.document(for: type)))
        let url = output.appendingPathComponent("T\(type.rawValue).xml")
        try xml.write(to: url)
        let verdict = try validator.map { try $0.validate(xml, source: url.lastPathComponent) }
        print("1. skeleton \(type.rawValue) \(type.printedName): \(url.path)"
              + (verdict.map { $0.isEmpty ? " (valid against DTE_v10.xsd)" : " (\($0.count) schema violations)" } ?? ""))
        if let verdict, !verdict.isEmpty { fail("skeleton \(type.rawValue) does not validate: \(verdict)") }
    }

    // 2. A preview of the printout as the company personalised it (template + logo), on a real document.
    let template = try PrintTemplate.named("carta", in: repository.appendingPathComponent("Templates"))
    let printout = try Printout(template: template, logo: try Logo(contentsOf: repository.appendingPathComponent("Samples/logo.png")))
    let sample = try DTEReader.forPrinting.read(contentsOf: repository.appendingPathComponent("Samples/34-DTE-76235291-5-F1.xml"))
    guard let document = sample.documents.first else { fail("the sample holds no document") }
    let pages = try printout.png(for: document, dpi: 72)
    let preview = output.appendingPathComponent("preview.png")
    try pages[0].write(to: preview)
    let problems = try printout.preflight(for: document)
    print("2. preview: \(preview.path) (\(pages.count) page(s), \(problems.isEmpty ? "follows every SII print rule" : "\(problems.count) SII rule problems"))")

    // 3. The cédula check. Without images, the company's logo stands in for a wrong upload.
    let uploads = idImages.isEmpty ? [repository.appendingPathComponent("Samples/logo.png")] : idImages
    let check = CedulaCheck(expectedRUN: try RUT("12.345.678-5"))
    let report = check.check(try uploads.map { try Data(contentsOf: $0) })
    print("3. cédula: \(report.verdict.rawValue)")
    for problem in report.allProblems {
        print("   \(problem.code.rawValue): \(problem.messageES) / \(problem.messageEN)")
    }
} catch {
    fail("\(error)")
}
