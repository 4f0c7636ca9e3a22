import Testing
import TestSupport

@Test func cliBinaryExists() { #expect(FileManager.default.isExecutableFile(atPath: TestSupport.dtekitBinary().path)) }
import Foundation
