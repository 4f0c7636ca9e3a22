import Foundation
import DTECore
import DTEBatch

/// A renderer that writes a minimal, valid one-page PDF naming the document (RUT, type,
/// folio, copy): for exercising batch pipelines (the `dtekit-test-harness` executable, the
/// engine tests) and measuring the engine's own overhead. Not a printout; not shipped.
public struct StubRenderer: BatchRenderer {
    public let fingerprint: String
    /// Also write a cedible copy for documents that allow one.
    public let cedible: Bool
    /// CPU work per output, in SHA-256 passes over 16 KiB, to stand in for a real renderer
    /// when measuring scaling (0 = none).
    public let simulatedWork: Int

    /// - Parameter seed: stands in for the template and logo: a different seed is a
    ///   different fingerprint, so every output re-renders.
    public init(seed: String = "", cedible: Bool = false, simulatedWork: Int = 0) {
        self.fingerprint = "stub-1:" + BatchHash.sha256Hex(seed + (cedible ? "|cedible" : ""))
        self.cedible = cedible
        self.simulatedWork = max(0, simulatedWork)
    }

    public func outputs(for document: DTEDocument) throws -> [BatchOutput] {
        let base = "\(document.emisor.rut.canonical)_\(document.type.code)_\(document.folio)"
        var out = [BatchOutput(fileName: base + ".pdf", variant: "tributaria")]
        if cedible && document.allowsCedibleCopy {
            out.append(BatchOutput(fileName: base + "_cedible.pdf", variant: "cedible"))
        }
        return out
    }

    public func render(_ document: DTEDocument, output: BatchOutput) throws -> Data {
        if simulatedWork > 0 {
            var block = Data(repeating: UInt8(truncatingIfNeeded: document.folio), count: 16 * 1024)
            for _ in 0..<simulatedWork {
                let h = BatchHash.sha256Hex(block)
                block.replaceSubrange(0..<min(block.count, h.utf8.count), with: Data(h.utf8))
            }
        }
        let lines = [
            "\(document.type.printedName) N. \(document.folio)",
            "R.U.T. \(document.emisor.rut.formatted)",
            "Copia \(output.variant)",
            "Total \(document.totales.montoTotal)",
        ]
        return StubRenderer.pdf(lines: lines)
    }

    /// A one-page PDF 1.4 with Helvetica text lines (non-ASCII replaced by `?`), with a
    /// correct cross-reference table.
    public static func pdf(lines: [String]) -> Data {
        func escape(_ s: String) -> String {
            var out = ""
            for u in s.unicodeScalars {
                switch u {
                case "(", ")", "\\": out += "\\" + String(u)
                case " "..."~": out.unicodeScalars.append(u)
                default: out += "?"
                }
            }
            return out
        }
        var content = "BT /F1 14 Tf 72 720 Td 18 TL\n"
        for l in lines { content += "(\(escape(l))) Tj T*\n" }
        content += "ET\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets {
            let digits = String(o)
            pdf += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }
}

/// Wraps a renderer so that, after `pauseAfter` renders have started, every further render
/// waits until the file `gate` exists: a test can stop a run at a known point (signal it,
/// cancel it) instead of racing a sleep against the machine's speed. A deadline that only a
/// hung test reaches (`maximumWait`) lets the render go on, so nothing blocks forever.
public final class GatedRenderer: BatchRenderer, @unchecked Sendable {
    public let base: any BatchRenderer
    public let pauseAfter: Int
    public let gate: URL
    public let maximumWait: Double
    private let lock = NSLock()
    private var started = 0

    public init(_ base: any BatchRenderer, pauseAfter: Int, gate: URL, maximumWait: Double = 600) {
        self.base = base
        self.pauseAfter = pauseAfter
        self.gate = gate
        self.maximumWait = maximumWait
    }

    public var fingerprint: String { base.fingerprint }

    public func outputs(for document: DTEDocument) throws -> [BatchOutput] { try base.outputs(for: document) }

    public func render(_ document: DTEDocument, output: BatchOutput) throws -> Data {
        lock.lock()
        started += 1
        let mustWait = started > pauseAfter
        lock.unlock()
        if mustWait {
            let end = Date().addingTimeInterval(maximumWait)
            while !FileManager.default.fileExists(atPath: gate.path) && Date() < end { usleep(5_000) }
        }
        return try base.render(document, output: output)
    }
}
