import Foundation
import DTECore
import DTEBatch
import DTEKitTestSupport

enum Fixtures {
    /// Samples holding exactly one `<DTE>`, read as bytes.
    static func singleDocumentSamples() throws -> [(name: String, data: Data)] {
        try TestSupport.siiDocumentSamples()
            .filter { !$0.lastPathComponent.hasPrefix("invalid") }
            .compactMap { url -> (String, Data)? in
                let data = try Data(contentsOf: url)
                let count = data.ranges(of: Data("<DTE ".utf8)).count
                return count == 1 ? (url.lastPathComponent, data) : nil
            }
    }

    /// The sample with the `<Folio>` text (and the TED's `<F>`) replaced.
    static func withFolio(_ data: Data, _ folio: String) -> Data {
        var d = replacingElementText(data, tag: "Folio", with: folio)
        d = replacingElementText(d, tag: "F", with: folio)
        return d
    }

    static func replacingElementText(_ data: Data, tag: String, with value: String) -> Data {
        let open = Data("<\(tag)>".utf8), close = Data("</\(tag)>".utf8)
        var out = Data()
        var rest = data[...]
        while let o = rest.range(of: open), let c = rest.range(of: close, in: o.upperBound..<rest.endIndex) {
            out += rest[rest.startIndex..<o.upperBound]
            out += Data(value.utf8)
            out += rest[c.lowerBound..<c.upperBound]
            rest = rest[c.upperBound...]
        }
        out += rest
        return out
    }

    /// Writes `count` copies of the single-document samples with distinct folios
    /// (`firstFolio`…) under `dir/sub…`, spread over a few subfolders.
    @discardableResult
    static func generate(_ count: Int, in dir: URL, firstFolio: Int = 1000, prefix: String = "doc") throws -> [URL] {
        let samples = try singleDocumentSamples()
        guard !samples.isEmpty else { throw TestSupport.Missing.siiData("single-document samples") }
        var urls: [URL] = []
        for i in 0..<count {
            let sample = samples[i % samples.count]
            let sub = dir.appendingPathComponent("lote-\(i % 7)", isDirectory: true)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let url = sub.appendingPathComponent("\(prefix)-\(i)-\(sample.name)")
            try withFolio(sample.data, String(firstFolio + i)).write(to: url)
            urls.append(url)
        }
        return urls
    }

    /// Five broken inputs: not XML, truncated, empty, unknown type 99, hostile folio.
    @discardableResult
    static func generateBroken(in dir: URL) throws -> [URL] {
        let sample = try singleDocumentSamples()[0].data
        let sub = dir.appendingPathComponent("rotos", isDirectory: true)
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let files: [(String, Data)] = [
            ("no-es-xml.xml", Data("esto no es XML\n".utf8)),
            ("truncado.xml", sample.prefix(sample.count / 2)),
            ("vacio.xml", Data()),
            ("tipo-99.xml", replacingElementText(sample, tag: "TipoDTE", with: "99")),
            ("folio-hostil.xml", replacingElementText(sample, tag: "Folio", with: "../../../tmp/pwned")),
        ]
        return try files.map { name, data in
            let url = sub.appendingPathComponent(name)
            try data.write(to: url)
            return url
        }
    }

    static func pdfs(in dir: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: dir.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Starts with `%PDF-` and ends with `%%EOF` (+ newline).
    static func isCompletePDF(_ data: Data) -> Bool {
        guard data.starts(with: Data("%PDF-".utf8)) else { return false }
        let tail = String(decoding: data.suffix(8), as: UTF8.self)
        return tail.contains("%%EOF")
    }

    static func readJSON(_ url: URL) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return object as? [String: Any] ?? [:]
    }
}

/// Collects events from the engine's callback (called one at a time from render threads).
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [BatchInputOutcome] = []
    private(set) var started: Int?
    func record(_ event: BatchEvent) {
        lock.lock(); defer { lock.unlock() }
        switch event {
        case .started(let n): started = n
        case .input(let o, _): outcomes.append(o)
        case .finished: break
        }
    }
    var all: [BatchInputOutcome] { lock.lock(); defer { lock.unlock() }; return outcomes }
}
