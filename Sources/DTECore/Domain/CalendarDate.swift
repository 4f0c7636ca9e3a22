import Foundation

/// A calendar date as the SII writes it (`AAAA-MM-DD`), with no time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year (1900...2999).
    public let year: Int
    /// The month (1...12).
    public let month: Int
    /// The day of the month (1...31, valid for the month and year).
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
    /// The text (or the `AAAA-MM-DD` the components make) is not a date in 1900...2999.
    case invalid(String)
    public var description: String {
        switch self { case let .invalid(s): return "'\(s)' is not a valid date (AAAA-MM-DD)" }
    }
}
