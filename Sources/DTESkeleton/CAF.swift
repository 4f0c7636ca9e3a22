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

    /// Loads a CAF file.
    public static func load(contentsOf url: URL) throws -> CAF {
        let data: Data
        switch BoundedFile.read(url, limit: 1 << 20) {
        case .success(let d): data = d
        case .failure(let f): throw CAFError.unreadable(file: url.path, reason: f.reason)
        }
        return try CAF(bytes: [UInt8](data), source: url.lastPathComponent)
    }

    /// Parses CAF bytes (`source` names them in errors).
    public init(bytes: [UInt8], source: String) throws {
        self.source = source
        self.fileBytes = bytes
        func fail(_ element: String, _ reason: String) -> CAFError { .malformed(file: source, element: element, reason: reason) }
        guard let start = CAF.find(Array("<CAF".utf8), in: bytes, from: 0, followedByNameEnd: true),
              let endStart = CAF.findLast(Array("</CAF>".utf8), in: bytes), endStart > start else {
            throw fail("CAF", "not found: not a CAF file (AUTORIZACION)")
        }
        let verbatim = Array(bytes[start..<(endStart + 6)])
        verbatimBytes = verbatim
        flattenedBytes = CAF.flatten(verbatim)
        // Declared encoding (if any) wins; CAFs as issued have none and are Latin-1.
        let declared = bytes.prefix(100).starts(with: Array("<?xml".utf8)) &&
            String(decoding: bytes.prefix(100), as: UTF8.self).contains("encoding=")
        let doc: LibXMLDocument
        do { doc = try LibXMLDocument(bytes: bytes, source: source, encoding: declared ? nil : "ISO-8859-1") } catch {
            throw fail("AUTORIZACION", "is not well-formed XML: \(error.description)")
        }
        func text(_ path: [String]) throws(CAFError) -> String {
            guard let t = doc.text(at: path)?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else {
                throw fail(path.joined(separator: "/"), "is missing or empty")
            }
            return t
        }
        func int(_ path: [String]) throws(CAFError) -> Int64 {
            let t = try text(path)
            guard let v = Int64(t) else { throw fail(path.joined(separator: "/"), "'\(t)' is not a number") }
            return v
        }
        func b64(_ path: [String]) throws(CAFError) -> [UInt8] {
            let t = try text(path)
            guard let d = Data(base64Encoded: t, options: .ignoreUnknownCharacters) else {
                throw fail(path.joined(separator: "/"), "is not base64")
            }
            return [UInt8](d)
        }
        let re = try text(["CAF", "DA", "RE"])
        let rut: RUT
        do { rut = try RUT(re) } catch { throw fail("CAF/DA/RE", "'\(re)' is not a valid RUT") }
        let td = try int(["CAF", "DA", "TD"])
        let desde = try int(["CAF", "DA", "RNG", "D"]), hasta = try int(["CAF", "DA", "RNG", "H"])
        guard desde > 0, desde <= hasta else { throw fail("CAF/DA/RNG", "range \(desde)–\(hasta) is empty") }
        let cafData = CAFData(
            rutEmisor: rut, razonSocial: try text(["CAF", "DA", "RS"]), tipoDTE: Int(td), folioDesde: desde, folioHasta: hasta,
            fechaAutorizacion: try text(["CAF", "DA", "FA"]), modulus: try b64(["CAF", "DA", "RSAPK", "M"]),
            exponent: try b64(["CAF", "DA", "RSAPK", "E"]), idk: Int(try int(["CAF", "DA", "IDK"])),
            signature: try b64(["CAF", "FRMA"]))
        data = cafData
        let pem = try text(["RSASK"])
        let key: RSAPrivateKey
        do { key = try RSAPrivateKey(pem: pem) } catch { throw fail("RSASK", error.description) }
        let pub = key.publicKey
        guard CAF.stripZeros(pub.modulus) == CAF.stripZeros(cafData.modulus),
              CAF.stripZeros(pub.exponent) == CAF.stripZeros(cafData.exponent) else {
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

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int, followedByNameEnd: Bool) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i..<(i + needle.count)].elementsEqual(needle) {
                let next = i + needle.count < hay.count ? hay[i + needle.count] : 0
                if !followedByNameEnd || next == UInt8(ascii: " ") || next == UInt8(ascii: ">") || next == 0x0A || next == 0x09 { return i }
            }
            i += 1
        }
        return nil
    }

    static func findLast(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = hay.count - needle.count
        while i >= 0 {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    static func stripZeros(_ b: [UInt8]) -> ArraySlice<UInt8> { b.drop { $0 == 0 } }
}
