import DTECore
import DTESkeleton
import Foundation
import Testing
import DTEKitTestSupport

/// The ProfileFuzz harness's checks (Fuzz/Sources/ProfileFuzz), replayed over its committed,
/// minimised corpus: every input loads or is refused with a message, an accepted profile's RUT
/// round-trips, and its skeletons generate and serialise or refuse — never a crash.
@Suite struct ProfileFuzzCorpusTests {
    @Test func committedCorpus() throws {
        let (dir, files) = try TestSupport.fuzzCorpus("profile-fuzz-corpus", besides: #filePath)
        #expect(files.count >= 20, "the committed fuzz corpus is missing or too small at \(dir.path)")
        let date = try CalendarDate(year: 2026, month: 1, day: 2)
        var accepted = 0
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let profile: EmisorProfile
            do { profile = try EmisorProfile.load(yaml: text, source: "fuzz.yaml") } catch {
                #expect(!error.description.isEmpty, "\(file.lastPathComponent)")
                continue
            }
            accepted += 1
            #expect(RUT(validating: profile.rut.canonical) == profile.rut, "\(file.lastPathComponent)")
            let generator = SkeletonGenerator(emisor: profile)
            for code in [33, 39, 52, 61, 110] {
                guard let document = try? generator.document(forCode: code, options: .init(fechaEmision: date)) else { continue }
                if let xml = try? DTEXMLWriter().dte(document) { #expect(!xml.isEmpty, "\(file.lastPathComponent) \(code)") }
            }
        }
        #expect(accepted > 0, "the corpus should hold profiles that load")
    }
}
