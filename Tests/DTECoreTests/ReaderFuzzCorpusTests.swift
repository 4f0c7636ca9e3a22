import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

/// The DTEReaderFuzz harness's checks (Fuzz/Sources/DTEReaderFuzz), replayed: every input of the
/// committed minimised corpus, and every SII sample turned into each container, deviation and
/// TED escape form, read strict and lenient — no crash, a success always has documents, and a
/// strict success reads the same, without warnings, in lenient mode.
@Suite struct ReaderFuzzCorpusTests {
    static func check(_ data: Data, _ label: String) {
        let strict = Result { () throws(DTEReadError) -> DTEEnvelope in try DTEReader(mode: .strict).read(data, source: "f.xml") }
        let lenient = Result { () throws(DTEReadError) -> DTEEnvelope in try DTEReader(mode: .lenient).read(data, source: "f.xml") }
        for case let .success(envelope) in [strict, lenient] {
            #expect(!envelope.documents.isEmpty, "\(label): an envelope without documents")
            for doc in envelope.documents {
                if let ted = doc.ted {
                    #expect(ted.bytes.first == UInt8(ascii: "<") && ted.ddBytes.first == UInt8(ascii: "<"), "\(label)")
                    _ = ted.verify()
                }
            }
        }
        if case let .success(s) = strict {
            #expect(s.warnings.isEmpty, "\(label)")
            if case let .success(l) = lenient { #expect(l == s, "\(label): lenient differs") }
            else { Issue.record("\(label): lenient refused what strict read") }
        }
        if case let .failure(e) = strict { #expect(e.source == "f.xml" && !e.description.isEmpty, "\(label)") }
    }

    @Test func committedCorpus() throws {
        let (dir, files) = try TestSupport.fuzzCorpus("reader-fuzz-corpus", besides: #filePath)
        #expect(files.count >= 20, "the committed fuzz corpus is missing or too small at \(dir.path)")
        for file in files { Self.check(try Data(contentsOf: file), file.lastPathComponent) }
    }

    /// The harness's seeds, rebuilt from the SII samples (they are not copied into the repository).
    @Test func seedsFromTheSamples() throws {
        var n = 0
        for url in try TestSupport.siiDocumentSamples() {
            let data = try Data(contentsOf: url)
            Self.check(data, url.lastPathComponent); n += 1
            guard let containers = try? RealFileVariants.containers(of: data) else { continue }
            for v in containers { Self.check(v.data, "\(url.lastPathComponent) \(v.name)"); n += 1 }
            for d in (try? RealFileVariants.deviations(of: data)) ?? [] { Self.check(d.data, "\(url.lastPathComponent) \(d.name)"); n += 1 }
        }
        #expect(n >= 100)
    }
}
