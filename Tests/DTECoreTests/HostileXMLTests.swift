import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

/// The hostile-XML corpus, generated here: each input must fail with a clear error, without
/// crashing, hanging (the time limit only a hung run reaches) or leaking anything it tried to
/// pull in.
@Suite(.timeLimit(.minutes(30))) struct HostileXMLTests {
    let reader = DTEReader()

    /// Reads `data`, expecting a failure; returns the error. How fast it fails is measured by
    /// the benchmarks, not here; the suite's time limit catches a hang.
    private func expectFailure(_ data: Data, source: String = "hostile.xml", reader: DTEReader? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) -> DTEReadError? {
        var caught: DTEReadError?
        do throws(DTEReadError) { _ = try (reader ?? self.reader).read(data, source: source) } catch { caught = error }
        #expect(caught != nil, "no error", sourceLocation: sourceLocation)
        if let caught { #expect(caught.description.contains(source), sourceLocation: sourceLocation) }
        return caught
    }

    private static let minimalDTEBody = """
        <DTE version="1.0"><Documento ID="T"><Encabezado><IdDoc><TipoDTE>33</TipoDTE><Folio>1</Folio>\
        <FchEmis>2024-01-02</FchEmis></IdDoc><Emisor><RUTEmisor>76354771-K</RUTEmisor><RznSoc>X</RznSoc>\
        <GiroEmis>Y</GiroEmis></Emisor><Receptor><RUTRecep>66666666-6</RUTRecep><RznSocRecep>&xxe;</RznSocRecep>\
        </Receptor><Totales><MntTotal>1</MntTotal></Totales></Encabezado><Detalle><NroLinDet>1</NroLinDet>\
        <NmbItem>a</NmbItem><MontoItem>1</MontoItem></Detalle></Documento></DTE>
        """

    @Test func externalEntityIsRefusedAndNothingLeaks() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE DTE [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + Self.minimalDTEBody
        let error = try #require(expectFailure(Data(xml.utf8)))
        #expect(error.reason == .forbiddenDTD)
        #expect(!error.description.contains("root:"))
        // Also behind a comment, and with a parameter entity.
        let sneaky = "<?xml version=\"1.0\"?><!-- hi --><!DOCTYPE DTE [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>" + Self.minimalDTEBody
        #expect(expectFailure(Data(sneaky.utf8))?.reason == .forbiddenDTD)
        // The same document without the DTD is merely malformed (undefined entity), never expanded.
        let undefined = try #require(expectFailure(Data(Self.minimalDTEBody.utf8)))
        if case .malformed = undefined.reason {} else { Issue.record("expected malformed, got \(undefined)") }
    }

    @Test func utf16CannotSmuggleADoctype() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE DTE [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + Self.minimalDTEBody
        var data = Data([0xFF, 0xFE])
        data.append(xml.data(using: .utf16LittleEndian) ?? Data())
        let e = expectFailure(data)
        if case .unsupportedEncoding = e?.reason {} else { Issue.record("expected unsupportedEncoding, got \(String(describing: e))") }
    }

    @Test func billionLaughsIsRefused() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for i in 2...9 { xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n" }
        xml += "]>\n<DTE>&lol9;</DTE>\n"
        #expect(expectFailure(Data(xml.utf8))?.reason == .forbiddenDTD)
    }

    @Test func hundredThousandNestedElements() {
        let n = 100_000
        var xml = "<?xml version=\"1.0\"?>\n"
        xml += String(repeating: "<a>", count: n) + String(repeating: "</a>", count: n)
        let e = expectFailure(Data(xml.utf8))
        if case .tooDeep = e?.reason {} else { Issue.record("expected tooDeep, got \(String(describing: e))") }
        // A tighter configured limit applies while walking the tree.
        var limits = DTEReader.Limits()
        limits.maxDepth = 4
        let shallow = expectFailure(Data(("<DTE>" + String(repeating: "<a>", count: 10) + String(repeating: "</a>", count: 10) + "</DTE>").utf8),
                                    reader: DTEReader(limits: limits))
        #expect(shallow?.reason == .tooDeep(limit: 4))
    }

    /// Issue 13: between libxml2's 10,000,000-byte lookahead and the documented 20 MiB limit a
    /// file failed with "internal error: Huge input lookup". Now it is read, and the defences
    /// still hold at that size (depth, DTD, the limit itself).
    @Test func documentsUpToTheDocumentedLimitAreRead() throws {
        let sample = try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml"))
        let text = try #require(String(data: sample, encoding: .isoLatin1))
        let at = try #require(text.range(of: "<Documento"))
        // 15 MB of white space inside the root (legal XML), written in the file's own encoding.
        let big = text[..<at.lowerBound] + String(repeating: " ", count: 15_000_000) + text[at.lowerBound...]
        let data = try #require(big.data(using: .isoLatin1))
        #expect(data.count > 10_000_000 && data.count < DTEReader.Limits().maxBytes)
        let file = try reader.read(data, source: "big.xml")
        let plain = try reader.read(sample, source: "plain.xml")
        #expect(file.documents.count == 1)
        #expect(file.documents.first?.ted?.bytes == plain.documents.first?.ted?.bytes)

        // Deep nesting padded past the threshold is still refused as too deep.
        let deep = String(repeating: " ", count: 11_000_000) + String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        let e = expectFailure(Data(("<?xml version=\"1.0\"?>\n<DTE>" + deep + "</DTE>").utf8))
        if case .tooDeep = e?.reason {} else { Issue.record("expected tooDeep, got \(String(describing: e))") }
        // A DTD is refused whatever the size.
        let dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE DTE [<!ENTITY x \"y\">]>\n<DTE>" + String(repeating: " ", count: 11_000_000) + "&x;</DTE>"
        #expect(expectFailure(Data(dtd.utf8))?.reason == .forbiddenDTD)
        // Over the limit: refused before parsing.
        var limits = DTEReader.Limits()
        limits.maxBytes = 12_000_000
        let over = expectFailure(data, source: "over.xml", reader: DTEReader(limits: limits))
        #expect(over?.reason == .tooLarge(size: data.count, limit: 12_000_000))
    }

    @Test func truncatedFileNamesTheLine() throws {
        let data = try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent("33-56-61-EnvioDTE-BASICO_762352915.xml"))
        let e = try #require(expectFailure(data.prefix(data.count / 2), source: "truncated.xml"))
        if case .malformed = e.reason {} else { Issue.record("expected malformed, got \(e)") }
        #expect((e.line ?? 0) > 100)
    }

    @Test func emptyAndBlankFiles() {
        #expect(expectFailure(Data(), source: "empty.xml")?.reason == .empty)
        #expect(expectFailure(Data("  \n\t ".utf8), source: "blank.xml")?.reason == .empty)
    }

    @Test func pngRenamedToXML() throws {
        let dir = try TestSupport.temporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("scan.xml")
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        png.append(contentsOf: Array("IHDR".utf8) + [UInt8](repeating: 0x3C, count: 200))
        try png.write(to: url)
        do {
            _ = try reader.read(contentsOf: url)
            Issue.record("PNG read as XML")
        } catch {
            #expect(error.reason == .notXML)
            #expect(error.source == "scan.xml")
        }
    }

    @Test func wellFormedButNotADTE() throws {
        #expect(expectFailure(Data("<?xml version=\"1.0\"?><Factura><Folio>1</Folio></Factura>".utf8))?.reason == .notADTE(root: "Factura"))
        let caf = try Data(contentsOf: try TestSupport.siiCAF(type: 33))
        #expect(expectFailure(caf, source: "caf.xml")?.reason == .notADTE(root: "AUTORIZACION"))
    }

    @Test func overTheSizeCap() throws {
        var limits = DTEReader.Limits()
        limits.maxBytes = 4096
        let small = DTEReader(limits: limits)
        let data = try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent("33-EnvioDTE-F000005T33.xml"))
        #expect(expectFailure(data, reader: small)?.reason == .tooLarge(size: data.count, limit: 4096))
        // From a file: refused from its size, before reading it (21 MiB > the 20 MiB default).
        let dir = try TestSupport.temporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.xml")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(21 << 20))
        try handle.close()
        #expect(throws: DTEReadError(source: "big.xml", reason: .tooLarge(size: 21 << 20, limit: 20 << 20))) {
            try reader.read(contentsOf: big)
        }
        // A device or a FIFO is refused before it is opened (a FIFO would block forever).
        let notRegular = DTEReadError.Reason.io("not a regular file (a pipe, device or socket): give a DTE XML file")
        #expect(throws: DTEReadError(source: "zero", reason: notRegular)) {
            try reader.read(contentsOf: URL(fileURLWithPath: "/dev/zero"))
        }
        let fifo = dir.appendingPathComponent("cola.xml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: DTEReadError(source: "cola.xml", reason: notRegular)) { try reader.read(contentsOf: fifo) }
    }

    @Test func missingFileAndBadValuesNameFileLineAndElement() throws {
        #expect(throws: DTEReadError.self) { try reader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/x.xml")) }
        let bad = Self.minimalDTEBody.replacingOccurrences(of: "&xxe;", with: "R")
            .replacingOccurrences(of: "<RUTEmisor>76354771-K", with: "\n<RUTEmisor>76354771-5")
        let e = try #require(expectFailure(Data(bad.utf8), source: "bad.xml"))
        #expect(e.element == "RUTEmisor")
        #expect(e.line == 2)
        #expect(e.description.contains("expected K"))
        let unsupported = Self.minimalDTEBody.replacingOccurrences(of: "&xxe;", with: "R")
            .replacingOccurrences(of: "<TipoDTE>33", with: "<TipoDTE>99")
        #expect(expectFailure(Data(unsupported.utf8))?.reason == .unsupportedDocumentType(99))
        // A minimal valid one reads, and unknown optional elements are ignored.
        let ok = Self.minimalDTEBody.replacingOccurrences(of: "&xxe;", with: "R &amp; Cía")
            .replacingOccurrences(of: "</IdDoc>", with: "<ElementoNuevo>1</ElementoNuevo></IdDoc>")
        let doc = try #require(try reader.read(Data(ok.utf8), source: "ok.xml").documents.first)
        #expect(doc.receptor.razonSocial == "R & Cía")
    }

    @Test("Control characters from the input are escaped in error messages, never echoed raw")
    func controlCharactersAreEscaped() throws {
        let bad = Self.minimalDTEBody.replacingOccurrences(of: "&xxe;", with: "R")
            .replacingOccurrences(of: "<TipoDTE>33", with: "<TipoDTE>3&#9;3&#x85;")
        let e = try #require(expectFailure(Data(bad.utf8), source: "ctl.xml"))
        #expect(!e.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(e)")
        #expect(e.description.contains("\\u{9}"), "\(e)")
        #expect(TerminalSafe.escaped("Cía\u{1B}[2J") == "Cía\\u{1B}[2J")
        #expect(TerminalSafe.escaped("Diseño y Entretenimientos") == "Diseño y Entretenimientos")
    }

    @Test("A 2 MB NmbItem is refused (strict) or cut to 1000 characters with a warning (lenient): never megabytes to print")
    func oversizedTextFieldIsBounded() throws {
        let huge = String(repeating: "x", count: 2_000_000)
        let body = Self.minimalDTEBody.replacingOccurrences(of: "&xxe;", with: "R")
            .replacingOccurrences(of: "<NmbItem>a</NmbItem>", with: "<NmbItem>\(huge)</NmbItem>")
        let e = try #require(expectFailure(Data(body.utf8), source: "grande.xml"))
        #expect(e.element == "NmbItem" && e.description.contains("2000000 characters"), "\(e)")
        #expect(e.description.count < 400)
        let lenient = try DTEReader(mode: .lenient).read(Data(body.utf8), source: "grande.xml")
        let item = try #require(lenient.documents.first?.detalle.first)
        #expect(item.nombre.count == 1000)
        #expect(lenient.warnings.contains { $0.deviation.element == "NmbItem" })
    }
}
