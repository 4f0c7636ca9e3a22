import Testing
@testable import DTEPrint

@Test func DTEPrintModuleLinks() { _ = DTEPrintModule.self }
