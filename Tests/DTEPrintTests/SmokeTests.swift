import DTECore
@testable import DTEPrint
import Foundation
import Testing
import TestSupport

@Suite struct SmokeTests {
    @Test func rendersSample170() throws {
        let url = try TestSupport.siiSamples().appendingPathComponent("33-DTE--76354771-K--33--170.xml")
        let doc = try #require(try DTEReader().read(contentsOf: url).documents.first)
        let out = URL(fileURLWithPath: "/tmp/print-smoke")
        try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for name in ["carta", "termica-80mm", "marca-ejemplo"] {
            let t = try PrintTemplate.named(name, in: TestSupport.templatesDirectory)
            let p = try Printout(template: t, logo: try Logo(contentsOf: TestSupport.samplesDirectory.appendingPathComponent("logo.png")))
            for copy in CopyKind.allCases {
                let pdf = try p.pdf(for: doc, copy: copy)
                try pdf.write(to: out.appendingPathComponent("\(name)-\(copy).pdf"))
                let png = try p.png(for: doc, copy: copy, dpi: 100)
                try png[0].write(to: out.appendingPathComponent("\(name)-\(copy).png"))
            }
        }
        try (TED_bytes(doc)).write(to: out.appendingPathComponent("ted.bin"))
    }
    func TED_bytes(_ d: DTEDocument) -> Data { Data(d.ted?.bytes ?? []) }
}
