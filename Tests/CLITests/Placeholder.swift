import Testing
import DTEKitTestSupport

@Test func cliBinaryExists() { #expect(FileManager.default.isExecutableFile(atPath: TestSupport.dtekitBinary().path)) }
import Foundation
