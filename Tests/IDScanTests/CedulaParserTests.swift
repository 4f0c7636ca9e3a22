import DTECore
import Foundation
import Testing
import IDScan
import DTEKitTestSupport

/// The strict parsers of the back's QR payload and TD1 MRZ.
struct CedulaParserTests {
    static let reference = CedulaDate(year: 2026, month: 11, day: 30)!
    static let example = "https://portal.sidiv.registrocivil.cl/docstatus?RUN=12345678-5&type=CEDULA&serial=103390800&mrz=103390800484100212410029"

    func parse(_ s: String) throws(CedulaReadError) -> CedulaDocument {
        try CedulaParser.parseStatusURL(Array(s.utf8), reference: Self.reference)
    }

    func error(_ s: String) -> CedulaReadError? {
        do { _ = try parse(s); return nil } catch { return error }
    }

    @Test func icaoCheckDigits() {
        // The issue's example and ICAO 9303's own specimen (L898902C3 → 6, 740812 → 2, 120415 → 9).
        #expect(CedulaParser.icaoCheckDigit("103390800") == 4)
        #expect(CedulaParser.icaoCheckDigit("841002") == 1)
        #expect(CedulaParser.icaoCheckDigit("241002") == 9)
        #expect(CedulaParser.icaoCheckDigit("L898902C3") == 6)
        #expect(CedulaParser.icaoCheckDigit("740812") == 2)
        #expect(CedulaParser.icaoCheckDigit("120415") == 9)
        #expect(CedulaParser.icaoCheckDigit("AB<12") == (10 * 7 + 11 * 3 + 0 + 1 * 7 + 2 * 3) % 10)
        #expect(CedulaParser.icaoCheckDigit("abc") == nil)
        #expect(CedulaParser.icaoCheckDigit("12-3") == nil)
    }

    @Test func theIssueExample() throws {
        let d = try parse(Self.example)
        #expect(d.run == (try RUT("12.345.678-5")))
        #expect(d.documentNumber == "103390800")
        #expect(d.birthDate == CedulaDate(year: 1984, month: 10, day: 2))
        #expect(d.expiryDate == CedulaDate(year: 2024, month: 10, day: 2))
        #expect(d.type == .cedula)
        #expect(d.source == .qr)
        #expect(d.statusURL == Self.example)
        let json = String(decoding: try JSONEncoder().encode(d), as: UTF8.self)
        #expect(json.contains(#""birth_date":"1984-10-02""#))
        #expect(json.contains(#""run":"12345678-5""#))
    }

    @Test func newCardsAndForeigners() throws {
        var spec = CedulaBackSpec()
        spec.urlStyle = .nuevo2024
        spec.documentNumber = "A12B34567"
        spec.foreigner = true
        spec.runNumber = 25_123_456
        let d = try parse(spec.statusURL)
        #expect(spec.statusURL.hasPrefix("https://portal.nuevosidiv.registrocivil.cl/document-validity?RUN=25123456-"))
        #expect(d.documentNumber == "A12B34567")
        #expect(d.type == .cedulaExtranjero)
        #expect(d.run.number == 25_123_456)
        // RUN with K as check digit.
        var k = CedulaBackSpec()
        k.runNumber = 10_000_013   // check digit K
        #expect(RUT.checkDigit(for: 10_000_013) == "K")
        #expect(try parse(k.statusURL).run.checkDigit == "K")
    }

    @Test func foreignAndMalformedURLs() {
        let q = "?RUN=12345678-5&type=CEDULA&serial=103390800&mrz=103390800484100212410029"
        #expect(error("http://portal.sidiv.registrocivil.cl/docstatus" + q) == .foreignURL)
        #expect(error("https://portal.sidiv.registrocivil.cl.evil.example/docstatus" + q) == .foreignURL)
        #expect(error("https://evil.example/docstatus" + q) == .foreignURL)
        #expect(error("https://portal.sidiv.registrocivil.cl/document-validity" + q) == .foreignURL)   // host/path pairs are fixed
        #expect(error("https://user@portal.sidiv.registrocivil.cl/docstatus" + q) == .foreignURL)
        #expect(error("https://portal.sidiv.registrocivil.cl/docstatus") == .foreignURL)
        #expect(error("https://portal.sidiv.registrocivil.cl/docstatus" + q + "&x=1") == .badParameter("query"))
        #expect(error("https://portal.sidiv.registrocivil.cl/docstatus" + q + "&RUN=12345678-5") == .badParameter("RUN"))
        #expect(error("https://portal.sidiv.registrocivil.cl/docstatus?RUN=12345678-5&type=CEDULA&serial=103390800") == .badParameter("query"))
        #expect(error("https://portal.sidiv.registrocivil.cl/docstatus" + q + "#x") == .badCharacters)
        #expect(error("https://portal.sidiv.registrocivil.cl/docstatus?RUN=12345678%2D5&type=CEDULA&serial=103390800&mrz=103390800484100212410029") == .badCharacters)
        #expect(error("https://portal.sidiv.registrocivil.cl/docstatus" + q.replacingOccurrences(of: "CEDULA", with: "PASAPORTE")) == .badParameter("type"))
        #expect(error("") == .foreignURL)
        // 3 KB of junk, and a long but otherwise fine URL.
        var rng = SplitMix(seed: 7)
        let junk = (0..<3072).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        #expect(throws: CedulaReadError.tooLong(3072)) { try CedulaParser.parseStatusURL(junk, reference: Self.reference) }
        #expect(error(Self.example + String(repeating: "0", count: 300)) == .tooLong(Self.example.utf8.count + 300))
        #expect(throws: CedulaReadError.badCharacters) { try CedulaParser.parseStatusURL([0xC3, 0xA9, 0x00, 0x41], reference: Self.reference) }
    }

    @Test func wrongDigitsLengthsAndDates() {
        let base = "https://portal.sidiv.registrocivil.cl/docstatus?RUN=12345678-5&type=CEDULA&serial=103390800&mrz="
        #expect(error(base + "103390800584100212410029") == .checkDigit(field: "document"))
        #expect(error(base + "103390800484100222410029") == .checkDigit(field: "birth"))
        #expect(error(base + "103390800484100212410028") == .checkDigit(field: "expiry"))
        #expect(error(base + "10339080048410021241002") == .badParameter("mrz"))
        #expect(error(base + "1033908004841002124100299") == .badParameter("mrz"))
        #expect(error(base + "10339080048410021241002a") == .badParameter("mrz"))
        // RUN check digit wrong, RUN with dots, leading zero.
        #expect(error(Self.example.replacingOccurrences(of: "12345678-5", with: "12345678-4")) == .badRUN)
        #expect(error(Self.example.replacingOccurrences(of: "12345678-5", with: "12.345.678-5")) == .badParameter("RUN"))
        #expect(error(Self.example.replacingOccurrences(of: "12345678-5", with: "012345678-5")) == .badParameter("RUN"))
        #expect(error(Self.example.replacingOccurrences(of: "12345678-5", with: "12345678-k")) == .badParameter("RUN"))
        // Serial and MRZ document number must be the same; serial must be 9 characters.
        #expect(error(Self.example.replacingOccurrences(of: "serial=103390800", with: "serial=103390801")) == .serialMismatch)
        #expect(error(Self.example.replacingOccurrences(of: "serial=103390800", with: "serial=10339080")) == .badParameter("serial"))
        // Month 13 with a right check digit is still not a date.
        let bad = "103390800" + "4" + "841302" + String(CedulaParser.icaoCheckDigit("841302") ?? 0) + "241002" + "9"
        #expect(error(base + bad) == .badDate(field: "birth"))
        let feb30 = "250230"
        #expect(error(base + "1033908004" + "8410021" + feb30 + String(CedulaParser.icaoCheckDigit(feb30) ?? 0)) == .badDate(field: "expiry"))
    }

    @Test func birthCenturyPivotsOnTheReferenceDate() throws {
        var spec = CedulaBackSpec()
        spec.birth = .init(2005, 3, 1)
        #expect(try parse(spec.statusURL).birthDate == CedulaDate(year: 2005, month: 3, day: 1))
        spec.birth = .init(1930, 3, 1)
        #expect(try parse(spec.statusURL).birthDate == CedulaDate(year: 1930, month: 3, day: 1))
        // Born 26-12-01 with reference 2026-11-30: not in the future, so 1926.
        spec.birth = .init(1926, 12, 1)
        #expect(try parse(spec.statusURL).birthDate == CedulaDate(year: 1926, month: 12, day: 1))
        spec.expiry = .init(2099, 1, 1)
        #expect(try parse(spec.statusURL).expiryDate == CedulaDate(year: 2099, month: 1, day: 1))
    }

    func td1(_ lines: [String]) throws(CedulaReadError) -> CedulaDocument {
        try CedulaParser.parseTD1(Array(lines.joined(separator: "\n").utf8), reference: Self.reference)
    }

    @Test func td1MRZ() throws {
        let spec = CedulaBackSpec()
        let d = try td1(spec.mrzLines)
        #expect(d.run == (try RUT("12345678-5")))
        #expect(d.documentNumber == "103390800")
        #expect(d.birthDate == CedulaDate(year: 1984, month: 10, day: 2))
        #expect(d.expiryDate == CedulaDate(year: 2030, month: 10, day: 2))
        #expect(d.source == .mrz && d.statusURL == nil && d.type == .cedula)
        // It agrees with the QR of the same card.
        let q = try parse(spec.statusURL)
        #expect(q.run == d.run && q.documentNumber == d.documentNumber && q.expiryDate == d.expiryDate && q.birthDate == d.birthDate)
        // Surrounding spaces and CRLF are tolerated; a foreign nationality means CEDULA_EXT.
        #expect(try CedulaParser.parseTD1(Array((" " + spec.mrzLines.joined(separator: "\r\n") + "\n").utf8), reference: Self.reference).run == d.run)
        var ext = CedulaBackSpec(); ext.foreigner = true
        #expect(try td1(ext.mrzLines).type == .cedulaExtranjero)
    }

    @Test func td1Failures() {
        let lines = CedulaBackSpec().mrzLines
        func failure(_ l: [String]) -> CedulaReadError? {
            do { _ = try td1(l); return nil } catch { return error }
        }
        var wrong = CedulaBackSpec(); wrong.wrongCheckDigits = true
        #expect(failure(wrong.mrzLines) == .checkDigit(field: "expiry"))
        // Composite: change an optional-data filler in line 2 (not covered by a field digit).
        var l = lines
        l[1] = String(l[1].prefix(20)) + "X" + String(l[1].dropFirst(21))
        #expect(failure(l) == .checkDigit(field: "composite"))
        l = lines; l[0] = "P<" + l[0].dropFirst(2)
        #expect(failure(l) == .badMRZLayout("document code"))
        l = lines; l[0] = String(l[0].dropLast())
        #expect(failure(l) == .badMRZLayout("line length"))
        #expect(failure(Array(lines.prefix(2))) == .badMRZLayout("2 lines"))
        l = lines; l[2] = l[2].lowercased()
        #expect(failure(l) == .badCharacters)
        // RUN check digit wrong in the optional data (document digit recomputed so only the RUN fails).
        l = lines; l[0] = l[0].replacingOccurrences(of: "12345678<5", with: "12345678<4")
        #expect(failure(l) == .badRUN || failure(l) == .checkDigit(field: "composite"))
        #expect(throws: CedulaReadError.tooLong(201)) {
            try CedulaParser.parseTD1([UInt8](repeating: 0x3C, count: 201), reference: Self.reference)
        }
    }

    @Test func dates() {
        #expect(CedulaDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CedulaDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CedulaDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CedulaDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CedulaDate(iso: "2026-11-30") == CedulaDate(year: 2026, month: 11, day: 30))
        #expect(CedulaDate(iso: "2026-11-31") == nil)
        #expect(CedulaDate(iso: "2026-1-30") == nil)
        #expect(CedulaDate(iso: "30-11-2026") == nil)
        #expect(CedulaDate(year: 2026, month: 11, day: 30)!.description == "2026-11-30")
        #expect(CedulaDate.today().year >= 2024)
    }
}

/// A tiny deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

