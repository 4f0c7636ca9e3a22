import CImageCodec
import DTECore
import Foundation

/// What ``IDScanChecker`` hands to the document reader: the decoded grayscale image and the card
/// quadrilateral in its pixels (nil when no card was found).
struct ScanCapture {
    var image: DecodedImage
    var quad: Quad?
}

/// Checks one cédula given as one or several images (front and back photos, or the pages of a
/// PDF): each image must be legible (``IDScanChecker``), and the back must show a vigente card of
/// the expected person.
///
/// The back's QR code (the Registro Civil's document-status URL) is the primary source; the
/// machine-readable zone (MRZ, read by OCR with Tesseract) stands in when the QR is damaged and,
/// with ``MRZUse/crossCheck``, cross-checks it. Tesseract (built with OpenMP on Debian) is asked
/// for one thread per read.
/// Nothing is fetched over the network and nothing is logged. A value type: safe to share between
/// threads and tasks.
///
/// ```swift
/// let check = CedulaCheck(expectedRUN: try RUT("12.345.678-5"),
///                         referenceDate: CedulaDate(year: 2026, month: 11, day: 30)!)
/// let report = check.check([front, back])
/// if report.verdict == .reject { show(report.allProblems.map(\.messageES)) }
/// ```
public struct CedulaCheck: Sendable {
    /// When the MRZ is read by OCR.
    public enum MRZUse: String, Sendable, Codable {
        /// On every image with a card: a cross-check of the QR (source `qr+mrz`) and the fallback.
        /// Costs one Tesseract pass (≈ 0.1 s per image on one core) even when the QR was read.
        case crossCheck = "cross-check"
        /// Only when no QR code could be read in any image (the default: the QR alone takes
        /// milliseconds, and its content is protected by Reed–Solomon and the check digits).
        case fallback
        /// Never (QR only).
        case off
    }

    /// The legibility check applied to each image.
    public var checker: IDScanChecker
    /// The legal representative's RUN from the onboarding form; nil reads the document without
    /// requiring it (no `run-mismatch`, no `document-unreadable`).
    public var expectedRUN: RUT?
    /// The day the card must still be valid on (expiry before it → `expired`).
    public var referenceDate: CedulaDate
    /// When to OCR the MRZ.
    public var mrz: MRZUse

    /// - Parameters:
    ///   - policy: the legibility thresholds.
    ///   - expectedRUN: the legal representative's RUN from the onboarding form; `nil` checks
    ///     legibility and validity only.
    ///   - referenceDate: the day the cédula must be vigente on (default today in Chile).
    ///   - mrz: when the MRZ is read (fallback for an unreadable QR, always, or never).
    public init(policy: IDScanPolicy = .default, expectedRUN: RUT? = nil,
                referenceDate: CedulaDate = .today(), mrz: MRZUse = .fallback) {
        self.checker = IDScanChecker(policy: policy)
        self.expectedRUN = expectedRUN
        self.referenceDate = referenceDate
        self.mrz = mrz
    }

    /// Checks the images (file bytes, JPEG or PNG) of one cédula. Never throws: every failure is
    /// a problem in the report.
    public func check(_ images: [Data]) -> CedulaCheckReport {
        let start = ContinuousClock.now
        var reports: [IDScanReport] = []
        var captures: [(Data, ScanCapture)] = []
        for data in images {
            var captured: ScanCapture?
            reports.append(checker.check(data) { captured = $0 })
            if let captured { captures.append((data, captured)) }
        }

        // QR codes first, from every image that decoded.
        let reader = DocumentReader(referenceDate: referenceDate)
        var qrDocuments: [CedulaDocument] = []
        var inconsistencies: [CedulaReadError] = []
        var cards: [(Data, ScanCapture, (GrayImage, Quad))] = []
        for (data, capture) in captures {
            let found = reader.readQR(data, capture: capture)
            for result in found.payloads {
                switch result {
                case let .success(doc): qrDocuments.append(doc)
                case let .failure(error): inconsistencies.append(error)
                }
            }
            if let card = found.bestCard { cards.append((data, capture, card)) }
        }
        var mrzDocuments: [CedulaDocument] = []
        if mrz == .crossCheck || (mrz == .fallback && qrDocuments.isEmpty) {
            for (data, capture, card) in cards {
                // OCR wants the card ≥ ≈ 800 px wide: decode finer when DCT scaling left it smaller.
                var (image, quad) = card
                if quad.longSide < Double(DocumentReader.cardWidth) * 0.9,
                   let finer = DocumentReader.finer(data, capture: capture, cardWidth: Double(DocumentReader.cardWidth) * 0.9),
                   finer.1.longSide > quad.longSide {
                    (image, quad) = finer
                }
                if let doc = reader.readMRZ(image, quad: quad) { mrzDocuments.append(doc) }
            }
        }

        // Combine: every reading must describe the same card.
        var document: CedulaDocument?
        let readings = qrDocuments + mrzDocuments
        if let first = readings.first {
            if readings.allSatisfy({ $0.agrees(with: first) }) {
                var doc = qrDocuments.first ?? first
                if !qrDocuments.isEmpty, !mrzDocuments.isEmpty { doc.source = .qrAndMRZ }
                document = doc
            } else {
                inconsistencies.append(.readingsDisagree)
            }
        }

        var problems: [IDScanProblem] = []
        if !inconsistencies.isEmpty {
            problems.append(IDScanProblem(code: .inconsistentDocument))
        } else if let document {
            if let expectedRUN, document.run != expectedRUN { problems.append(IDScanProblem(code: .runMismatch)) }
            if document.expiryDate < referenceDate { problems.append(IDScanProblem(code: .expired)) }
        } else if expectedRUN != nil {
            problems.append(IDScanProblem(code: .documentUnreadable))
        }
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let accepted = problems.isEmpty && !reports.isEmpty && reports.allSatisfy { $0.verdict == .accept }
        return CedulaCheckReport(verdict: accepted ? .accept : .reject, problems: problems,
                                 document: inconsistencies.isEmpty ? document : nil, images: reports,
                                 inconsistencies: inconsistencies.map(\.description),
                                 referenceDate: referenceDate, elapsedMilliseconds: (ms * 1000).rounded() / 1000)
    }
}

/// The outcome of checking one cédula over one or several images.
public struct CedulaCheckReport: Codable, Sendable, Equatable {
    /// `accept` when every image is accepted and `problems` is empty.
    public var verdict: IDScanReport.Verdict
    /// Problems of the document as a whole: `expired`, `run-mismatch`, `document-unreadable`,
    /// `inconsistent-document` (each image's own problems are in ``images``).
    public var problems: [IDScanProblem]
    /// What the back says, when it could be read consistently.
    public var document: CedulaDocument?
    /// The legibility report of each image, in input order.
    public var images: [IDScanReport]
    /// Why the document is inconsistent (no personal data), empty otherwise.
    public var inconsistencies: [String]
    /// The date validity was checked against.
    public var referenceDate: CedulaDate
    /// Wall time of the whole check, milliseconds.
    public var elapsedMilliseconds: Double

    /// Every problem: each image's, then the document's.
    public var allProblems: [IDScanProblem] { images.flatMap(\.problems) + problems }

    enum CodingKeys: String, CodingKey {
        case verdict, problems, document, images, inconsistencies
        case referenceDate = "reference_date"
        case elapsedMilliseconds = "elapsed_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(problems, forKey: .problems)
        try c.encode(document, forKey: .document)   // explicit null
        try c.encode(images, forKey: .images)
        try c.encode(inconsistencies, forKey: .inconsistencies)
        try c.encode(referenceDate, forKey: .referenceDate)
        try c.encode(elapsedMilliseconds, forKey: .elapsedMilliseconds)
    }
}

/// Finds and reads the QR code and the MRZ in one decoded image.
struct DocumentReader {
    var referenceDate: CedulaDate

    /// Card resampling size for the MRZ: ID-1 at 10 px/mm.
    static let cardWidth = 856
    static let cardHeight = 540
    /// Long side the whole-image QR search decodes at (at least).
    static let wholeImageLongSide = 2000

    struct QRResult {
        var payloads: [Result<CedulaDocument, CedulaReadError>]
        /// The finest image the card was seen in, with its quad (for the MRZ).
        var bestCard: (GrayImage, Quad)?
    }

    func parse(_ payloads: [[UInt8]]) -> [Result<CedulaDocument, CedulaReadError>] {
        payloads.map { p in Result { () throws(CedulaReadError) in try CedulaParser.parseStatusURL(p, reference: referenceDate) } }
    }

    /// The card region first, at the working scale and (JPEG) at a finer one; then the whole
    /// image at a finer scale.
    func readQR(_ data: Data, capture: ScanCapture) -> QRResult {
        guard let zbar = ZBarQRReader() else { return QRResult(payloads: []) }
        if let quad = capture.quad {
            var best = (capture.image.image, quad)
            if let card = Self.warp(best.0, quad: quad, width: Self.size(quad).0, height: Self.size(quad).1),
               case let found = zbar.decode(card), !found.isEmpty {
                return QRResult(payloads: parse(found), bestCard: best)
            }
            // Finer: the JPEG decoded again at half the DCT scale.
            if let finer = Self.finer(data, capture: capture, cardWidth: quad.longSide * 2) {
                best = finer
                if let card = Self.warp(finer.0, quad: finer.1, width: Self.size(finer.1).0, height: Self.size(finer.1).1),
                   case let found = zbar.decode(card), !found.isEmpty {
                    return QRResult(payloads: parse(found), bestCard: best)
                }
            }
            return QRResult(payloads: [], bestCard: best)
        }
        // No card found: the whole image, at ≥ 2000 px for JPEGs (PNGs are decoded at full size).
        let whole: GrayImage? = data.withUnsafeBytes { bytes in
            let format = SniffedFormat.sniff(bytes)
            if format == .png || capture.image.scaleDenominator == 1 { return capture.image.image }
            guard format == .jpeg, let header = try? HeaderReader.jpeg(bytes) else { return nil }
            return try? ImageDecoder.decode(bytes, format: format, header: header,
                                            maxPixels: UInt64(header.width) * UInt64(header.height),
                                            minLongSide: Self.wholeImageLongSide).image
        }
        guard let whole else { return QRResult(payloads: []) }
        // A large PNG is scanned at ≤ ≈ 3000 px (zbar's time grows with the pixel count).
        let factor = max(1, max(whole.width, whole.height) / 3000 + (max(whole.width, whole.height) % 3000 > 0 ? 1 : 0))
        return QRResult(payloads: parse(zbar.decode(factor > 1 ? whole.boxDownscaled(by: factor) : whole)), bestCard: nil)
    }

    /// The card in the JPEG decoded again at a finer DCT scale, so that it is at least
    /// `cardWidth` pixels wide where possible; nil when no finer scale exists (PNG, or already 1/1).
    static func finer(_ data: Data, capture: ScanCapture, cardWidth: Double) -> (GrayImage, Quad)? {
        guard let quad = capture.quad, capture.image.scaleDenominator > 1 else { return nil }
        return data.withUnsafeBytes { bytes -> (GrayImage, Quad)? in
            guard SniffedFormat.sniff(bytes) == .jpeg, let header = try? HeaderReader.jpeg(bytes) else { return nil }
            var d = capture.image.scaleDenominator
            repeat { d /= 2 } while d > 1 && quad.longSide * Double(capture.image.scaleDenominator / d) < cardWidth
            guard let finer = try? ImageDecoder.decode(bytes, format: .jpeg, header: header,
                                                       maxPixels: UInt64(header.width) * UInt64(header.height),
                                                       minLongSide: 0, scaleDenominator: max(d, 1)) else { return nil }
            let sx = Double(finer.image.width) / Double(max(capture.image.image.width, 1))
            let sy = Double(finer.image.height) / Double(max(capture.image.image.height, 1))
            return (finer.image, quad.scaled(x: sx, y: sy))
        }
    }

    /// Warp size for the QR search: the card at its own resolution, within 400…900 px wide (at
    /// 900 px a 20 mm QR of 45 modules still has ≈ 4.7 px per module; zbar's time grows with the
    /// pixel count: a 1106 px warp cost ≈ 30 ms, a 620 px one ≈ 5 ms).
    static func size(_ quad: Quad) -> (Int, Int) {
        let w = Int(min(max(quad.longSide.isFinite ? quad.longSide : 0, 400), 900).rounded())
        return (w, w * 540 / 856)
    }

    /// OCR of the MRZ band (bottom of the back), upright then upside down; a reading counts only
    /// when every check digit holds.
    func readMRZ(_ image: GrayImage, quad: Quad) -> CedulaDocument? {
        TesseractPool.shared.with { engine -> CedulaDocument? in
            for rotated in [false, true] {
                let q = rotated ? Quad(p: [quad.p[2], quad.p[3], quad.p[0], quad.p[1]]) : quad
                guard let card = Self.warp(image, quad: q, width: Self.cardWidth, height: Self.cardHeight) else { return nil }
                let band = card.crop(x: 20, y: 330, width: Self.cardWidth - 40, height: 200)
                let text = engine.read(band)
                if let doc = Self.parseOCR(text, reference: referenceDate) { return doc }
            }
            return nil
        } ?? nil
    }

    /// The last three MRZ-like lines of OCR text, parsed as TD1. OCR often miscounts a run of
    /// `<` fillers: a line of 26–34 characters gets its last run of `<` (≥ 2 long, or any length
    /// at the line's end) stretched or shrunk to make 30. That run is line 1's and line 3's trailing filler and line 2's filler before the
    /// composite digit; `<` counts 0 in every check digit and nothing after the run moves, so
    /// the check digits still decide.
    static func parseOCR(_ text: [UInt8], reference: CedulaDate) -> CedulaDocument? {
        let lines = text.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D })
            .map { $0.filter { $0 != 0x20 } }
            .compactMap(normalizedFiller)
        guard lines.count >= 3 else { return nil }
        let mrz = Array(lines.suffix(3).joined(separator: [0x0A]))
        return try? CedulaParser.parseTD1(mrz, reference: reference)
    }

    static func normalizedFiller(_ line: [UInt8]) -> [UInt8]? {
        if line.count == 30 { return line }
        guard (26...34).contains(line.count) else { return nil }
        let filler = UInt8(ascii: "<")
        guard let end = line.lastIndex(of: filler) else { return nil }
        var start = end
        while start > 0, line[start - 1] == filler { start -= 1 }
        let run = end - start + 1
        let wanted = run + 30 - line.count
        guard run >= 2 || end == line.count - 1, wanted >= 1 else { return nil }
        return Array(line[..<start]) + [UInt8](repeating: filler, count: wanted) + Array(line[(end + 1)...])
    }

    /// Resamples the quadrilateral to an upright `width × height` image (bilinear).
    static func warp(_ src: GrayImage, quad: Quad, width: Int, height: Int) -> GrayImage? {
        guard width > 0, height > 0, width <= 4096, height <= 4096,
              let h = Geometry.homography(width: Double(width), height: Double(height), to: quad),
              h.allSatisfy(\.isFinite) else { return nil }
        var out = GrayImage(width: width, height: height)
        let sw = src.width, sh = src.height
        guard sw > 0, sh > 0, src.pixels.count >= sw * sh,
              let srcW = Int32(exactly: sw), let srcH = Int32(exactly: sh) else { return nil }
        let coefficients = h.map { Float($0) }
        src.pixels.withUnsafeBufferPointer { s in
            out.pixels.withUnsafeMutableBufferPointer { d in
                coefficients.withUnsafeBufferPointer { c in
                    guard let sp = s.baseAddress, let dp = d.baseAddress, let cp = c.baseAddress, c.count == 8 else { return }
                    imgcodec_warp_bilinear(sp, srcW, srcH, cp, dp, Int32(width), Int32(height))
                }
            }
        }
        return out
    }
}

extension GrayImage {
    /// A sub-rectangle, clipped to the image.
    func crop(x: Int, y: Int, width w: Int, height h: Int) -> GrayImage {
        let x0 = min(max(x, 0), width), y0 = min(max(y, 0), height)
        let x1 = min(max(x0 + max(w, 0), x0), width), y1 = min(max(y0 + max(h, 0), y0), height)
        var out = GrayImage(width: x1 - x0, height: y1 - y0)
        for row in y0..<y1 {
            let src = row * width
            out.pixels.replaceSubrange(((row - y0) * out.width)..<((row - y0 + 1) * out.width), with: pixels[(src + x0)..<(src + x1)])
        }
        return out
    }
}
