import DTECore
import Foundation
import Testing
import IDScan
import DTEKitTestSupport

/// The document check over generated backs with real QR codes (zint) and MRZs (DejaVu Sans Mono):
/// the QR is decoded by zbar and the MRZ by Tesseract, and the outcomes are compared with what
/// was painted.
struct CedulaCheckTests {
    static let reference = CedulaDate(year: 2026, month: 11, day: 30)!
    static let holder = try! RUT("12.345.678-5")

    static func check(_ images: [Data], run: RUT? = holder, mrz: CedulaCheck.MRZUse = .crossCheck) -> CedulaCheckReport {
        CedulaCheck(expectedRUN: run, referenceDate: reference, mrz: mrz).check(images)
    }

    static func front() throws -> Data {
        var s = IDScanSyntheticScene()
        s.width = 1600; s.height = 1200; s.cardWidthFraction = 0.68; s.seed = 11
        return try IDScanSyntheticCard.jpeg(s, quality: 90)
    }

    @Test func vigenteBackJPEGAndPNG() throws {
        for png in [false, true] {
            let spec = CedulaBackSpec()
            let report = Self.check([try CedulaBackPainter.photo(spec, png: png)])
            #expect(report.verdict == .accept, "\(report.allProblems.map(\.code))")
            let d = try #require(report.document)
            #expect(d.source == .qrAndMRZ)
            #expect(d.run == Self.holder)
            #expect(d.documentNumber == "103390800")
            #expect(d.birthDate == CedulaDate(year: 1984, month: 10, day: 2))
            #expect(d.expiryDate == CedulaDate(year: 2030, month: 10, day: 2))
            #expect(d.type == .cedula)
            #expect(d.statusURL == spec.statusURL)
            #expect(report.images.count == 1 && report.images[0].format == (png ? "png" : "jpeg"))
        }
    }

    @Test func expiredCard() throws {
        var spec = CedulaBackSpec()
        spec.expiry = .init(2024, 10, 2)
        let report = Self.check([try CedulaBackPainter.photo(spec)])
        #expect(report.verdict == .reject)
        #expect(report.problems.map(\.code) == [.expired])
        #expect(report.document?.expiryDate == CedulaDate(year: 2024, month: 10, day: 2))
        // Expiring on the reference day itself is still vigente.
        spec.expiry = .init(2026, 11, 30)
        #expect(Self.check([try CedulaBackPainter.photo(spec)]).verdict == .accept)
    }

    @Test func someoneElsesCard() throws {
        var spec = CedulaBackSpec()
        spec.runNumber = 9_876_543
        let report = Self.check([try CedulaBackPainter.photo(spec)])
        #expect(report.problems.map(\.code) == [.runMismatch])
        #expect(report.document?.run.number == 9_876_543)
        // Without an expected RUN, the same card is fine.
        #expect(Self.check([try CedulaBackPainter.photo(spec)], run: nil).verdict == .accept)
    }

    @Test func damagedQRFallsBackToTheMRZ() throws {
        var spec = CedulaBackSpec()
        spec.damageQR = true
        let data = try CedulaBackPainter.photo(spec)
        for mode in [CedulaCheck.MRZUse.crossCheck, .fallback] {
            let report = Self.check([data], mrz: mode)
            #expect(report.verdict == .accept, "\(report.allProblems.map(\.code))")
            #expect(report.document?.source == .mrz)
            #expect(report.document?.statusURL == nil)
            #expect(report.document?.expiryDate == CedulaDate(year: 2030, month: 10, day: 2))
        }
        // QR only: nothing readable.
        #expect(Self.check([data], mrz: .off).problems.map(\.code) == [.documentUnreadable])
    }

    @Test func wrongCheckDigitsAreInconsistent() throws {
        var spec = CedulaBackSpec()
        spec.wrongCheckDigits = true
        let report = Self.check([try CedulaBackPainter.photo(spec)])
        #expect(report.problems.map(\.code) == [.inconsistentDocument])
        #expect(report.document == nil)
        #expect(report.inconsistencies == [CedulaReadError.checkDigit(field: "expiry").description])
    }

    @Test func qrAndMRZDisagree() throws {
        var spec = CedulaBackSpec()
        spec.mrzRUNNumber = 11_111_111
        let report = Self.check([try CedulaBackPainter.photo(spec)])
        #expect(report.problems.map(\.code) == [.inconsistentDocument])
        #expect(report.inconsistencies == [CedulaReadError.readingsDisagree.description])
        // Without the MRZ cross-check the QR alone is believed.
        #expect(Self.check([try CedulaBackPainter.photo(spec)], mrz: .fallback).document?.source == .qr)
    }

    @Test func foreignURLInTheQR() throws {
        var spec = CedulaBackSpec()
        spec.qrPayloadOverride = Array("https://example.com/docstatus?RUN=12345678-5&type=CEDULA&serial=103390800&mrz=103390800484100212410029".utf8)
        let report = Self.check([try CedulaBackPainter.photo(spec)], mrz: .off)
        #expect(report.problems.map(\.code) == [.inconsistentDocument])
        #expect(report.inconsistencies == [CedulaReadError.foreignURL.description])
    }

    @Test func newCardStyleAndForeigner() throws {
        var spec = CedulaBackSpec()
        spec.urlStyle = .nuevo2024
        spec.documentNumber = "B12345678"
        spec.foreigner = true
        let report = Self.check([try CedulaBackPainter.photo(spec, rotationDegrees: -6)])
        #expect(report.verdict == .accept, "\(report.allProblems.map(\.code)) \(report.inconsistencies)")
        #expect(report.document?.type == .cedulaExtranjero)
        #expect(report.document?.documentNumber == "B12345678")
        #expect(report.document?.statusURL?.hasPrefix("https://portal.nuevosidiv.registrocivil.cl/document-validity?") == true)
    }

    @Test func upsideDownBack() throws {
        let report = Self.check([try CedulaBackPainter.photo(CedulaBackSpec(), rotationDegrees: 178)])
        #expect(report.verdict == .accept, "\(report.allProblems.map(\.code))")
        #expect(report.document?.source == .qrAndMRZ)
    }

    @Test func frontAloneAndBothSides() throws {
        let front = try Self.front()
        #expect(IDScanChecker().check(front).verdict == .accept)
        let alone = Self.check([front])
        #expect(alone.verdict == .reject)
        #expect(alone.problems.map(\.code) == [.documentUnreadable])
        #expect(alone.problems[0].messageES.contains("reverso"))
        #expect(alone.document == nil)
        // Without an expected RUN, a front alone is what it was before: accepted.
        #expect(Self.check([front], run: nil).verdict == .accept)

        let both = Self.check([front, try CedulaBackPainter.photo(CedulaBackSpec())])
        #expect(both.verdict == .accept, "\(both.allProblems.map(\.code))")
        #expect(both.images.count == 2)
        #expect(both.document?.run == Self.holder)
        // Order does not matter; an unreadable extra page (not an image) rejects the whole.
        #expect(Self.check([try CedulaBackPainter.photo(CedulaBackSpec()), front]).verdict == .accept)
        let withJunk = Self.check([front, try CedulaBackPainter.photo(CedulaBackSpec()), Data("GIF89a".utf8)])
        #expect(withJunk.verdict == .reject)
        #expect(withJunk.images[2].codes == [.unsupportedFormat])
        #expect(withJunk.document != nil)
    }

    @Test func smallCardInALargePhoto() throws {
        // 4000 × 3000 JPEG (decoded at 1/4 for the legibility check), card 1900 px wide.
        let data = try CedulaBackPainter.photo(CedulaBackSpec(), imageWidth: 4000, imageHeight: 3000, cardWidth: 1900, rotationDegrees: 8)
        let report = Self.check([data])
        #expect(report.verdict == .accept, "\(report.allProblems.map(\.code))")
        #expect(report.document?.source == .qrAndMRZ)
    }

    @Test func cardNotFoundStillReadsTheQRFromTheWholeImage() throws {
        // On a background of the card's own tone the card outline is not found (card-not-found),
        // but the QR is still found on the whole image (no card region to start from).
        let scene = CedulaBackPainter.scene(CedulaBackPainter.texture(CedulaBackSpec()), imageWidth: 1000, imageHeight: 760,
                                            cardWidth: 760, rotationDegrees: 2, background: 0.85)
        let data = try CedulaBackPainter.png(scene)
        let report = Self.check([data], mrz: .fallback)
        // The card locator's tone-distance look may now find this card; either way the QR is
        // read, and the verdict follows the legibility of the image.
        #expect(report.document?.source == .qr)
        #expect(report.document?.run == Self.holder)
        #expect(report.problems.isEmpty)
        if report.images[0].corners == nil {
            #expect(report.images[0].verdict == .reject)
            #expect(report.verdict == .reject)   // still illegible as a whole
        } else {
            #expect(report.verdict == report.images[0].verdict)
        }
    }

    @Test func concurrentChecksAgree() async throws {
        // One shared CedulaCheck used from several tasks (zbar scanners per call, pooled Tesseract
        // engines): every result equals the sequential one.
        var damaged = CedulaBackSpec()
        damaged.damageQR = true
        let inputs = [try CedulaBackPainter.photo(CedulaBackSpec()), try CedulaBackPainter.photo(damaged)]
        let check = CedulaCheck(expectedRUN: Self.holder, referenceDate: Self.reference, mrz: .fallback)
        let expected = inputs.map { check.check([$0]).document }
        #expect(expected[0]?.source == .qr && expected[1]?.source == .mrz)
        let results = await withTaskGroup(of: (Int, CedulaDocument?).self) { group in
            for k in 0..<6 { group.addTask { (k % 2, check.check([inputs[k % 2]]).document) } }
            var all: [(Int, CedulaDocument?)] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 6)
        for (k, doc) in results { #expect(doc == expected[k]) }
    }

    @Test func reportJSON() throws {
        var spec = CedulaBackSpec()
        spec.expiry = .init(2024, 10, 2)
        let report = Self.check([try CedulaBackPainter.photo(spec)])
        let obj = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        let doc = try #require(obj["document"] as? [String: Any])
        #expect(doc["run"] as? String == "12345678-5")
        #expect(doc["expiry_date"] as? String == "2024-10-02")
        #expect(doc["source"] as? String == "qr+mrz")
        #expect(doc["type"] as? String == "CEDULA")
        #expect(obj["reference_date"] as? String == "2026-11-30")
        let problems = try #require(obj["problems"] as? [[String: Any]])
        #expect(problems.first?["code"] as? String == "expired")
        #expect((problems.first?["message_en"] as? String)?.contains("expired") == true)
        let none = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.check([try Self.front()]))) as? [String: Any]
        #expect(none?["document"] is NSNull)
        // Round trip.
        #expect(try JSONDecoder().decode(CedulaCheckReport.self, from: JSONEncoder().encode(report)) == report)
    }
}
