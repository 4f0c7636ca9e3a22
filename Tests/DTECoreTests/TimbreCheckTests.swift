import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

/// Issue 13: a document whose totals contradict its own timbre (`MntTotal` 1, TED `MNT` 2996301)
/// was printed without a word. The timbre is now checked against the document (RE, TD, F, FE,
/// RR, RSR, MNT, IT1), its FRMT against the CAF's key and the CAF's FRMA against the SII's.
@Suite struct TimbreCheckTests {
    /// Real, SII-stamped (IDK 300): every check passes on it untouched.
    static let sampleName = "33-DTE--60910000-1--33--2336600.xml"

    private func sample() throws -> Data {
        try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent(Self.sampleName))
    }

    /// `data` with the text of the first `<tag>` replaced (tags of the document, never the DD's).
    private func replacing(_ tag: String, with value: String, in data: Data) throws -> Data {
        let open = Data("<\(tag)>".utf8), close = Data("</\(tag)>".utf8)
        let o = try #require(data.range(of: open), "no <\(tag)>")
        let c = try #require(data.range(of: close, in: o.upperBound..<data.endIndex))
        var out = data
        out.replaceSubrange(o.upperBound..<c.lowerBound, with: Data(value.utf8))
        return out
    }

    private func problems(_ data: Data) throws -> [TimbreProblem] {
        let doc = try #require(try DTEReader.forPrinting.read(data, source: "t.xml").documents.first)
        return doc.timbreProblems()
    }

    @Test("Every stamped SII sample and shipped sample is certified by its timbre (the test-CAF sample is named as such)")
    func realSamplesPass() throws {
        var checked = 0
        for url in try TestSupport.siiDocumentSamples() where !url.lastPathComponent.hasPrefix("invalid") {
            for doc in try DTEReader.forPrinting.read(contentsOf: url).documents {
                #expect(doc.timbreProblems().isEmpty, "\(url.lastPathComponent) \(doc.folio): \(doc.timbreProblems())")
                checked += 1
            }
        }
        #expect(checked >= 26)
        let testCAF = try DTEReader.forPrinting.read(contentsOf: TestSupport.samplesDirectory.appendingPathComponent("43-DTE-76235291-5-F1-CAF-PRUEBA.xml"))
        let p = try #require(testCAF.documents.first).timbreProblems()
        #expect(p.map(\.kind) == [.cafAuthorization] && p.first?.field == "IDK", "\(p)")
    }

    @Test("Each DD field the document contradicts is named, and only that one",
          arguments: [("RUTEmisor", "76354771-K", "RE"), ("Folio", "2336601", "F"), ("FchEmis", "2019-08-09", "FE"),
                      ("RUTRecep", "66666666-6", "RR"), ("RznSocRecep", "OTRA EMPRESA SPA", "RSR"),
                      ("MntTotal", "1", "MNT"), ("NmbItem", "Otro producto", "IT1"), ("TipoDTE", "34", "TD")])
    func fieldMismatches(tag: String, value: String, field: String) throws {
        let p = try problems(try replacing(tag, with: value, in: try sample()))
        let mismatches = p.filter { $0.kind == .fieldMismatch }
        #expect(mismatches.map(\.field) == [field], "\(p)")
        #expect(mismatches.first?.message.contains(value) == true)
        // The signatures are untouched: the document was edited, not the timbre.
        #expect(!p.contains { $0.kind == .stampSignature || $0.kind == .cafAuthorization })
    }

    @Test("White space is normalised and amounts compare by value: no false alarm")
    func equivalentFormsPass() throws {
        var data = try replacing("RznSocRecep", with: "  FYNPAL\n  SPA ", in: try sample())
        data = try replacing("MntTotal", with: "10642", in: data)
        #expect(try problems(data).isEmpty)
    }

    @Test("A negative total is named")
    func negativeTotal() throws {
        let p = try problems(try replacing("MntTotal", with: "-10642", in: try sample()))
        #expect(p.contains { $0.kind == .negativeTotal })
        #expect(p.contains { $0.kind == .fieldMismatch && $0.field == "MNT" })
    }

    @Test("An altered DD breaks FRMT; a widened CAF range breaks FRMT and the SII's FRMA")
    func signatures() throws {
        // The DD's MNT made to agree with a forged MntTotal: the fields match, FRMT does not.
        var data = try replacing("MntTotal", with: "1", in: try sample())
        data = try replacing("MNT", with: "1", in: data)
        var p = try problems(data)
        #expect(p.map(\.kind) == [.stampSignature], "\(p)")
        // The CAF's folio range widened (as a forger would, to stamp more folios).
        let original = try sample()
        let text = try #require(String(data: original, encoding: .isoLatin1))
        let h = try #require(text.range(of: #"<H>\d+</H>"#, options: .regularExpression))
        let widened = text.replacingCharacters(in: h, with: "<H>99999999</H>")
        p = try problems(try #require(widened.data(using: .isoLatin1)))
        #expect(Set(p.map(\.kind)) == [.stampSignature, .cafAuthorization], "\(p)")
        #expect(p.contains { $0.field == "FRMA" })
    }

    @Test("The reader's policy: ignore reports nothing, warn lists each problem, refuse throws the first")
    func readerPolicies() throws {
        let data = try replacing("MntTotal", with: "1", in: try sample())
        #expect(try DTEReader(mode: .lenient).read(data, source: "t.xml").warnings.isEmpty)
        let warned = try DTEReader.forPrinting.read(data, source: "t.xml")
        #expect(warned.documents.count == 1)
        let w = try #require(warned.warnings.first)
        #expect(w.element == "TED" && w.description.contains("t.xml") && w.description.contains("MNT"))
        if case .timbre(33, 2336600, let problem) = w.deviation.reason { #expect(problem.field == "MNT") }
        else { Issue.record("expected a timbre reason, got \(w.deviation.reason)") }
        #expect(throws: DTEReadError.self) { try DTEReader.forStrictPrinting.read(data, source: "t.xml") }
        #expect(try DTEReader.forStrictPrinting.read(try sample(), source: "t.xml").documents.count == 1)
    }
}
