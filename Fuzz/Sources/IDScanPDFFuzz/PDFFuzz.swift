import Foundation
import IDScan

/// The PDF path of the check (poppler-glib parsing, page-count and page-size limits, cairo
/// rendering, then card detection on every page). Inputs that lost their "%PDF" signature to a
/// mutation get it back, so every run goes through poppler.
private let checker: IDScanChecker = {
    var p = IDScanPolicy()
    p.maxMegapixels = 4
    return IDScanChecker(policy: p)
}()

private let signature = Array("%PDF-1.4\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var bytes = Data(bytes: data, count: size)
    if !bytes.starts(with: Array("%PDF".utf8)) { bytes = Data(signature) + bytes }
    let reports = checker.checkPages(bytes)
    if reports.isEmpty || reports.count > IDScanChecker.maxPDFPages { fatalError("page reports out of range: \(reports.count)") }
    for report in reports where (report.verdict == .accept) != report.problems.isEmpty { fatalError("inconsistent report") }
    return 0
}
