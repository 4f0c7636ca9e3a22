import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// OCR clean-up: miscounted `<` runs are normalised, and the check digits still decide.
struct MRZOCRNormalisationTests {
    @Test func fillerRuns() throws {
        let reference = CedulaDate(year: 2026, month: 11, day: 30)!
        let lines = CedulaBackSpec().mrzLines
        var text = [lines[0] + "<<", String(lines[1].prefix(19)) + String(lines[1].dropFirst(21)), String(lines[2].dropLast(3))]
        #expect(text.map(\.count) == [32, 28, 27])
        let doc = try #require(DocumentReader.parseOCR(Array(text.joined(separator: "\n").utf8), reference: reference))
        #expect(doc.run.number == 12_345_678 && doc.documentNumber == "103390800")
        // A wrong character is not repaired.
        text[1] = text[1].replacingOccurrences(of: "F", with: "X")
        #expect(DocumentReader.parseOCR(Array(text.joined(separator: "\n").utf8), reference: reference) == nil)
        // Noise lines around the MRZ are skipped; too-short lines are ignored.
        #expect(DocumentReader.parseOCR(Array(("REPUBLICA\n" + lines.joined(separator: "\n")).utf8), reference: reference) != nil)
        #expect(DocumentReader.parseOCR(Array(("IDCHL<<\n" + lines.prefix(2).joined(separator: "\n")).utf8), reference: reference) == nil)
    }
}
