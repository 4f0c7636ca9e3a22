import Foundation
import Testing
import DTEKitTestSupport
import IDScan

/// Every input the libFuzzer pass over the cédula parsers kept
/// (Tests/IDScanTests/Resources/cedula-fuzz-corpus) goes through both parsers again: no crash,
/// and whatever is accepted has the shape the harness asserts.
@Test func cedulaParserFuzzCorpusRegression() throws {
    let (dir, files) = try TestSupport.fuzzCorpus("cedula-fuzz-corpus", besides: #filePath)
    #expect(files.count >= 50, "the committed cédula fuzz corpus is missing or too small at \(dir.path)")
    let reference = CedulaDate(year: 2026, month: 11, day: 30)!
    var acceptedURLs = 0, acceptedMRZs = 0
    for file in files {
        let bytes = [UInt8](try Data(contentsOf: file))
        if let d = try? CedulaParser.parseStatusURL(bytes, reference: reference) {
            acceptedURLs += 1
            #expect(d.statusURL.map { Array($0.utf8) } == bytes, "\(file.lastPathComponent)")
            #expect(d.documentNumber.utf8.count == 9)
            #expect(d.birthDate <= reference)
            #expect((2000...2099).contains(d.expiryDate.year))
        }
        if let d = try? CedulaParser.parseTD1(bytes, reference: reference) {
            acceptedMRZs += 1
            #expect(d.source == .mrz && d.statusURL == nil)
        }
    }
    // The seeds (genuine-shaped URLs and MRZs) survive minimisation.
    #expect(acceptedURLs >= 1)
    #expect(acceptedMRZs >= 1)
}
