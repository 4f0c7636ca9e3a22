import Foundation
import ImageCodec

/// Decides whether an uploaded cédula (ID-1 card) image is usable.
///
/// A value type holding only its policy: safe to share between threads and tasks; every call to
/// ``check(_:)`` works on its own buffers (no global state).
///
/// ```swift
/// let report = IDScanChecker().check(try Data(contentsOf: url))
/// if report.verdict == .reject { print(report.problems.map(\.messageES)) }
/// ```
public struct IDScanChecker: Sendable {
    /// The thresholds in force.
    public var policy: IDScanPolicy

    /// Long side, in pixels, the JPEG decoder's DCT scaling keeps at least (1/2, 1/4, 1/8 picked
    /// accordingly): 4000 px photos decode at 1000 px.
    static let workingLongSide = 1000
    /// Long side of the image the card is searched on.
    static let detectionLongSide = 800

    /// A checker with `policy`'s thresholds (``IDScanPolicy/default`` unless tuned for a provider).
    public init(policy: IDScanPolicy = .default) { self.policy = policy }

    /// Checks one image given as its file bytes (JPEG, PNG, HEIC, or a PDF: its first page; see
    /// ``checkPages(_:)`` for every page). Never throws: every failure is a problem in the report.
    public func check(_ data: Data) -> IDScanReport {
        timed { data.withUnsafeBytes { bytes in run(bytes) } }
    }

    /// Like ``check(_:)``, and hands the decoded image and the card quad (in that image's pixels,
    /// nil when no card was found) to `capture` (the document reader's hook).
    func check(_ data: Data, capture: (ScanCapture) -> Void) -> IDScanReport {
        timed { data.withUnsafeBytes { bytes in run(bytes, capture: capture) } }
    }

    // Longer than the ~80-line rule (issue 14): decode → size checks → card search → quality
    // checks → problems, in the order the report lists them; each step is a call, the length is
    // the problem list being assembled. To be cut into named steps with the finder above.
    func run(_ bytes: UnsafeRawBufferPointer, page: Int = 0, document: PDFDocument? = nil,
             capture: (ScanCapture) -> Void = { _ in }) -> IDScanReport {
        var metrics = IDScanMetrics(fileBytes: bytes.count)
        let format = SniffedFormat.sniff(bytes)
        func reject(_ problems: [IDScanProblem], size: IDScanSize? = nil) -> IDScanReport {
            IDScanReport(verdict: .reject, problems: problems, metrics: metrics, corners: nil,
                         imageSize: size, format: format.rawValue, elapsedMilliseconds: 0)
        }
        if bytes.count > policy.maxFileBytes {
            return reject([IDScanProblem(code: .fileTooLarge, measured: Double(bytes.count), threshold: Double(policy.maxFileBytes))])
        }
        switch format {
        case .jpeg, .png, .pdf, .heif: break
        case .empty: return reject([IDScanProblem(code: .corrupt)])
        default: return reject([IDScanProblem(code: .unsupportedFormat)])
        }

        // Decoding stage (UploadDecoding.swift): limits first, then pixels.
        let maxPixels = UInt64(min(max(0, policy.maxMegapixels.isNaN ? 0 : policy.maxMegapixels), 1e12) * 1_000_000)
        let header: ImageHeader
        let decoded: DecodedImage
        switch decodeUpload(bytes, format: format, page: page, document: document, maxPixels: maxPixels) {
        case let .rejected(problems, size): return reject(problems, size: size)
        case let .decoded(image, h): decoded = image; header = h
        }
        let size = decoded.sourceSize
        metrics.decodedWidth = decoded.image.width
        metrics.decodedHeight = decoded.image.height
        metrics.scaleDenominator = decoded.scaleDenominator
        metrics.exifOrientation = header.orientation

        // Card search on a ≈800 px image of the frame: the picture, or the photo inside a
        // screenshot of it (ScreenshotInset.swift).
        let search = SearchFrame(decoded.image)
        let detectionImage = search.detectionImage
        let toOriginalX = decoded.scaleX * search.toDecodedX
        let toOriginalY = decoded.scaleY * search.toDecodedY

        var problems: [IDScanProblem] = []
        let quad: Quad
        let minCard = policy.minCardWidth.isFinite ? policy.minCardWidth : 0
        let detection = CardLocator(policy: policy, minLongSide: minCard / max(toOriginalX, toOriginalY, 1e-9)).locate(detectionImage) {
            ColourContrast.image(bytes, format: format, header: header, maxPixels: maxPixels,
                                 width: detectionImage.width, height: detectionImage.height, region: search.region)
        }
        if case .found = detection {} else { capture(ScanCapture(image: decoded, quad: nil)) }
        switch detection {
        case let .notFound(aspect):
            problems.append(IDScanProblem(code: .cardNotFound, measured: aspect,
                                          threshold: aspect == nil ? nil : Double(1.586)))
            problems += wholeImageExposure(detectionImage)
            return reject(problems, size: size)
        case let .cropped(fraction):
            metrics.cardAreaFraction = IDScanMetrics.rounded(fraction)
            return reject([IDScanProblem(code: .cropped)], size: size)
        case let .found(q, fraction):
            metrics.cardAreaFraction = IDScanMetrics.rounded(fraction)
            quad = q.scaled(x: toOriginalX, y: toOriginalY).translated(x: search.originX * decoded.scaleX, y: search.originY * decoded.scaleY)
        }
        metrics.cardWidth = IDScanMetrics.rounded(quad.longSide)
        metrics.cardHeight = IDScanMetrics.rounded(quad.shortSide)
        metrics.cardAspect = IDScanMetrics.rounded(quad.aspect)
        metrics.tiltDegrees = IDScanMetrics.rounded(quad.tiltDegrees)
        let corners = quad.p.map { IDScanPoint(x: ($0.x * 10).rounded() / 10, y: ($0.y * 10).rounded() / 10) }

        // Quality on the card at a fixed size. When DCT scaling left the card narrower than the
        // fixed size, decode again at a finer scale (small card in a large photo).
        var source = decoded
        if format == .jpeg, decoded.scaleDenominator > 1,
           quad.longSide / decoded.scaleX < Double(CardQuality.width) * 0.95 {
            var d = decoded.scaleDenominator
            while d > 1, quad.longSide / Double(d) < Double(CardQuality.width) * 0.95 { d /= 2 }
            if let finer = try? ImageDecoder.decode(bytes, format: format, header: header, maxPixels: maxPixels,
                                               minLongSide: 0, scaleDenominator: d) {
                source = finer
            }
        }
        let working = quad.scaled(x: 1 / source.scaleX, y: 1 / source.scaleY)
        capture(ScanCapture(image: source, quad: working))
        guard let quality = CardQuality.measure(source.image, quad: working, glareLuma: min(max(policy.glareLuma.isNaN ? 250 : policy.glareLuma, 0), 255)) else {
            return IDScanReport(verdict: .reject, problems: [IDScanProblem(code: .cardNotFound)], metrics: metrics,
                                corners: corners, imageSize: size, format: format.rawValue, elapsedMilliseconds: 0)
        }
        metrics.sharpness = IDScanMetrics.rounded(quality.sharpness)
        metrics.tenengrad = IDScanMetrics.rounded(quality.tenengrad)
        metrics.meanLuma = IDScanMetrics.rounded(quality.mean)
        metrics.p5Luma = quality.p5
        metrics.p95Luma = quality.p95
        metrics.contrast = quality.contrast
        metrics.glareFraction = IDScanMetrics.rounded(quality.glareFraction)
        metrics.clippedFraction = IDScanMetrics.rounded(quality.clippedFraction)

        let jpegQuality = format == .jpeg ? JPEGQuality.estimate(bytes) : nil
        if let blocking = blockingProblem(decoded, quad: quad, format: format, jpegQuality: jpegQuality, metrics: &metrics) {
            problems.append(blocking)
        }
        if quad.longSide < policy.minCardWidth {
            problems.append(IDScanProblem(code: .lowResolution, measured: quad.longSide, threshold: policy.minCardWidth))
        }
        if quality.sharpness < policy.minSharpness {
            problems.append(IDScanProblem(code: .blurry, measured: quality.sharpness, threshold: policy.minSharpness))
        }
        if quality.mean < policy.minMeanLuma {
            problems.append(IDScanProblem(code: .tooDark, measured: quality.mean, threshold: policy.minMeanLuma))
        }
        if quality.mean > policy.maxMeanLuma {
            problems.append(IDScanProblem(code: .overexposed, measured: quality.mean, threshold: policy.maxMeanLuma))
        } else if quality.clippedFraction > policy.maxBurntFraction, quality.p5 >= policy.minWashedP5Luma {
            // Burnt light areas and washed-out print together: overexposed at a moderate mean.
            problems.append(IDScanProblem(code: .overexposed, measured: quality.clippedFraction, threshold: policy.maxBurntFraction))
        }
        if quality.contrast < policy.minContrast {
            problems.append(IDScanProblem(code: .lowContrast, measured: quality.contrast, threshold: policy.minContrast))
        }
        // Glare is local specular clipping; a card clipped all over is overexposure, said once.
        if quality.glareFraction > policy.maxGlareFraction, !problems.contains(where: { $0.code == .overexposed }) {
            problems.append(IDScanProblem(code: .glare, measured: quality.glareFraction, threshold: policy.maxGlareFraction))
        }
        return IDScanReport(verdict: problems.isEmpty ? .accept : .reject, problems: problems, metrics: metrics,
                            corners: corners, imageSize: size, format: format.rawValue, elapsedMilliseconds: 0)
    }

    /// Heavy JPEG compression: the file's quantisation (quality estimate) or blocking on the card
    /// region of the decoded (unresampled) working image.
    private func blockingProblem(_ decoded: DecodedImage, quad: Quad, format: SniffedFormat, jpegQuality: Double?,
                                 metrics: inout IDScanMetrics) -> IDScanProblem? {
        if let q = jpegQuality { metrics.jpegQuality = IDScanMetrics.rounded(q) }
        let grid = format == .jpeg ? 8 / max(decoded.scaleDenominator, 1) : 8
        let q = quad.scaled(x: 1 / decoded.scaleX, y: 1 / decoded.scaleY)
        let xs = q.p.map(\.x), ys = q.p.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
              minX.isFinite, maxX.isFinite, minY.isFinite, maxY.isFinite else {
            guard let q = jpegQuality, q < policy.minJPEGQuality else { return nil }
            return IDScanProblem(code: .compressionArtifacts, measured: q, threshold: policy.minJPEGQuality)
        }
        // The middle of the card's bounding box (clear of the outline and the background).
        let dx = (maxX - minX) * 0.15, dy = (maxY - minY) * 0.15
        func clampInt(_ v: Double) -> Int { Int(min(max(v, 0), 1e7)) }
        let ratio = Blockiness.measure(decoded.image, grid: grid, x0: clampInt(minX + dx), y0: clampInt(minY + dy),
                                       x1: clampInt(maxX - dx), y1: clampInt(maxY - dy))
        if let ratio { metrics.blockiness = IDScanMetrics.rounded(ratio) }
        if let q = jpegQuality, q < policy.minJPEGQuality {
            return IDScanProblem(code: .compressionArtifacts, measured: q, threshold: policy.minJPEGQuality)
        }
        if let ratio, ratio > policy.maxBlockiness {
            return IDScanProblem(code: .compressionArtifacts, measured: ratio, threshold: policy.maxBlockiness)
        }
        return nil
    }

    /// When no card is found, exposure of the whole picture often says why.
    private func wholeImageExposure(_ image: GrayImage) -> [IDScanProblem] {
        let hist = image.pixels.withUnsafeBufferPointer { Histogram($0) }
        let mean = hist.mean
        if mean < policy.minMeanLuma { return [IDScanProblem(code: .tooDark, measured: mean, threshold: policy.minMeanLuma)] }
        let clipped = Double(hist.bins[250...].reduce(0, +)) / Double(max(hist.count, 1))
        if mean > policy.maxMeanLuma, clipped > 0.3 {
            return [IDScanProblem(code: .overexposed, measured: mean, threshold: policy.maxMeanLuma)]
        }
        let spread = Double(hist.percentile(0.95) - hist.percentile(0.05))
        if spread < policy.minContrast {
            return [IDScanProblem(code: .lowContrast, measured: spread, threshold: policy.minContrast)]
        }
        return []
    }
}
