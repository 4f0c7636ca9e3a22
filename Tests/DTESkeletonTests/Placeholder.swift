import Testing
@testable import DTESkeleton

@Test func DTESkeletonModuleLinks() { _ = DTESkeletonModule.self }
