import Testing
@testable import DTEBatch

@Test func DTEBatchModuleLinks() { _ = DTEBatchModule.self }
