import DTECore
import Foundation

/// A calendar date without time zone (the dates printed on a cédula), encoded `YYYY-MM-DD`.
public struct CedulaDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Four-digit year (1900–2199).
    public let year: Int
    /// Month 1–12.
    public let month: Int
    /// Day of the month.
    public let day: Int

    /// A valid Gregorian date, or nil (month 1–12, day within the month, year 1900–2199).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2199).contains(year), (1...12).contains(month), day >= 1,
              day <= CedulaDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = CedulaDate.digits(b[0..<4]), let m = CedulaDate.digits(b[5..<7]), let d = CedulaDate.digits(b[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today in a time zone (the onboarding's reference: America/Santiago).
    public static func today(in timeZone: TimeZone? = TimeZone(identifier: "America/Santiago")) -> CedulaDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone ?? TimeZone(secondsFromGMT: -3 * 3600) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CedulaDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? CedulaDate(valid: 2000, 1, 1)
    }

    private init(valid year: Int, _ month: Int, _ day: Int) { self.year = year; self.month = month; self.day = day }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : n
    }

    /// `2024-10-02`.
    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CedulaDate, b: CedulaDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = CedulaDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// What the back of a cédula says about its holder and validity, read from its QR code, its
/// machine-readable zone (MRZ), or both. Every check digit has been verified.
public struct CedulaDocument: Codable, Sendable, Equatable {
    /// The document kind, as the Registro Civil's status URL names it.
    public enum Kind: String, Codable, Sendable {
        /// Cédula of a Chilean citizen.
        case cedula = "CEDULA"
        /// Cédula for foreigners (cédula de extranjería).
        case cedulaExtranjero = "CEDULA_EXT"
    }

    /// Where the data came from.
    public enum Source: String, Codable, Sendable {
        /// Read from the QR code on the back (the Registro Civil status URL).
        case qr
        /// Read from the TD1 machine-readable zone on the back.
        case mrz
        /// Both read and in agreement.
        case qrAndMRZ = "qr+mrz"
    }

    /// The holder's RUN.
    public var run: RUT
    /// The document (serial) number: 9 characters, digits (older cards) or digits and letters.
    public var documentNumber: String
    /// Date of birth (century chosen so that it is not after the reference date).
    public var birthDate: CedulaDate
    /// Last day the card is valid (20YY).
    public var expiryDate: CedulaDate
    /// Citizen's cédula or cédula de extranjería.
    public var type: Kind
    /// Which part of the card the data was read from.
    public var source: Source
    /// The Registro Civil's document-status URL from the QR code (never fetched); nil when only
    /// the MRZ was read.
    public var statusURL: String?

    /// A document as read; the parsers (``CedulaParser``) build it after every check digit held.
    public init(run: RUT, documentNumber: String, birthDate: CedulaDate, expiryDate: CedulaDate,
                type: Kind, source: Source, statusURL: String?) {
        self.run = run; self.documentNumber = documentNumber; self.birthDate = birthDate
        self.expiryDate = expiryDate; self.type = type; self.source = source; self.statusURL = statusURL
    }

    enum CodingKeys: String, CodingKey {
        case run, type, source
        case documentNumber = "document_number", birthDate = "birth_date", expiryDate = "expiry_date"
        case statusURL = "status_url"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(run.canonical, forKey: .run)
        try c.encode(documentNumber, forKey: .documentNumber)
        try c.encode(birthDate, forKey: .birthDate)
        try c.encode(expiryDate, forKey: .expiryDate)
        try c.encode(type, forKey: .type)
        try c.encode(source, forKey: .source)
        try c.encode(statusURL, forKey: .statusURL)   // explicit null when absent
    }

    /// Whether two readings describe the same card (source and URL aside).
    func agrees(with other: CedulaDocument) -> Bool {
        run == other.run && documentNumber == other.documentNumber && birthDate == other.birthDate
            && expiryDate == other.expiryDate && type == other.type
    }
}

/// Why a QR payload or an MRZ is not a consistent cédula reading. Carries no personal data (these
/// may end up in logs).
public enum CedulaReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Longer than any genuine payload.
    case tooLong(Int)
    /// Characters outside the expected alphabet (or not UTF-8).
    case badCharacters
    /// Not `https://` on one of the Registro Civil's two hosts with its path.
    case foreignURL
    /// Missing, repeated, unknown or malformed parameter.
    case badParameter(String)
    /// The RUN's modulo-11 check digit is wrong.
    case badRUN
    /// An ICAO 9303 check digit is wrong (`field`: document, birth, expiry, composite).
    case checkDigit(field: String)
    /// A date is not a calendar date.
    case badDate(field: String)
    /// The serial parameter and the MRZ's document number differ.
    case serialMismatch
    /// Wrong line count or lengths, or fixed fields (`ID`, `CHL`, sex) not as TD1 defines them.
    case badMRZLayout(String)
    /// Two readings (QR and MRZ, or two images) describe different cards.
    case readingsDisagree

    public var description: String {
        switch self {
        case let .tooLong(n): return "payload of \(n) bytes is too long"
        case .badCharacters: return "unexpected characters"
        case .foreignURL: return "not a Registro Civil document-status URL"
        case let .badParameter(p): return "bad or missing parameter \(p)"
        case .badRUN: return "RUN check digit is wrong"
        case let .checkDigit(field): return "check digit of \(field) is wrong"
        case let .badDate(field): return "\(field) is not a valid date"
        case .serialMismatch: return "serial and MRZ document number differ"
        case let .badMRZLayout(why): return "MRZ layout: \(why)"
        case .readingsDisagree: return "QR code and MRZ (or two images) disagree"
        }
    }
}

/// Strict parsers for what the back of a cédula carries. Pure functions, safe on any input.
public enum CedulaParser {
    /// The two status-URL forms: 2013 cards and 2024 cards.
    static let endpoints: [(host: String, path: String)] = [
        ("portal.sidiv.registrocivil.cl", "/docstatus"),
        ("portal.nuevosidiv.registrocivil.cl", "/document-validity"),
    ]
    /// Longest accepted QR payload (genuine ones are ≈ 120–135 bytes).
    static let maxURLLength = 256

    /// The ICAO 9303 check digit (weights 7-3-1; `0`–`9`, `A`=10…`Z`=35, `<`=0) of ASCII bytes, or
    /// nil when a byte is outside that alphabet.
    public static func icaoCheckDigit<S: Sequence>(_ bytes: S) -> Int? where S.Element == UInt8 {
        let weights = [7, 3, 1]
        var sum = 0
        for (i, b) in bytes.enumerated() {
            let v: Int
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = Int(b - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = Int(b - UInt8(ascii: "A")) + 10
            case UInt8(ascii: "<"): v = 0
            default: return nil
            }
            sum += v * weights[i % 3]
        }
        return sum % 10
    }

    /// The ICAO check digit of a string (nil for characters outside `0-9A-Z<`).
    public static func icaoCheckDigit(_ text: String) -> Int? { icaoCheckDigit(Array(text.utf8)) }

    /// The 24-character MRZ summary of the QR: document number (9) + cd, birth YYMMDD + cd,
    /// expiry YYMMDD + cd.
    struct MRZSummary: Equatable {
        var documentNumber: String
        var birth: CedulaDate
        var expiry: CedulaDate
    }

    static func isMRZChar(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "<")
    }

    static func checkField(_ field: ArraySlice<UInt8>, digit: UInt8, name: String) throws(CedulaReadError) {
        guard let expected = icaoCheckDigit(field), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9"),
              Int(digit - UInt8(ascii: "0")) == expected else { throw .checkDigit(field: name) }
    }

    /// Birth: the century that keeps the date not after `reference`. Expiry: 20YY.
    static func date(_ yymmdd: ArraySlice<UInt8>, birth: Bool, reference: CedulaDate, name: String) throws(CedulaReadError) -> CedulaDate {
        guard yymmdd.count == 6, let yy = CedulaDate.digits(yymmdd.prefix(2)),
              let mm = CedulaDate.digits(yymmdd.dropFirst(2).prefix(2)), let dd = CedulaDate.digits(yymmdd.suffix(2))
        else { throw .badDate(field: name) }
        if birth {
            if let d = CedulaDate(year: 2000 + yy, month: mm, day: dd), d <= reference { return d }
            guard let d = CedulaDate(year: 1900 + yy, month: mm, day: dd) else { throw .badDate(field: name) }
            return d
        }
        guard let d = CedulaDate(year: 2000 + yy, month: mm, day: dd) else { throw .badDate(field: name) }
        return d
    }

    static func documentNumber(_ field: ArraySlice<UInt8>) throws(CedulaReadError) -> String {
        // 9 characters, digits or letters; `<` only as trailing filler is not used on cédulas.
        guard field.count == 9, field.allSatisfy({ isMRZChar($0) && $0 != UInt8(ascii: "<") }) else {
            throw .badMRZLayout("document number")
        }
        return String(decoding: field, as: UTF8.self)
    }

    static func summary(_ mrz: [UInt8], reference: CedulaDate) throws(CedulaReadError) -> MRZSummary {
        guard mrz.count == 24, mrz.allSatisfy(isMRZChar) else { throw .badParameter("mrz") }
        try checkField(mrz[0..<9], digit: mrz[9], name: "document")
        try checkField(mrz[10..<16], digit: mrz[16], name: "birth")
        try checkField(mrz[17..<23], digit: mrz[23], name: "expiry")
        return MRZSummary(documentNumber: try documentNumber(mrz[0..<9]),
                          birth: try date(mrz[10..<16], birth: true, reference: reference, name: "birth"),
                          expiry: try date(mrz[17..<23], birth: false, reference: reference, name: "expiry"))
    }

    /// A RUN written `12345678-5` (no dots; `K` upper case), validated modulo 11.
    static func run(_ text: ArraySlice<UInt8>) throws(CedulaReadError) -> RUT {
        guard let dash = text.lastIndex(of: UInt8(ascii: "-")), dash > text.startIndex,
              text.distance(from: dash, to: text.endIndex) == 2 else { throw .badParameter("RUN") }
        let body = text[text.startIndex..<dash]
        guard body.count <= 8, body.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), body.first != UInt8(ascii: "0"),
              let dv = text.last, (dv >= UInt8(ascii: "0") && dv <= UInt8(ascii: "9")) || dv == UInt8(ascii: "K")
        else { throw .badParameter("RUN") }
        guard let rut = try? RUT(String(decoding: text, as: UTF8.self)) else { throw .badRUN }
        return rut
    }

    /// Parses the QR payload: exactly `https://portal.sidiv.registrocivil.cl/docstatus?…` or
    /// `https://portal.nuevosidiv.registrocivil.cl/document-validity?…` with exactly the
    /// parameters `RUN`, `type` (`CEDULA` or `CEDULA_EXT`), `serial` (9 characters) and `mrz`
    /// (24), every check digit right and `serial` equal to the MRZ's document number.
    /// - Parameter reference: the date that decides the birth year's century.
    public static func parseStatusURL(_ payload: [UInt8], reference: CedulaDate) throws(CedulaReadError) -> CedulaDocument {
        guard payload.count <= maxURLLength else { throw .tooLong(payload.count) }
        // Printable ASCII only: no spaces, no percent-encoding, no fragments.
        guard payload.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "%") && $0 != UInt8(ascii: "#") }) else {
            throw .badCharacters
        }
        let scheme = Array("https://".utf8)
        guard payload.starts(with: scheme) else { throw .foreignURL }
        let rest = payload[scheme.count...]
        guard let q = rest.firstIndex(of: UInt8(ascii: "?")) else { throw .foreignURL }
        let hostPath = rest[rest.startIndex..<q]
        guard endpoints.contains(where: { Array(($0.host + $0.path).utf8) == Array(hostPath) }) else { throw .foreignURL }
        let query = payload[(q + 1)...]
        var values: [String: ArraySlice<UInt8>] = [:]
        for pair in query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false) {
            guard let eq = pair.firstIndex(of: UInt8(ascii: "=")) else { throw .badParameter("query") }
            let key = String(decoding: pair[pair.startIndex..<eq], as: UTF8.self)
            guard ["RUN", "type", "serial", "mrz"].contains(key) else { throw .badParameter("query") }
            guard values[key] == nil else { throw .badParameter(key) }
            values[key] = pair[(eq + 1)...]
        }
        guard let runText = values["RUN"], let typeText = values["type"], let serial = values["serial"], let mrz = values["mrz"] else {
            throw .badParameter("query")
        }
        let run = try run(runText)
        guard let kind = CedulaDocument.Kind(rawValue: String(decoding: typeText, as: UTF8.self)) else { throw .badParameter("type") }
        guard serial.count == 9, serial.allSatisfy({ isMRZChar($0) && $0 != UInt8(ascii: "<") }) else { throw .badParameter("serial") }
        let summary = try summary(Array(mrz), reference: reference)
        guard summary.documentNumber == String(decoding: serial, as: UTF8.self) else { throw .serialMismatch }
        return CedulaDocument(run: run, documentNumber: summary.documentNumber, birthDate: summary.birth,
                              expiryDate: summary.expiry, type: kind, source: .qr,
                              statusURL: String(decoding: payload, as: UTF8.self))
    }

    /// Parses a TD1 MRZ (3 lines of 30 characters, `\n`-separated; surrounding white space and
    /// `\r` ignored) of a Chilean cédula: line 1 `ID` `CHL` document number + cd, RUN with its
    /// check digit in the optional data (`12345678<5`); line 2 birth + cd, sex, expiry + cd,
    /// nationality, composite cd; line 3 names. Every ICAO check digit and the RUN are verified.
    /// The nationality decides the kind (`CHL`: cédula, otherwise cédula de extranjería).
    public static func parseTD1(_ text: [UInt8], reference: CedulaDate) throws(CedulaReadError) -> CedulaDocument {
        guard text.count <= 200 else { throw .tooLong(text.count) }
        let lines = text.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).map { line in
            line.filter { $0 != 0x20 && $0 != 0x09 }
        }.filter { !$0.isEmpty }
        guard lines.count == 3 else { throw .badMRZLayout("\(lines.count) lines") }
        guard lines.allSatisfy({ $0.count == 30 }) else { throw .badMRZLayout("line length") }
        guard lines.allSatisfy({ $0.allSatisfy(isMRZChar) }) else { throw .badCharacters }
        let l1 = lines[0], l2 = lines[1], l3 = lines[2]
        guard l1[0] == UInt8(ascii: "I"), l1[2...4].elementsEqual("CHL".utf8) else { throw .badMRZLayout("document code") }
        try checkField(l1[5..<14], digit: l1[14], name: "document")
        let number = try documentNumber(l1[5..<14])
        // Optional data: RUN digits, `<`, check digit, `<` filler.
        var optional = Array(l1[15..<30])
        while optional.last == UInt8(ascii: "<") { optional.removeLast() }
        guard optional.count >= 3, optional[optional.count - 2] == UInt8(ascii: "<") else { throw .badMRZLayout("RUN field") }
        optional[optional.count - 2] = UInt8(ascii: "-")
        let run = try run(optional[...])

        try checkField(l2[0..<6], digit: l2[6], name: "birth")
        guard [UInt8(ascii: "M"), UInt8(ascii: "F"), UInt8(ascii: "<")].contains(l2[7]) else { throw .badMRZLayout("sex") }
        try checkField(l2[8..<14], digit: l2[14], name: "expiry")
        let nationality = l2[15..<18]
        guard nationality.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { throw .badMRZLayout("nationality") }
        let composite = Array(l1[5..<30]) + Array(l2[0..<7]) + Array(l2[8..<15]) + Array(l2[18..<29])
        try checkField(composite[...], digit: l2[29], name: "composite")
        // Names: letters and `<` only, starting with a letter.
        guard l3.allSatisfy({ ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || $0 == UInt8(ascii: "<") }),
              l3.first != UInt8(ascii: "<") else { throw .badMRZLayout("names") }
        return CedulaDocument(run: run, documentNumber: number,
                              birthDate: try date(l2[0..<6], birth: true, reference: reference, name: "birth"),
                              expiryDate: try date(l2[8..<14], birth: false, reference: reference, name: "expiry"),
                              type: nationality.elementsEqual("CHL".utf8) ? .cedula : .cedulaExtranjero,
                              source: .mrz, statusURL: nil)
    }
}
