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

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("onboarding: \(message)\n".utf8))
    exit(1)
}

do {
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)

    // 1. Skeletons for the chosen types, stamped. A real onboarding stamps with the CAFs the SII
    //    granted and signs with the company's certificate (`identity:`); here self-made test CAFs
    //    stand in, and the files are read back strictly and their timbres checked.
    let profile = try EmisorProfile.load(contentsOf: repository.appendingPathComponent("Samples/emisor.yaml"))
    let chosen: [DocumentType] = [.factura, .facturaExenta, .notaCredito]
    let cafs = try chosen.map { try CAF.makeTestCAF(type: $0, emisor: profile.rut) }
    let outputs = try SkeletonBuilder(profile: profile, cafs: cafs).build(types: chosen)
    let written = try SkeletonBuilder.write(outputs, to: output)
    var stamped: [DTEDocument] = []
    for url in written {
        let envelope = try DTEReader(mode: .strict).read(contentsOf: url)
        guard let document = envelope.documents.first, document.ted?.verify() == true else { fail("\(url.path): no verifiable timbre") }
        // The only thing the timbre check may say about a test CAF is that the SII did not issue it.
        let problems = document.timbreProblems()
        guard problems.map(\.kind) == [.cafAuthorization] else { fail("\(url.path): unexpected timbre problems \(problems)") }
        stamped.append(document)
        print("1. skeleton \(document.type.rawValue) \(document.type.printedName): \(url.path) (read back strictly, timbre verified; test CAF)")
    }

    // 2. A preview of the company's printout (template + logo) of its own first document.
    let template = try PrintTemplate.named("carta", in: repository.appendingPathComponent("Templates"))
    let printout = try Printout(template: template, logo: try Logo(contentsOf: repository.appendingPathComponent("Samples/logo.png")))
    guard let document = stamped.first else { fail("no skeleton to preview") }
    let pages = try printout.png(for: document, dpi: 72)
    let preview = output.appendingPathComponent("preview.png")
    try pages[0].write(to: preview)
    let problems = try printout.preflight(for: document)
    guard problems.isEmpty else { fail("the printout breaks SII print rules: \(problems)") }
    print("2. preview: \(preview.path) (\(pages.count) page(s), follows every SII print rule checked)")

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
