import DTECore
import Foundation

/// Every threshold of the check. The defaults follow the document-capture industry's practice
/// (see docs/idscan.md) and were calibrated on the project's synthetic data set. Any subset can
/// be given in a JSON policy file (snake_case keys); missing keys keep their default.
public struct IDScanPolicy: Codable, Sendable, Equatable {
    /// Largest accepted file, bytes (default 32 MiB) → `file-too-large`. Memory is bounded by
    /// `maxMegapixels`, read from the header before decoding; this cap only bounds the bytes read.
    /// It sits above a 12 MP PNG (a phone editor's or screenshot export, 15–25 MB), which is a
    /// legible upload, not a too-large one. A service may cap its uploads lower (the HTTP
    /// service's contract is 10 MiB per image).
    public var maxFileBytes: Int = 32 * 1024 * 1024
    /// Largest accepted image, megapixels, read from the header before decoding (default 40) → `image-too-large`.
    public var maxMegapixels: Double = 40
    /// Narrowest accepted card (long side) in original pixels (default 600 ≈ 180 DPI) → `low-resolution`.
    public var minCardWidth: Double = 600
    /// Lowest accepted sharpness (default 80) → `blurry`: on the card resampled to 400 × 252 px
    /// and contrast-normalised (p1…p99 → 0…255), twice the smaller of the variances of the
    /// horizontal and vertical second differences (a directional variance of the Laplacian, so
    /// one-directional motion blur counts). Sharp cards measure ≈ 300–500, a Gaussian blur of
    /// σ ≈ 2 px at that size below 40.
    public var minSharpness: Double = 80
    /// Lowest accepted mean card luminance, 0–255 (default 70) → `too-dark`.
    public var minMeanLuma: Double = 70
    /// Highest accepted mean card luminance, 0–255 (default 215) → `overexposed`.
    public var maxMeanLuma: Double = 215
    /// Largest accepted fraction of the card at or above `glareLuma` while its print is washed out
    /// (default 0.12) → `overexposed`: an exposure pushed up burns out the card's light areas
    /// and lifts its black print to grey together, whatever the mean. A near-white card under a
    /// bright lamp clips too, but keeps its black print (see `minWashedP5Luma`).
    public var maxBurntFraction: Double = 0.12
    /// The 5th-percentile luminance from which the card's print counts as washed out (default 80:
    /// black print on a good card measures 0–50, under an overexposure ×1.45 or more ≥ 84).
    public var minWashedP5Luma: Double = 80
    /// Lowest accepted card contrast, p95 − p5 of luminance (default 78: between the flattest
    /// accepted card of the tuned-on data, 85, and the most contrasted washed-out one, 72) →
    /// `low-contrast`.
    public var minContrast: Double = 78
    /// Largest accepted fraction of the card covered by clipped specular blobs (default 0.01 = 1%) → `glare`.
    public var maxGlareFraction: Double = 0.01
    /// Luminance at or above which a pixel counts as clipped for glare (default 250).
    public var glareLuma: Double = 250
    /// Largest accepted blocking on the card (default 7) → `compression-artifacts`: percent of the
    /// pixel pairs at the strongest position of the 8 × 8 JPEG grid that show an isolated step
    /// (≥ 5 grey levels between flat neighbours) beyond the rate at the other positions, measured on
    /// the decoded image before any resampling. Catches a blocky picture whatever its file says
    /// (a heavily compressed photo saved again at a high quality).
    public var maxBlockiness: Double = 7
    /// Lowest accepted JPEG quality (default 20) → `compression-artifacts`: estimated from the
    /// file's luminance quantisation table; below ≈ 20 nearly every block is quantised to its mean
    /// and fine print is gone, although block edges keep the picture looking sharp.
    public var minJPEGQuality: Double = 20
    /// Accepted range of the card quadrilateral's aspect ratio (ID-1 is 1.586; perspective widens it).
    public var minCardAspect: Double = 1.35
    /// The widest accepted width / height of a located card (ID-1 is 1.586).
    public var maxCardAspect: Double = 1.80
    /// Smallest card area as a fraction of the image for the card to be found at all (default 0.02).
    public var minCardAreaFraction: Double = 0.02

    /// The default thresholds (``default``).
    public init() {}

    /// The default policy.
    public static let `default` = IDScanPolicy()

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxFileBytes = "max_file_bytes", maxMegapixels = "max_megapixels", minCardWidth = "min_card_width"
        case minSharpness = "min_sharpness", minMeanLuma = "min_mean_luma", maxMeanLuma = "max_mean_luma"
        case minContrast = "min_contrast", maxGlareFraction = "max_glare_fraction", glareLuma = "glare_luma"
        case minCardAspect = "min_card_aspect", maxCardAspect = "max_card_aspect"
        case minCardAreaFraction = "min_card_area_fraction"
        case maxBlockiness = "max_blockiness", minJPEGQuality = "min_jpeg_quality"
        case maxBurntFraction = "max_burnt_fraction", minWashedP5Luma = "min_washed_p5_luma"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var p = IDScanPolicy()
        p.maxFileBytes = try c.decodeIfPresent(Int.self, forKey: .maxFileBytes) ?? p.maxFileBytes
        p.maxMegapixels = try c.decodeIfPresent(Double.self, forKey: .maxMegapixels) ?? p.maxMegapixels
        p.minCardWidth = try c.decodeIfPresent(Double.self, forKey: .minCardWidth) ?? p.minCardWidth
        p.minSharpness = try c.decodeIfPresent(Double.self, forKey: .minSharpness) ?? p.minSharpness
        p.minMeanLuma = try c.decodeIfPresent(Double.self, forKey: .minMeanLuma) ?? p.minMeanLuma
        p.maxMeanLuma = try c.decodeIfPresent(Double.self, forKey: .maxMeanLuma) ?? p.maxMeanLuma
        p.minContrast = try c.decodeIfPresent(Double.self, forKey: .minContrast) ?? p.minContrast
        p.maxGlareFraction = try c.decodeIfPresent(Double.self, forKey: .maxGlareFraction) ?? p.maxGlareFraction
        p.glareLuma = try c.decodeIfPresent(Double.self, forKey: .glareLuma) ?? p.glareLuma
        p.minCardAspect = try c.decodeIfPresent(Double.self, forKey: .minCardAspect) ?? p.minCardAspect
        p.maxCardAspect = try c.decodeIfPresent(Double.self, forKey: .maxCardAspect) ?? p.maxCardAspect
        p.minCardAreaFraction = try c.decodeIfPresent(Double.self, forKey: .minCardAreaFraction) ?? p.minCardAreaFraction
        p.maxBlockiness = try c.decodeIfPresent(Double.self, forKey: .maxBlockiness) ?? p.maxBlockiness
        p.minJPEGQuality = try c.decodeIfPresent(Double.self, forKey: .minJPEGQuality) ?? p.minJPEGQuality
        p.maxBurntFraction = try c.decodeIfPresent(Double.self, forKey: .maxBurntFraction) ?? p.maxBurntFraction
        p.minWashedP5Luma = try c.decodeIfPresent(Double.self, forKey: .minWashedP5Luma) ?? p.minWashedP5Luma
        self = p
    }

    /// Errors reading a policy file.
    public enum LoadError: Error, CustomStringConvertible {
        /// The file could not be read (the reason says why).
        case unreadable(path: String, reason: String)
        /// Not a JSON policy, or a value of the wrong type.
        case invalid(path: String, reason: String)
        /// Keys that are not thresholds: a typo must not silently keep a default.
        case unknownKeys(path: String, keys: [String])
        public var description: String {
            switch self {
            case let .unreadable(path, reason): return "no se pudo leer la política \(path): \(reason)"
            case let .invalid(path, reason): return "política inválida en \(path): \(reason)"
            case let .unknownKeys(path, keys): return "política \(path): claves desconocidas \(keys.joined(separator: ", "))"
            }
        }
    }

    /// Reads a JSON policy file; unknown keys are an error (a typo must not silently keep a default).
    public static func load(contentsOf url: URL) throws -> IDScanPolicy {
        let data: Data
        switch BoundedFile.read(url, limit: 1 << 20) {
        case .success(let d): data = d
        case .failure(let f): throw LoadError.unreadable(path: url.path, reason: f.reason)
        }
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            let known = Set(CodingKeys.allCases.map(\.rawValue))
            let unknown = object.keys.filter { !known.contains($0) }.sorted()
            if !unknown.isEmpty { throw LoadError.unknownKeys(path: url.path, keys: unknown) }
        }
        do { return try JSONDecoder().decode(IDScanPolicy.self, from: data) } catch {
            throw LoadError.invalid(path: url.path, reason: String(describing: error))
        }
    }
}
