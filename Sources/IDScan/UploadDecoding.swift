import Foundation
import ImageCodec

/// The decoding stage of the check: from the uploaded bytes (JPEG, PNG, a PDF page, HEIC) to a
/// grayscale working image, or the problems that stop the check there. Every limit is applied
/// before the corresponding work: header dimensions before pixel memory, the PDF page count
/// before any page is loaded.
enum DecodingStage {
    case decoded(DecodedImage, header: ImageHeader)
    case rejected([IDScanProblem], size: IDScanSize?)
}

extension IDScanChecker {
    /// Most pages of an uploaded PDF (front and back of a card, with room for a blank or cover page).
    public static let maxPDFPages = 4

    /// Long side, in pixels, a PDF page is rendered at (at most; never above its source resolution):
    /// an A4 page at ≈ 170 dpi, where a card is ≈ 575 px wide.
    static let pdfRenderLongSide = 2000

    func pdfLimits(maxPixels: UInt64) -> PDFLimits {
        var limits = PDFLimits()
        limits.maxPages = Self.maxPDFPages
        limits.maxPixels = maxPixels
        limits.renderLongSide = Self.pdfRenderLongSide
        return limits
    }

    /// `document`: the PDF already opened from `bytes` (``checkPages(_:)`` opens it once for all pages).
    func decodeUpload(_ bytes: UnsafeRawBufferPointer, format: SniffedFormat, page: Int, document: PDFDocument? = nil,
                      maxPixels: UInt64) -> DecodingStage {
        func tooLarge(_ w: Int, _ h: Int, size: IDScanSize?) -> DecodingStage {
            let megapixels = Double(w) * Double(h) / 1_000_000
            return .rejected([IDScanProblem(code: .imageTooLarge, measured: megapixels, threshold: policy.maxMegapixels)], size: size)
        }
        func failed(_ error: CodecFailure, size: IDScanSize?) -> DecodingStage {
            switch error {
            case let .tooLarge(w, h): return tooLarge(w, h, size: size)
            case .corrupt: return .rejected([IDScanProblem(code: .corrupt)], size: size)
            case .encrypted: return .rejected([.passwordProtectedPDF], size: size)
            case let .tooManyPages(count, limit): return .rejected([.tooManyPages(count, limit: limit)], size: size)
            case .unsupported:
                if format == .heif, !HEIFDecoder.canDecodeHEVC { return .rejected([.heicWithoutDecoder], size: size) }
                return .rejected([IDScanProblem(code: .unsupportedFormat)], size: size)
            }
        }
        switch format {
        case .pdf:
            do {
                let opened: PDFDocument
                if let document { opened = document } else { opened = try PDFDocument(bytes) }
                let raster = try opened.renderGray(page: page, limits: pdfLimits(maxPixels: maxPixels))
                let size = IDScanSize(width: raster.sourceWidth, height: raster.sourceHeight)
                let image = GrayImage(width: raster.bitmap.width, height: raster.bitmap.height, pixels: raster.bitmap.pixels)
                return .decoded(DecodedImage(image: image, sourceSize: size, scaleDenominator: 1),
                                header: ImageHeader(width: size.width, height: size.height, orientation: 1))
            } catch {
                return failed(error, size: nil)
            }
        case .heif:
            let header: ImageHeader
            do { header = try HEIFDecoder.header(bytes) } catch { return failed(error, size: nil) }
            let size = header.uprightSize
            if UInt64(header.width) * UInt64(header.height) > maxPixels { return tooLarge(header.width, header.height, size: size) }
            do {
                let bitmap = try HEIFDecoder.decodeGray(bytes, maxPixels: maxPixels)
                let image = GrayImage(width: bitmap.width, height: bitmap.height, pixels: bitmap.pixels)
                let upright = IDScanSize(width: bitmap.width, height: bitmap.height)
                return .decoded(DecodedImage(image: image, sourceSize: upright, scaleDenominator: 1),
                                header: ImageHeader(width: bitmap.width, height: bitmap.height, orientation: 1))
            } catch {
                return failed(error, size: size)
            }
        default:
            // JPEG / PNG: header only first (dimensions and orientation), before any pixel memory exists.
            let header: ImageHeader
            do { header = format == .png ? try HeaderReader.png(bytes) : try HeaderReader.jpeg(bytes) } catch {
                return .rejected([IDScanProblem(code: .corrupt)], size: nil)
            }
            let size = header.uprightSize
            if UInt64(header.width) * UInt64(header.height) > maxPixels { return tooLarge(header.width, header.height, size: size) }
            do {
                let decoded = try ImageDecoder.decode(bytes, format: format, header: header, maxPixels: maxPixels,
                                                      minLongSide: Self.workingLongSide)
                return .decoded(decoded, header: header)
            } catch {
                if case .tooLarge = error { return tooLarge(header.width, header.height, size: size) }
                return failed(error, size: size)
            }
        }
    }

    /// Checks every page of a multi-page upload, one report per page in page order.
    ///
    /// A PDF of 1…``maxPDFPages`` pages gives one report per page (each page checked as if it were
    /// its own image: use it for a front and back scanned into one PDF). Anything else — a JPEG,
    /// PNG or HEIC image, or a PDF refused as a whole (too many pages, password-protected, damaged,
    /// too large a file) — gives exactly one report, the same as ``check(_:)``. Never throws and
    /// never returns an empty array.
    public func checkPages(_ data: Data) -> [IDScanReport] {
        data.withUnsafeBytes { bytes in
            guard bytes.count <= policy.maxFileBytes, SniffedFormat.sniff(bytes) == .pdf,
                  let document = try? PDFDocument(bytes),
                  document.pageCount > 1, document.pageCount <= Self.maxPDFPages
            else { return [timed { run(bytes) }] }
            return (0..<document.pageCount).map { page in timed { run(bytes, page: page, document: document) } }
        }
    }

    /// Runs `body` and records its wall time in the report.
    func timed(_ body: () -> IDScanReport) -> IDScanReport {
        let start = ContinuousClock.now
        var report = body()
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        report.elapsedMilliseconds = (ms * 1000).rounded() / 1000
        return report
    }
}

extension IDScanProblem {
    /// `unsupported-format` with its own text.
    private static func unsupported(es: String, en: String, measured: Double? = nil, threshold: Double? = nil) -> IDScanProblem {
        var problem = IDScanProblem(code: .unsupportedFormat, measured: measured, threshold: threshold)
        problem.messageES = es
        problem.messageEN = en
        return problem
    }

    /// A PDF that needs a password to open.
    static let passwordProtectedPDF = unsupported(
        es: "El PDF está protegido con contraseña: guárdelo sin contraseña, o suba una foto o escaneo de la cédula en JPEG o PNG.",
        en: "The PDF is password-protected: save it without a password, or upload a photo or scan of the ID card as JPEG or PNG.")

    /// A PDF with more pages than accepted (`measured` = its pages, `threshold` = the limit).
    static func tooManyPages(_ count: Int, limit: Int) -> IDScanProblem {
        unsupported(
            es: "El PDF tiene \(count) páginas: suba un PDF de a lo más \(limit) páginas con la cédula (anverso y reverso).",
            en: "The PDF has \(count) pages: upload a PDF of at most \(limit) pages with the ID card (front and back).",
            measured: Double(count), threshold: Double(limit))
    }

    /// A HEIC photo on a system without an HEVC decoder: how to get a JPEG from an iPhone.
    static let heicWithoutDecoder = unsupported(
        es: "No podemos leer fotos HEIC aquí: en el iPhone elija Ajustes → Cámara → Formatos → «Más compatible» y vuelva a tomar la foto, o compártala como JPEG, y súbala de nuevo.",
        en: "HEIC photos cannot be read here: on the iPhone choose Settings → Camera → Formats → “Most Compatible” and take the picture again, or share it as JPEG, and upload it again.")
}
