import DTECore
@testable import DTESkeleton
import Foundation
import Testing
import DTEKitTestSupport

/// CAF files and XML to sign go through DTECore's reader and safe parser (issue 14, step 1):
/// the same CAF bytes give the same CAF as DTECore's `CAFFileContents`, and what SafeXML refuses
/// (a DOCTYPE, too deep, too large) is refused here too, with the file named.
@Suite("CAF reader and signing input")
struct CAFReaderTests {
    @Test("the SII's CAFs: CAF and DTECore's CAFFileContents agree", arguments: [33, 34, 39, 41, 46, 52, 56, 61, 110, 111, 112])
    func sameAsCore(type: Int) throws {
        let url = try TestSupport.siiCAF(type: type)
        let bytes = [UInt8](try Data(contentsOf: url))
        let caf = try CAF(bytes: bytes, source: url.lastPathComponent)
        let core = try CAFFileContents.read(Data(bytes), source: url.lastPathComponent)
        #expect(caf.data == core.caf)
        // The verbatim <CAF> span is the file's own bytes, and flattened it is what the core
        // serialises from the tree (the SII's CAFs have no quotes or entities to tell them apart).
        #expect(bytes.firstRange(of: caf.verbatimBytes) != nil)
        #expect(caf.verbatimBytes.starts(with: Array("<CAF version=\"1.0\">".utf8)))
        #expect(caf.verbatimBytes.reversed().starts(with: Array("</CAF>".utf8).reversed()))
        #expect(caf.flattenedBytes == core.cafBytes)
        #expect(caf.isAuthorizedBySII)
    }

    private func malformed(_ text: String) -> CAFError? {
        do { _ = try CAF(bytes: Array(text.utf8), source: "bad.xml"); return nil } catch { return error as? CAFError }
    }

    @Test("a CAF file SafeXML refuses, or that lacks what a CAF needs, is a malformed CAFError naming the file")
    func refused() throws {
        let real = String(decoding: try Data(contentsOf: try TestSupport.siiCAF(type: 33)), as: UTF8.self)
        // A DOCTYPE (entity declarations) is refused before libxml2 sees it.
        let body = real.range(of: "<AUTORIZACION").map { String(real[$0.lowerBound...]) } ?? real
        let doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE AUTORIZACION [<!ENTITY x \"y\">]>\n" + body
        guard case let .malformed(file, _, reason)? = malformed(doctype) else { Issue.record("DOCTYPE accepted"); return }
        #expect(file == "bad.xml" && reason.contains("DOCTYPE"))
        // Not a CAF at all.
        guard case let .malformed(_, element, _)? = malformed("<DTE/>") else { Issue.record("<DTE/> accepted"); return }
        #expect(element == "CAF")
        // No RSASK.
        let noKey = real.replacingOccurrences(of: "<RSASK>", with: "<X>").replacingOccurrences(of: "</RSASK>", with: "</X>")
        guard case let .malformed(_, keyElement, _)? = malformed(noKey) else { Issue.record("no RSASK accepted"); return }
        #expect(keyElement == "RSASK")
        // An empty folio range.
        let empty = real.replacingOccurrences(of: "<D>1</D>", with: "<D>30</D>")
        guard case let .malformed(_, rangeElement, _)? = malformed(empty) else { Issue.record("empty range accepted"); return }
        #expect(rangeElement == "CAF/DA/RNG")
        // Another key than the CAF's.
        let other = try CAF.makeTestCAF(type: .factura, emisor: try RUT("76235291-5"))
        let otherKey = String(decoding: other.fileBytes, as: UTF8.self)
        guard let a = otherKey.range(of: "<RSASK>"), let b = otherKey.range(of: "</RSASK>"),
              let ra = real.range(of: "<RSASK>"), let rb = real.range(of: "</RSASK>") else { Issue.record("no RSASK"); return }
        let swapped = String(real[..<ra.lowerBound]) + otherKey[a.lowerBound..<b.upperBound] + real[rb.upperBound...]
        #expect(throws: CAFError.keyMismatch(file: "bad.xml")) { try CAF(bytes: Array(swapped.utf8), source: "bad.xml") }
    }

    @Test("the signer parses with SafeXML's rules: a DOCTYPE is refused, not expanded")
    func signerRefusesDoctype() throws {
        let identity = try Fixtures.identity()
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE DTE [<!ENTITY e \"x\">]>\n<DTE xmlns=\"http://www.sii.cl/SiiDte\" version=\"1.0\"><Documento ID=\"F1T33\">&e;</Documento></DTE>\n"
        do {
            _ = try XMLSigner(identity: identity).sign(Array(xml.utf8))
            Issue.record("a DOCTYPE was signed")
        } catch {
            guard case let .xml(reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("DOCTYPE"))
        }
    }
}
