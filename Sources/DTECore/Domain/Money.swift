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

    /// Zero, with no decimals.
    public static let zero = Money(minorUnits: 0, scale: 0)

    /// A whole amount (CLP).
    public init(_ pesos: Int64) { self.minorUnits = pesos; self.scale = 0 }

    /// An amount of `minorUnits` × 10^-`scale`; `scale` is clamped to 0...6.
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
