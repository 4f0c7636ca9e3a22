import DTECore
import Foundation

/// Why a CAF cannot be loaded or used to stamp a document.
public enum CAFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The CAF file cannot be read (missing, unreadable, too large); `reason` says why.
    case unreadable(file: String, reason: String)
    /// The file is not a CAF as the SII delivers it: `element` is missing or unusable.
    case malformed(file: String, element: String, reason: String)
    /// The file's private key (`RSASK`) does not belong to the CAF's public key (`RSAPK`).
    case keyMismatch(file: String)
    /// The CAF authorises another document type (`TD`) than the document's.
    case typeMismatch(file: String, cafType: Int, documentType: Int)
    /// The CAF belongs to another emisor (`RE`) than the document's.
    case emisorMismatch(file: String, cafRUT: String, documentRUT: String)
    /// The document's folio is outside the CAF's range (`RNG`, `desde`...`hasta`).
    case folioOutOfRange(file: String, folio: Int64, desde: Int64, hasta: Int64)
    /// A value the stamp needs is unusable (a `TSTED` not `AAAA-MM-DDTHH:MM:SS`, no first line for `IT1`).
    case invalidValue(element: String, value: String, rule: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot be read: \(reason)"
        case let .malformed(file, element, reason): return "\(file): <\(element)> \(reason)"
        case let .keyMismatch(file): return "\(file): the RSASK private key does not match the CAF's RSAPK public key"
        case let .typeMismatch(file, cafType, documentType):
            return "\(file): this CAF authorises type \(cafType) (TD), the document is type \(documentType)"
        case let .emisorMismatch(file, cafRUT, documentRUT):
            return "\(file): this CAF belongs to emisor \(cafRUT) (RE), the document's emisor is \(documentRUT)"
        case let .folioOutOfRange(file, folio, desde, hasta):
            return "\(file): folio \(folio) is outside the CAF's range \(desde)–\(hasta) (RNG)"
        case let .invalidValue(element, value, rule): return "\(element): '\(value)' \(rule)"
        }
    }
}

/// A Código de Autorización de Folios as the SII delivers it (`<AUTORIZACION>` with `<CAF>`,
/// `<RSASK>`, `<RSAPUBK>`), ISO-8859-1 bytes with no encoding declared.
///
/// The `<CAF>` element is kept byte for byte: the TED must carry it verbatim.
public struct CAF: Sendable {
    /// The parsed public part.
    public var data: CAFData
    /// The `<CAF version="1.0">…</CAF>` bytes exactly as in the file.
    public let verbatimBytes: [UInt8]
    /// The same element with the white space between tags removed, as it goes into the TED.
    public let flattenedBytes: [UInt8]
    /// The file name, for errors.
    public let source: String
    /// The whole file as read (to save a CAF made with ``makeTestCAF(type:emisor:folios:fechaAutorizacion:)``).
    public let fileBytes: [UInt8]
    /// The CAF's private key (RSASK), with which FRMT is signed.
    package let privateKey: RSAPrivateKey
    /// The file's `<DA>` (flattened, the bytes the SII's FRMA signs) and its CAF data as read,
    /// whatever later changes to ``data``: ``isAuthorizedBySII`` checks the file.
    let authorization: (daBytes: [UInt8], data: CAFData)

    /// Loads a CAF file.
    public static func load(contentsOf url: URL) throws -> CAF {
        let data: Data
        switch BoundedFile.read(url, limit: 1 << 20) {
        case .success(let d): data = d
        case .failure(let f): throw CAFError.unreadable(file: url.path, reason: f.reason)
        }
        return try CAF(bytes: [UInt8](data), source: url.lastPathComponent)
    }

    /// Parses CAF bytes (`source` names them in errors), with DTECore's CAF reader (the same
    /// safe parser and rules as for DTEs: size cap, no DOCTYPE, depth limit, Latin-1 without a
    /// declaration).
    public init(bytes: [UInt8], source: String) throws {
        self.source = source
        self.fileBytes = bytes
        func fail(_ element: String, _ reason: String) -> CAFError { .malformed(file: source, element: element, reason: reason) }
        let contents: CAFFileContents
        do {
            contents = try CAFFileContents.read(Data(bytes), source: source)
        } catch {
            switch error.reason {
            case .notADTE: throw fail("CAF", "not found: not a CAF file (AUTORIZACION)")
            case .missingElement(let path): throw fail(path, "is missing or empty")
            default: throw fail(error.element ?? "AUTORIZACION", error.reasonText)
            }
        }
        // The `<CAF>` element's own bytes (the TED carries them as the file has them), located
        // by DTECore's tokenizer (the one that finds a TED's bytes in a DTE).
        guard let range = SourceTED.elementRanges(named: "CAF", in: bytes)?.first,
              range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw fail("CAF", "not found: not a CAF file (AUTORIZACION)")
        }
        authorization = (contents.daBytes, contents.caf)
        let verbatim = Array(bytes[range])
        verbatimBytes = verbatim
        flattenedBytes = CAF.flatten(verbatim)
        let cafData = contents.caf
        guard !cafData.razonSocial.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw fail("CAF/DA/RS", "is missing or empty")
        }
        guard cafData.folioDesde > 0, cafData.folioDesde <= cafData.folioHasta else {
            throw fail("CAF/DA/RNG", "range \(cafData.folioDesde)–\(cafData.folioHasta) is empty")
        }
        data = cafData
        guard let pem = contents.privateKeyPEM?.trimmingCharacters(in: .whitespacesAndNewlines), !pem.isEmpty else {
            throw fail("RSASK", "is missing or empty")
        }
        let key: RSAPrivateKey
        do { key = try RSAPrivateKey(pem: pem) } catch { throw fail("RSASK", error.description) }
        guard CAF.stripZeros(key.modulus) == CAF.stripZeros(cafData.modulus),
              CAF.stripZeros(key.exponent) == CAF.stripZeros(cafData.exponent) else {
            throw CAFError.keyMismatch(file: source)
        }
        privateKey = key
    }

    /// RSA-SHA1 with the CAF's private key (RSASK).
    func sign(_ message: [UInt8]) throws -> [UInt8] { try privateKey.signSHA1(message) }

    /// The CAF's public key (RSAPK).
    package var publicKey: RSAPublicKey { get throws { try RSAPublicKey(modulus: data.modulus, exponent: data.exponent) } }

    /// Whether `signature` verifies over `message` with the CAF's public key.
    public func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        (try? publicKey.verifySHA1(signature: signature, message: message)) ?? false
    }

    // MARK: - bytes

    /// Removes white-space-only runs between a `>` and the next `<` (no mixed content in a CAF).
    static func flatten(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            out.append(c)
            i += 1
            if c == UInt8(ascii: ">") {
                var j = i
                while j < b.count, b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x0D || b[j] == 0x09 { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "<") { i = j }
            }
        }
        return out
    }

    static func stripZeros(_ b: [UInt8]) -> ArraySlice<UInt8> { b.drop { $0 == 0 } }
}
