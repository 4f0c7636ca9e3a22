import DTECore
import Foundation

/// Streams the JSON report (`--report FILE`) to a temporary file next to it, one input at a
/// time (memory stays flat), and renames it into place at the end:
/// `{"summary": {…}, "inputs": [ {input, relativePath, status, outputs, documents, error}, … ]}`.
// Unchecked: no lock of its own; BatchRun calls it only while holding its collector's `Locked` state.
final class ReportWriter: @unchecked Sendable {
    let url: URL
    private let tmpPath: String
    private let handle: FileHandle
    private var first = true
    private let encoder: JSONEncoder

    init(url: URL) throws(BatchError) {
        self.url = url
        tmpPath = url.path + ".\(getpid()).partial"
        _ = FileManager.default.createFile(atPath: tmpPath, contents: nil)
        guard let h = FileHandle(forWritingAtPath: tmpPath) else {
            throw .report(url.path, reason: "no se puede escribir")
        }
        handle = h
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try write(Data("{\"inputs\":[\n".utf8))
    }

    private func write(_ data: Data) throws(BatchError) {
        do { try handle.write(contentsOf: data) } catch { throw .report(url.path, reason: BoundedFile.message(error)) }
    }

    func append(_ outcome: BatchInputOutcome) throws(BatchError) {
        guard let line = try? encoder.encode(outcome) else { return }
        if !first { try write(Data(",\n".utf8)) }
        first = false
        try write(line)
    }

    func finish(summary: BatchSummary) throws(BatchError) {
        let s = (try? encoder.encode(summary)) ?? Data("{}".utf8)
        try write(Data("\n],\n\"summary\":".utf8) + s + Data("}\n".utf8))
        do { try handle.synchronize(); try handle.close() } catch { throw .report(url.path, reason: BoundedFile.message(error)) }
        guard rename(tmpPath, url.path) == 0 else {
            throw .report(url.path, reason: String(cString: strerror(errno)))
        }
    }
}
