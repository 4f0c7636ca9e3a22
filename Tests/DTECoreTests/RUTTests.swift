import Testing
@testable import DTECore

@Suite struct RUTTests {
    @Test(arguments: ["76.354.771-K", "76354771-K", "76354771k", "76354771K"])
    func parsesAcceptedForms(_ text: String) throws {
        let rut = try RUT(text)
        #expect(rut.number == 76_354_771)
        #expect(rut.checkDigit == "K")
        #expect(rut.formatted == "76.354.771-K")
        #expect(rut.canonical == "76354771-K")
    }

    @Test(arguments: [("60803000-K", "K"), ("96790240-3", "3"), ("11111111-1", "1"), ("66666666-6", "6"),
                      ("76235291-5", "5"), ("1-9", "9"), ("10000004-0", "0"), ("12345678-5", "5"), ("96670340-7", "7"), ("60910000-1", "1")])
    func knownValidRUTs(_ text: String, _ dv: String) throws {
        #expect(try RUT(text).checkDigit == Character(dv))
    }

    @Test func wrongCheckDigitSaysWhichWasExpected() {
        #expect(throws: RUTError.wrongCheckDigit("76354771-5", expected: "K")) { try RUT("76354771-5") }
        #expect(throws: RUTError.wrongCheckDigit("60803000-0", expected: "K")) { try RUT("60803000-0") }
    }

    @Test(arguments: ["", "76 354 771-K", " 76354771-K", "7635A771-K", "76354771-KK", "-K", "K", "123456789-2",
                      "76354771-", "0-0", "76.354.771-K-1", "76354771-1K"])
    func refusesMalformed(_ text: String) {
        #expect(throws: RUTError.self) { try RUT(text) }
    }

    @Test func roundTripsEveryFormat() throws {
        // Property-style: a spread of bodies, each formatted both ways and parsed back.
        var n = 1
        while n < RUT.maxNumber {
            let rut = try RUT(number: n)
            #expect(try RUT(rut.formatted) == rut)
            #expect(try RUT(rut.canonical) == rut)
            #expect(try RUT(rut.canonical.lowercased()) == rut)
            n = n * 3 + 7
        }
    }

    @Test func ordersAndCodes() throws {
        #expect(try RUT("1-9") < RUT("76354771-K"))
        let data = try JSONEncoder().encode(try RUT("76.354.771-k"))
        #expect(String(decoding: data, as: UTF8.self) == "\"76354771-K\"")
        #expect(try JSONDecoder().decode(RUT.self, from: data) == RUT("76354771-K"))
    }
}

import Foundation
