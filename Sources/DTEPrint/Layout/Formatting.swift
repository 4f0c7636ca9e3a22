import DTECore
import Foundation

/// Chilean number and date formatting for the printout (dot thousands, comma decimals).
enum Formatting {
    /// Groups an unsigned digit string with dots: "2996301" → "2.996.301".
    static func group(_ digits: Substring) -> String {
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        let n = digits.count
        for (i, ch) in digits.enumerated() {
            out.append(ch)
            let rem = n - 1 - i
            if rem > 0, rem % 3 == 0 { out.append(".") }
        }
        return out
    }

    /// A plain decimal text ("-1234.50") in Chilean form with exactly `decimals` decimals
    /// (fewer decimals are padded; more are rounded half away from zero).
    static func decimalText(_ money: Money, decimals: Int) -> String {
        let m = money.rounded(toDecimals: decimals)
        let plain = m.description   // exactly m.scale decimals
        let negative = plain.hasPrefix("-")
        let body = negative ? plain.dropFirst() : Substring(plain)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var s = group(parts[0])
        if parts.count == 2, decimals > 0 { s += "," + parts[1] }
        return negative ? "-" + s : s
    }

    /// CLP: "$ 2.996.301" (no decimals).
    static func clp(_ money: Money) -> String { "$ " + decimalText(money, decimals: 0) }

    /// An amount in the document's currency: CLP with "$", others with their decimals (≥ 2).
    static func amount(_ money: Money, currency: String?) -> String {
        guard let currency, !isCLP(currency) else { return clp(money) }
        return decimalText(money, decimals: max(2, min(money.scale, 4)))
    }

    static func isCLP(_ currency: String) -> Bool {
        let c = currency.uppercased()
        return c == "PESO CL" || c == "CLP" || c == "PESO CHILENO"
    }

    /// A quantity or price from a `Decimal`: trailing zeros dropped, at most `maxDecimals`.
    static func decimal(_ value: Decimal, maxDecimals: Int = 6, minDecimals: Int = 0) -> String {
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, maxDecimals, .plain)
        let text = NSDecimalNumber(decimal: rounded).stringValue   // "1258950", "2.5", "-0.125"
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var frac = parts.count == 2 ? String(parts[1]) : ""
        while frac.count > minDecimals, frac.hasSuffix("0") { frac.removeLast() }
        while frac.count < minDecimals { frac += "0" }
        let intPart = parts.first.map { group($0) } ?? "0"
        var out: String = negative ? "-" : ""
        out += intPart
        if !frac.isEmpty { out += "," + frac }
        return out
    }

    /// A rate: "19%", "10,5%".
    static func percent(_ value: Decimal) -> String { decimal(value, maxDecimals: 2) + "%" }

    static let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                         "septiembre", "octubre", "noviembre", "diciembre"]

    /// "1 de abril de 2019".
    static func longDate(_ d: CalendarDate) -> String {
        let m = (1...12).contains(d.month) ? months[d.month - 1] : String(d.month)
        return "\(d.day) de \(m) de \(d.year)"
    }
}
