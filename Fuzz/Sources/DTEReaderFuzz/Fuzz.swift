import DTECore
import Foundation

// libFuzzer harness for DTECore's reader: SafeXML's prolog scan and limits, libxml2, the
// container search (AEC, xml-fragment, provider envelopes, bare Documento, SetDTE), strict and
// lenient mapping, and the TED source scanner (every TED's bytes come from the input's bytes).
// Seeds: the SII samples and their container/encoding/escape variants (docs/core.md).

private let strict = DTEReader(mode: .strict)
private let lenient = DTEReader(mode: .lenient)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = Data(bytes: data, count: size)
    let strictResult = Result { () throws(DTEReadError) -> DTEEnvelope in try strict.read(input, source: "fuzz.xml") }
    let lenientResult = Result { () throws(DTEReadError) -> DTEEnvelope in try lenient.read(input, source: "fuzz.xml") }
    for case let .success(envelope) in [strictResult, lenientResult] {
        // A read that succeeds always has a document: "0 documents, OK" must not exist.
        if envelope.documents.isEmpty { fatalError("an envelope without documents") }
        for doc in envelope.documents {
            if let ted = doc.ted {
                if ted.bytes.first != UInt8(ascii: "<") || ted.ddBytes.first != UInt8(ascii: "<") { fatalError("TED bytes are not an element") }
                _ = ted.verify()
            }
        }
    }
    if case let .success(s) = strictResult {
        // Lenient only differs where strict refuses.
        guard case let .success(l) = lenientResult else { fatalError("lenient refused what strict read") }
        if !s.warnings.isEmpty { fatalError("strict reported warnings") }
        if l != s { fatalError("lenient read a strictly valid file differently") }
    }
    return 0
}
