import Foundation
import IDScan

/// Small PDFs for the ID-check tests, benchmarks and fuzz seeds, written byte by byte with a
/// correct cross-reference table: scanner-style pages (a JPEG embedded as a DCTDecode image at a
/// given resolution, as scanners and scanner apps write them) and hostile shapes.
public enum IDScanTestPDF {
    /// A PDF whose objects 1…n are `objects` (bodies without `n 0 obj`/`endobj`), root object 1.
    public static func document(_ objects: [Data], trailerExtra: String = "") -> Data {
        var out = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Data("\(i + 1) 0 obj\n".utf8) + body + Data("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(trailerExtra)>>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Data(table.utf8)
    }

    /// A stream object body.
    public static func stream(_ data: Data, dictionary: String = "") -> Data {
        Data("<< /Length \(data.count) \(dictionary)>>\nstream\n".utf8) + data + Data("\nendstream".utf8)
    }

    /// A scanned page: a JPEG of `width` × `height` pixels filling the page at `dpi`.
    public struct ScanPage: Sendable {
        public var jpeg: Data
        public var width: Int
        public var height: Int
        /// Gray (1) or RGB/YCbCr (3) components in the JPEG.
        public var components: Int
        public init(jpeg: Data, width: Int, height: Int, components: Int = 3) {
            self.jpeg = jpeg; self.width = width; self.height = height; self.components = components
        }
    }

    /// A scan: one page per image, each image filling its page at `dpi`. `mediaBox` (e.g.
    /// "[0 0 14400 14400]") replaces the pages' boxes while the image keeps its size.
    public static func scan(_ pages: [ScanPage], dpi: Double = 300, mediaBox: String? = nil) -> Data {
        var objects: [Data] = [Data("<< /Type /Catalog /Pages 2 0 R >>".utf8), Data()]
        var kids: [String] = []
        for page in pages {
            let id = objects.count + 1
            kids.append("\(id) 0 R")
            let w = Double(page.width) * 72 / dpi, h = Double(page.height) * 72 / dpi
            let box = mediaBox ?? String(format: "[0 0 %.3f %.3f]", w, h)
            objects.append(Data("<< /Type /Page /Parent 2 0 R /MediaBox \(box) /Resources << /XObject << /Im0 \(id + 2) 0 R >> >> /Contents \(id + 1) 0 R >>".utf8))
            objects.append(stream(Data(String(format: "q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q", w, h).utf8)))
            let space = page.components == 1 ? "/DeviceGray" : "/DeviceRGB"
            objects.append(stream(page.jpeg, dictionary: "/Type /XObject /Subtype /Image /Width \(page.width) /Height \(page.height) /ColorSpace \(space) /BitsPerComponent 8 /Filter /DCTDecode "))
        }
        objects[1] = Data("<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(pages.count) >>".utf8)
        return document(objects)
    }

    /// A scanned page of the synthetic card: `scene` rendered and JPEG-encoded, for `scan(_:dpi:)`.
    public static func page(_ scene: IDScanSyntheticScene, quality: Int = 90) throws -> ScanPage {
        ScanPage(jpeg: try IDScanSyntheticCard.jpeg(scene, quality: quality), width: scene.width, height: scene.height)
    }

    /// `count` empty pages of `mediaBox`, all leaves of one page-tree node.
    public static func blankPages(_ count: Int, mediaBox: String = "[0 0 612 792]") -> Data {
        var objects: [Data] = [Data("<< /Type /Catalog /Pages 2 0 R >>".utf8), Data()]
        var kids: [String] = []
        kids.reserveCapacity(count)
        for _ in 0..<count {
            kids.append("\(objects.count + 1) 0 R")
            objects.append(Data("<< /Type /Page /Parent 2 0 R /MediaBox \(mediaBox) >>".utf8))
        }
        objects[1] = Data("<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(count) >>".utf8)
        return document(objects)
    }

    /// One page whose resources hold `depth` nested arrays and dictionaries, and whose content
    /// stream opens `depth` nested arrays: the parser's recursion limits.
    public static func deepNesting(depth: Int) -> Data {
        let nested = String(repeating: "[<< /A ", count: depth) + "0" + String(repeating: " >>]", count: depth)
        let content = "0 g 10 10 50 30 re f " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + " pop"
        return document([
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 130] /Resources << /Deep \(nested) >> /Contents 4 0 R >>".utf8),
            stream(Data(content.utf8)),
        ])
    }
}
