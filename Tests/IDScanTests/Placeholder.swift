import Testing
@testable import IDScan

@Test func IDScanModuleLinks() { _ = IDScanModule.self }
