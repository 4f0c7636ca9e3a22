import Foundation

/// An exact amount of money, held as an integer count of minor units.
///
/// CLP amounts have no decimals (`scale == 0`). Export documents carry amounts in their own
/// currency with up to 4 decimals (`TotClauVenta`, `MntTotal` in USD, …): `scale` says how many.
/// Arithmetic never rounds; values of different scales are brought to the larger one.
public struct Money: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The amount × 10^`scale`.
    public let minorUnits: Int64
    /// The number of decimals held (0…6).
    public let scale: Int

    public static let zero = Money(minorUnits: 0, scale: 0)

    /// A whole amount (CLP).
    public init(_ pesos: Int64) { self.minorUnits = pesos; self.scale = 0 }

    public init(minorUnits: Int64, scale: Int) {
        self.minorUnits = minorUnits
        self.scale = max(0, min(scale, 6))
    }

    /// Parses the SII's decimal notation (`"2996301"`, `"1258950.00"`, `"-12.5"`).
    /// Returns `nil` for anything else, including values that would overflow.
    public init?(parsing text: some StringProtocol) {
        var s = Substring(text).trimmingCharacters(in: .whitespacesAndNewlines)[...]
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let intPart = parts.first, !intPart.isEmpty || parts.count == 2 else { return nil }
        let fracPart = parts.count == 2 ? parts[1] : ""
        guard intPart.allSatisfy(\.isASCIIDigit), fracPart.allSatisfy(\.isASCIIDigit),
              fracPart.count <= 6, intPart.count + fracPart.count <= 18,
              !(intPart.isEmpty && fracPart.isEmpty) else { return nil }
        guard let v = Int64(intPart.isEmpty && fracPart.isEmpty ? "0" : String(intPart) + String(fracPart)) else { return nil }
        self.minorUnits = negative ? -v : v
        self.scale = fracPart.count
    }

    /// The same amount at a larger scale (exact), or `nil` on overflow.
    public func rescaled(to newScale: Int) -> Money? {
        guard newScale >= scale else { return nil }
        var v = minorUnits
        for _ in scale..<newScale {
            let (r, o) = v.multipliedReportingOverflow(by: 10)
            if o { return nil }
            v = r
        }
        return Money(minorUnits: v, scale: newScale)
    }

    /// The amount rounded half away from zero to `decimals` decimals.
    public func rounded(toDecimals decimals: Int) -> Money {
        guard decimals < scale else { return rescaled(to: decimals) ?? self }
        var divisor: Int64 = 1
        for _ in decimals..<scale { divisor *= 10 }
        let q = minorUnits / divisor
        let r = minorUnits % divisor
        let adj: Int64 = (abs(r) * 2 >= divisor) ? (minorUnits < 0 ? -1 : 1) : 0
        return Money(minorUnits: q + adj, scale: decimals)
    }

    /// The whole part when the amount has no fraction (CLP), else `nil`.
    public var wholeValue: Int64? {
        var v = minorUnits
        for _ in 0..<scale {
            guard v % 10 == 0 else { return nil }
            v /= 10
        }
        return v
    }

    /// The amount as a `Decimal` (for display and rate arithmetic).
    public var decimalValue: Decimal { Decimal(sign: minorUnits < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(minorUnits.magnitude)) }

    /// The plain decimal text with exactly `scale` decimals ("1234.50").
    public var description: String {
        guard scale > 0 else { return String(minorUnits) }
        let digits = String(minorUnits.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -scale)
        return (minorUnits < 0 ? "-" : "") + padded[..<cut] + "." + padded[cut...]
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        guard let l = lhs.rescaled(to: s), let r = rhs.rescaled(to: s) else { return lhs.decimalValue < rhs.decimalValue }
        return l.minorUnits < r.minorUnits
    }

    public static func == (lhs: Money, rhs: Money) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        guard let l = lhs.rescaled(to: s), let r = rhs.rescaled(to: s) else { return false }
        return l.minorUnits == r.minorUnits
    }

    public func hash(into hasher: inout Hasher) {
        // Equal amounts at different scales hash alike: hash the normalised form.
        var v = minorUnits, s = scale
        while s > 0, v % 10 == 0 { v /= 10; s -= 1 }
        hasher.combine(v); hasher.combine(s)
    }

    /// Exact sum; `nil` on overflow.
    public func adding(_ other: Money) -> Money? {
        let s = max(scale, other.scale)
        guard let l = rescaled(to: s), let r = other.rescaled(to: s) else { return nil }
        let (v, o) = l.minorUnits.addingReportingOverflow(r.minorUnits)
        return o ? nil : Money(minorUnits: v, scale: s)
    }

    /// Exact difference; `nil` on overflow.
    public func subtracting(_ other: Money) -> Money? {
        adding(Money(minorUnits: -other.minorUnits, scale: other.scale))
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// A calendar date as the SII writes it (`AAAA-MM-DD`), with no time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// - Throws: ``DateError`` for impossible dates (2023-02-30).
    public init(year: Int, month: Int, day: Int) throws(DateError) {
        guard (1900...2999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year)
        else { throw .invalid(String(format: "%04d-%02d-%02d", year, month, day)) }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `AAAA-MM-DD`.
    public init(_ text: String) throws(DateError) {
        let b = Array(text.utf8)
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let c = b[i]; guard c >= 48, c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { throw .invalid(text) }
        try self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2019-04-01`.
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// `01-04-2019`, the order Chilean printouts use.
    public var chileanFormat: String { String(format: "%02d-%02d-%04d", day, month, year) }

    public static func < (l: CalendarDate, r: CalendarDate) -> Bool {
        (l.year, l.month, l.day) < (r.year, r.month, r.day)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try CalendarDate(s) } catch { throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description) }
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer(); try c.encode(description)
    }
}

/// Why a text is not a valid ``CalendarDate``.
public enum DateError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self { case let .invalid(s): return "'\(s)' is not a valid date (AAAA-MM-DD)" }
    }
}
