import Foundation

/// A problem code, stable across releases: the onboarding service acts on these.
public enum IDScanProblemCode: String, Codable, Sendable, CaseIterable, Comparable {
    /// Not a JPEG, PNG, PDF or HEIC file, or a variant not handled (a password-protected PDF).
    case unsupportedFormat = "unsupported-format"
    /// The file is damaged or cut off (truncated JPEG, bad PNG CRC, PDF without its end).
    case corrupt
    /// Over the policy's file-size limit, refused before decoding.
    case fileTooLarge = "file-too-large"
    /// Over the policy's pixel limit (read from the header, before decoding).
    case imageTooLarge = "image-too-large"
    /// The card is drawn with too few pixels across to be read.
    case lowResolution = "low-resolution"
    /// The card is out of focus or moved (low sharpness on the card).
    case blurry
    /// The card is underexposed.
    case tooDark = "too-dark"
    /// The card is washed out (too bright).
    case overexposed
    /// The card's tones are too flat to read (fog, a faded copy).
    case lowContrast = "low-contrast"
    /// A reflection clips part of the card to white.
    case glare
    /// No ID-1 card could be located in the image.
    case cardNotFound = "card-not-found"
    /// The card runs off the edge of the image.
    case cropped
    /// Heavy JPEG compression: 8 × 8 block edges dominate the picture (detail destroyed).
    case compressionArtifacts = "compression-artifacts"
    // The document check (CedulaCheck, `check-id --run`): what the back of the card says.
    /// The cédula's expiry date is before the reference date.
    case expired
    /// The cédula belongs to someone other than the expected RUN.
    case runMismatch = "run-mismatch"
    /// A RUN was expected but neither a QR code nor an MRZ could be read in any image.
    case documentUnreadable = "document-unreadable"
    /// Check digits fail, or the QR code and the MRZ (or two images) disagree.
    case inconsistentDocument = "inconsistent-document"

    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// One reason to reject the image, with text a person can act on.
public struct IDScanProblem: Codable, Sendable, Equatable {
    /// The stable machine code.
    public var code: IDScanProblemCode
    /// What to do, in Spanish (shown to the user).
    public var messageES: String
    /// What to do, in English.
    public var messageEN: String
    /// The measured value that failed the check, when the check is numeric.
    public var measured: Double?
    /// The policy threshold it was compared with.
    public var threshold: Double?

    /// A problem with its ES/EN messages (from ``IDScanMessages``) and, when it comes from a
    /// measurement, the measured value and the policy threshold it crossed.
    public init(code: IDScanProblemCode, measured: Double? = nil, threshold: Double? = nil) {
        self.code = code
        let text = IDScanMessages.text(for: code)
        self.messageES = text.es
        self.messageEN = text.en
        self.measured = measured.map(IDScanMetrics.rounded)
        self.threshold = threshold.map(IDScanMetrics.rounded)
    }

    enum CodingKeys: String, CodingKey {
        case code, measured, threshold
        case messageES = "message_es"
        case messageEN = "message_en"
    }
}

/// A point in pixel coordinates of the upright (EXIF-oriented), full-resolution image.
public struct IDScanPoint: Codable, Sendable, Equatable {
    /// Pixels from the left edge of the image as uploaded (after EXIF orientation).
    public var x: Double
    /// Pixels from the top edge.
    public var y: Double
    /// A point in image pixels.
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// Pixel dimensions.
public struct IDScanSize: Codable, Sendable, Equatable {
    /// Pixels across.
    public var width: Int
    /// Pixels down.
    public var height: Int
    /// A size in pixels.
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// The measurements behind the verdict (absent ones were not reached).
public struct IDScanMetrics: Codable, Sendable, Equatable {
    /// Size of the input in bytes.
    public var fileBytes: Int
    /// Width of the decoded working image (after DCT scaling), pixels.
    public var decodedWidth: Int?
    /// Height of the decoded working image, pixels.
    public var decodedHeight: Int?
    /// JPEG DCT scale denominator used for the working image (1 for PNG).
    public var scaleDenominator: Int?
    /// EXIF orientation tag honoured (1 = none).
    public var exifOrientation: Int?
    /// Card width (long side) in original pixels.
    public var cardWidth: Double?
    /// Card height (short side) in original pixels.
    public var cardHeight: Double?
    /// Long side / short side of the detected quadrilateral (ID-1: 1.586).
    public var cardAspect: Double?
    /// Card area / image area.
    public var cardAreaFraction: Double?
    /// Angle of the card's long side to the horizontal, degrees.
    public var tiltDegrees: Double?
    /// Directional variance of the Laplacian (2 × min of the x and y second-difference variances)
    /// on the contrast-normalised card resampled to 400 × 252 px.
    public var sharpness: Double?
    /// Tenengrad (mean squared Sobel magnitude / 1000) on the same normalised card.
    public var tenengrad: Double?
    /// Mean luminance of the card (0–255).
    public var meanLuma: Double?
    /// 5th percentile luminance of the card.
    public var p5Luma: Double?
    /// 95th percentile luminance of the card.
    public var p95Luma: Double?
    /// p95 − p5 of the card luminance.
    public var contrast: Double?
    /// Fraction of the card covered by clipped (specular) blobs.
    public var glareFraction: Double?
    /// Fraction of the card at or above the clipping level (`glare_luma`), in blobs or not.
    public var clippedFraction: Double?
    /// Blocking on the card: percent of pixel pairs at the strongest position of the 8 × 8 grid
    /// showing an isolated step (≥ 5 levels between flat neighbours) beyond the rate elsewhere
    /// (≈ 0 without blocking).
    public var blockiness: Double?
    /// Quality the JPEG was saved at, estimated from its luminance quantisation table (1–100).
    public var jpegQuality: Double?

    /// Metrics of a file of `fileBytes` bytes; the rest is filled in as the check measures.
    public init(fileBytes: Int) { self.fileBytes = fileBytes }

    static func rounded(_ v: Double) -> Double { (v * 10000).rounded() / 10000 }

    enum CodingKeys: String, CodingKey {
        case fileBytes = "file_bytes", decodedWidth = "decoded_width", decodedHeight = "decoded_height"
        case scaleDenominator = "scale_denominator", exifOrientation = "exif_orientation"
        case cardWidth = "card_width_px", cardHeight = "card_height_px", cardAspect = "card_aspect"
        case cardAreaFraction = "card_area_fraction", tiltDegrees = "tilt_degrees"
        case sharpness, tenengrad, meanLuma = "mean_luma", p5Luma = "p5_luma", p95Luma = "p95_luma"
        case contrast, glareFraction = "glare_fraction", clippedFraction = "clipped_fraction", blockiness
        case jpegQuality = "jpeg_quality"
    }
}

/// The outcome of checking one image.
public struct IDScanReport: Codable, Sendable, Equatable {
    /// The decision on an upload.
    public enum Verdict: String, Codable, Sendable {
        /// Legible (and, for a document check, vigente and the expected person's).
        case accept
        /// At least one problem: ask for another upload.
        case reject
    }

    /// `accept` when `problems` is empty.
    public var verdict: Verdict
    /// Every reason to reject, most fundamental first.
    public var problems: [IDScanProblem]
    /// The measurements taken.
    public var metrics: IDScanMetrics
    /// The card's corners (top-left, top-right, bottom-right, bottom-left of the card as read),
    /// in pixels of the upright full-resolution image; nil when no card was found.
    public var corners: [IDScanPoint]?
    /// The upright image size in pixels (from the header), when known.
    public var imageSize: IDScanSize?
    /// The sniffed format: `jpeg`, `png`, or what was recognised and refused (`gif`, `pdf`, …).
    public var format: String
    /// Wall time of the check, milliseconds.
    public var elapsedMilliseconds: Double

    /// The problem codes, in report order.
    public var codes: [IDScanProblemCode] { problems.map(\.code) }

    enum CodingKeys: String, CodingKey {
        case verdict, problems, metrics, corners, format
        case imageSize = "image_size"
        case elapsedMilliseconds = "elapsed_ms"
    }
}

/// The user-facing texts for each problem code.
public enum IDScanMessages {
    /// Spanish and English text telling the user what to fix.
    public static func text(for code: IDScanProblemCode) -> (es: String, en: String) {
        switch code {
        case .unsupportedFormat:
            return ("El archivo no es una foto JPEG, PNG o HEIC ni un PDF: suba una foto o escaneo de la cédula en JPEG, PNG o PDF.",
                    "The file is not a JPEG, PNG or HEIC image nor a PDF: upload a photo or scan of the ID card as JPEG, PNG or PDF.")
        case .corrupt:
            return ("El archivo está dañado o incompleto: vuelva a tomar la foto o a exportarla y súbala de nuevo.",
                    "The file is damaged or incomplete: take or export the picture again and re-upload it.")
        case .fileTooLarge:
            return ("El archivo es demasiado pesado: envíe una foto de menos de 10 MB (reduzca la calidad o el tamaño).",
                    "The file is too large: send a picture under 10 MB (lower the quality or size).")
        case .imageTooLarge:
            return ("La imagen tiene demasiados píxeles: redúzcala a menos de 40 megapíxeles y súbala de nuevo.",
                    "The image has too many pixels: scale it below 40 megapixels and upload it again.")
        case .lowResolution:
            return ("La cédula se ve muy pequeña: acerque la cámara para que la cédula ocupe la mayor parte de la foto, o escanee a 300 ppp.",
                    "The card is too small in the picture: move closer so the card fills most of the frame, or scan at 300 DPI.")
        case .blurry:
            return ("La foto está borrosa: apoye el teléfono, enfoque la cédula y vuelva a intentar.",
                    "The picture is blurry: steady the phone, focus on the card and try again.")
        case .tooDark:
            return ("La foto está muy oscura: tómela con más luz, cerca de una ventana o con la luz encendida.",
                    "The picture is too dark: take it with more light, near a window or with the lights on.")
        case .overexposed:
            return ("La foto está sobreexpuesta (demasiado clara): evite la luz directa y el flash, y vuelva a intentar.",
                    "The picture is overexposed (too bright): avoid direct light and flash, and try again.")
        case .lowContrast:
            return ("La foto tiene muy poco contraste: use luz pareja y un fondo oscuro y liso detrás de la cédula.",
                    "The picture has too little contrast: use even light and a plain dark background behind the card.")
        case .glare:
            return ("Hay reflejos de luz sobre la cédula: incline un poco la cédula o apague el flash para evitar el brillo.",
                    "There is glare on the card: tilt the card slightly or turn off the flash to avoid reflections.")
        case .cardNotFound:
            return ("No encontramos la cédula en la imagen: ponga la cédula completa sobre un fondo liso y vuelva a intentar.",
                    "We could not find the ID card in the image: place the whole card on a plain background and try again.")
        case .cropped:
            return ("La cédula está cortada: deje un margen alrededor para que se vean sus cuatro esquinas.",
                    "The card is cut off: leave a margin around it so all four corners are visible.")
        case .compressionArtifacts:
            return ("La imagen está demasiado comprimida (se ven bloques): envíe la foto original o guárdela con mayor calidad JPEG.",
                    "The image is too heavily compressed (blocky): send the original photo or save it with a higher JPEG quality.")
        case .expired:
            return ("La cédula está vencida: envíe una cédula de identidad vigente.",
                    "The ID card has expired: send a valid (unexpired) ID card.")
        case .runMismatch:
            return ("La cédula no corresponde al RUN del representante legal indicado en el formulario: envíe la cédula del representante legal o corrija el RUN.",
                    "The ID card does not belong to the legal representative's RUN given in the form: send the legal representative's card or correct the RUN.")
        case .documentUnreadable:
            return ("No pudimos leer el código QR ni la zona de lectura mecánica del reverso: envíe también el reverso de la cédula, completo y nítido.",
                    "We could not read the QR code or the machine-readable zone on the back: send the back of the ID card too, complete and sharp.")
        case .inconsistentDocument:
            return ("Los datos de la cédula no son consistentes (dígitos verificadores o código QR no coinciden): envíe una foto nítida de una cédula original.",
                    "The ID card's data is inconsistent (check digits or QR code do not match): send a sharp picture of an original ID card.")
        }
    }
}
