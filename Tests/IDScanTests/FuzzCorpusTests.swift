import Foundation
import Testing
import DTEKitTestSupport
import IDScan

/// Every input the libFuzzer pass kept (Tests/IDScanTests/Resources/fuzz-corpus) goes through the
/// whole check again: no crash, a consistent report, no hang (the time limit only a hung run reaches).
@Test(.timeLimit(.minutes(30)))
func fuzzCorpusRegression() throws {
    let (dir, files) = try TestSupport.fuzzCorpus("fuzz-corpus", besides: #filePath)
    #expect(files.count >= 20, "the committed fuzz corpus is missing or too small at \(dir.path)")
    var policy = IDScanPolicy()
    policy.maxMegapixels = 4       // as in the harness
    let checker = IDScanChecker(policy: policy)
    for file in files {
        let data = try Data(contentsOf: file)
        let report = checker.check(data)
        #expect((report.verdict == .accept) == report.problems.isEmpty, "\(file.lastPathComponent)")
        // Default policy too: never a crash.
        _ = IDScanChecker().check(data)
    }
}
