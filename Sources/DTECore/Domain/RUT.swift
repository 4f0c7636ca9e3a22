/// A Chilean RUT (Rol Único Tributario): a body number and its módulo-11 check digit.
///
/// A `RUT` can only be made valid: ``init(_:)`` parses `76.354.771-K`, `76354771-K` or
/// `76354771k` and refuses spaces, letters in the body and a wrong check digit.
///
/// ```swift
/// let rut = try RUT("76354771-K")
/// rut.formatted      // "76.354.771-K"
/// rut.canonical      // "76354771-K" (the form the SII's XML uses)
/// ```
public struct RUT: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The body (the digits before the hyphen).
    public let number: Int
    /// The check digit: `"0"`–`"9"` or `"K"`.
    public let checkDigit: Character

    /// The largest body the SII's types allow (8 digits; `RUTType` is `\d{1,8}-[\dK]`).
    public static let maxNumber = 99_999_999

    /// The generic receptor of boletas ("66.666.666-6": consumer with no RUT given).
    public static let genericReceptor = RUT(validNumber: 66_666_666)
    /// The SII's own RUT, the receptor of every envelope ("60.803.000-K").
    public static let sii = RUT(validNumber: 60_803_000)

    /// Parses a RUT as people and the SII write it.
    /// - Throws: ``RUTError`` naming what is wrong, e.g. the check digit it expected.
    public init(_ text: String) throws(RUTError) {
        var body: [UInt8] = []
        var dv: UInt8? = nil
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= 14 else { throw .malformed(text, reason: "too long") }
        // Split at the last hyphen, or treat the last character as the check digit.
        var sawHyphen = false
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawHyphen {
                    guard dv == nil else { throw .malformed(text, reason: "more than one check digit") }
                    dv = b
                } else { body.append(b) }
            case UInt8(ascii: "k"), UInt8(ascii: "K"):
                let isLast = i == bytes.count - 1
                guard isLast else { throw .malformed(text, reason: "letter in the number") }
                guard dv == nil else { throw .malformed(text, reason: "more than one check digit") }
                dv = UInt8(ascii: "K")
            case UInt8(ascii: "."):
                guard !sawHyphen else { throw .malformed(text, reason: "dot after the hyphen") }
            case UInt8(ascii: "-"):
                guard !sawHyphen, !body.isEmpty else { throw .malformed(text, reason: "misplaced hyphen") }
                sawHyphen = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw .malformed(text, reason: "contains white space")
            default:
                throw .malformed(text, reason: "unexpected character")
            }
        }
        if dv == nil {
            // No hyphen: the last digit is the check digit.
            guard !sawHyphen, body.count >= 2 else { throw .malformed(text, reason: "missing check digit") }
            dv = body.removeLast()
        }
        guard let checkByte = dv else { throw .malformed(text, reason: "missing check digit") }
        guard !body.isEmpty else { throw .malformed(text, reason: "missing number") }
        guard body.count <= 8 else { throw .malformed(text, reason: "number longer than 8 digits") }
        var n = 0
        for b in body { n = n * 10 + Int(b - UInt8(ascii: "0")) }
        guard n > 0 else { throw .malformed(text, reason: "number is zero") }
        let expected = RUT.checkDigit(for: n)
        let given = Character(Unicode.Scalar(checkByte))
        guard expected == given else { throw .wrongCheckDigit(text, expected: expected) }
        self.number = n
        self.checkDigit = expected
    }

    /// Makes a RUT from its body, computing the check digit.
    /// - Throws: ``RUTError/outOfRange(_:)`` for 0, negative or over 8 digits.
    public init(number: Int) throws(RUTError) {
        guard number > 0, number <= RUT.maxNumber else { throw .outOfRange(number) }
        self.init(validNumber: number)
    }

    private init(validNumber: Int) {
        self.number = validNumber
        self.checkDigit = RUT.checkDigit(for: validNumber)
    }

    /// `nil` when the text is not a valid RUT (for optional parsing).
    public init?(validating text: String) {
        guard let rut = try? RUT(text) else { return nil }
        self = rut
    }

    /// The módulo-11 check digit of a RUT body.
    public static func checkDigit(for number: Int) -> Character {
        var n = number
        var factor = 2
        var sum = 0
        while n > 0 {
            sum += (n % 10) * factor
            n /= 10
            factor = factor == 7 ? 2 : factor + 1
        }
        let r = 11 - sum % 11
        switch r {
        case 11: return "0"
        case 10: return "K"
        default: return Character(String(r))
        }
    }

    /// `76354771-K`: no dots, upper-case K; the form the SII's XML uses.
    public var canonical: String { "\(number)-\(checkDigit)" }

    /// `76.354.771-K`: with thousands dots, as printed on documents.
    public var formatted: String {
        let digits = Array(String(number))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out + "-" + String(checkDigit)
    }

    public var description: String { formatted }

    public static func < (lhs: RUT, rhs: RUT) -> Bool { lhs.number < rhs.number }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try RUT(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonical)
    }
}

/// Why a text is not a valid ``RUT``.
public enum RUTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// The text is not `NNNNNNNN-D` (with or without dots); `reason` says why.
    case malformed(String, reason: String)
    /// The check digit does not match the number; `expected` is the right one.
    case wrongCheckDigit(String, expected: Character)
    /// The number is outside 1...``RUT/maxNumber``.
    case outOfRange(Int)

    public var description: String {
        switch self {
        case .empty: return "RUT is empty"
        case let .malformed(text, reason): return "RUT '\(text)' is malformed: \(reason)"
        case let .wrongCheckDigit(text, expected):
            return "RUT '\(text)' has a wrong check digit: expected \(expected)"
        case let .outOfRange(n): return "RUT number \(n) is out of range (1–\(RUT.maxNumber))"
        }
    }
}
