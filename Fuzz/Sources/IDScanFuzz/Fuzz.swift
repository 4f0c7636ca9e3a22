import Foundation
import IDScan

/// A policy that keeps each run fast: images above 4 megapixels stop at the header.
private let checker: IDScanChecker = {
    var p = IDScanPolicy()
    p.maxMegapixels = 4
    return IDScanChecker(policy: p)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let report = checker.check(Data(bytes: data, count: size))
    // The verdict must be consistent with the problems.
    if (report.verdict == .accept) != report.problems.isEmpty { fatalError("inconsistent report") }
    return 0
}
