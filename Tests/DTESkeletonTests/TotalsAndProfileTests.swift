import DTECore
@testable import DTESkeleton
import Foundation
import Testing
import DTEKitTestSupport

@Suite("SII totals")
struct TotalsTests {
    struct LineCase: Sendable, CustomStringConvertible {
        var qty: String, price: String, discountPct: String? = nil, discount: Int64? = nil
        var surchargePct: String? = nil, surcharge: Int64? = nil
        var expected: Int64
        var description: String { "\(qty)×\(price) -\(discountPct ?? "")%/\(discount ?? 0) +\(surchargePct ?? "")%/\(surcharge ?? 0) = \(expected)" }
    }

    static let lineCases: [LineCase] = [
        LineCase(qty: "2", price: "12500", discountPct: "10", expected: 22500),          // 25000 − 2500
        LineCase(qty: "1.5", price: "333", expected: 500),                             // 499.5 → 500 (half up)
        LineCase(qty: "3", price: "0.5", expected: 2),                                 // 1.5 → 2
        LineCase(qty: "1", price: "0.49", expected: 0),                                // 0.49 → 0
        LineCase(qty: "1", price: "999", discountPct: "15", expected: 849),            // 149.85 → 150 off
        LineCase(qty: "1", price: "2990", discountPct: "5", expected: 2840),           // 149.5 → 150 off
        LineCase(qty: "4", price: "250", discount: 100, expected: 900),
        LineCase(qty: "1", price: "1000", surcharge: 100, expected: 1100),
        LineCase(qty: "2", price: "1000", surchargePct: "2.5", expected: 2050),
        LineCase(qty: "0.333", price: "1000", expected: 333),                          // 333.0
        LineCase(qty: "10", price: "3500", expected: 35000),
    ]

    @Test("MontoItem = round(Qty × Prc) − discounts + surcharges", arguments: lineCases)
    func lineAmounts(c: LineCase) throws {
        let qty = try #require(Decimal(string: c.qty)), price = try #require(Decimal(string: c.price))
        let r = SIITotals.lineAmount(quantity: qty, price: price, discountPercent: c.discountPct.flatMap { Decimal(string: $0) },
                                     discountAmount: c.discount, surchargePercent: c.surchargePct.flatMap { Decimal(string: $0) },
                                     surchargeAmount: c.surcharge)
        #expect(r.montoItem == c.expected)
    }

    struct TotalCase: Sendable, CustomStringConvertible {
        var lines: [Int64], exempt: [Int64], retention: Decimal?
        var neto: Int64, exento: Int64, iva: Int64, retenido: Int64, total: Int64
        var description: String { "afecto \(lines) exento \(exempt) ret \(retention.map { "\($0)" } ?? "-") → \(total)" }
    }

    static let totalCases: [TotalCase] = [
        // 33 skeleton: afecto + exento line.
        TotalCase(lines: [22500], exempt: [5000], retention: nil, neto: 22500, exento: 5000, iva: 4275, retenido: 0, total: 31775),
        // IVA at .5 rounds up: 50 × 19% = 9.5 → 10.
        TotalCase(lines: [50], exempt: [], retention: nil, neto: 50, exento: 0, iva: 10, retenido: 0, total: 60),
        // 55 × 19% = 10.45 → 10.
        TotalCase(lines: [55], exempt: [], retention: nil, neto: 55, exento: 0, iva: 10, retenido: 0, total: 65),
        // 1050 × 19% = 199.5 → 200.
        TotalCase(lines: [1000, 50], exempt: [], retention: nil, neto: 1050, exento: 0, iva: 200, retenido: 0, total: 1250),
        // Exento only (34): no IVA.
        TotalCase(lines: [], exempt: [45000, 20000], retention: nil, neto: 0, exento: 65000, iva: 0, retenido: 0, total: 65000),
        // Factura de compra (46): IVA retenido total (code 15) comes off the total.
        TotalCase(lines: [35000], exempt: [], retention: 100, neto: 35000, exento: 0, iva: 6650, retenido: 6650, total: 35000),
        // Partial retention 50% of 1995 = 997.5 → 998.
        TotalCase(lines: [10500], exempt: [], retention: 50, neto: 10500, exento: 0, iva: 1995, retenido: 998, total: 11497),
    ]

    @Test("MntNeto, IVA half up, MntTotal = neto + exento + IVA − retentions", arguments: totalCases)
    func totals(c: TotalCase) {
        let r = SIITotals.totals(lines: c.lines.map { ($0, false) } + c.exempt.map { ($0, true) }, retentionPercent: c.retention)
        #expect(r == SIITotals.Result(neto: c.neto, exento: c.exento, iva: c.iva, retenido: c.retenido, total: c.total))
    }

    @Test("boletas: gross amounts, neto = round(afecto / 1.19)")
    func gross() {
        let r = SIITotals.grossTotals(lines: [(3570, false), (2840, false), (1000, true)])
        #expect(r == SIITotals.Result(neto: 5387, exento: 1000, iva: 1023, retenido: 0, total: 7410))
        let one = SIITotals.grossTotals(lines: [(1190, false)])
        #expect(one.neto == 1000 && one.iva == 190 && one.total == 1190)
    }
}

@Suite("Emisor profile")
struct ProfileTests {
    static let valid = """
    rut: 76235291-5
    razon_social: Diseño y Entretenimientos Within Play Ltda.
    giro: IMPRESION COMERCIALIZACION
    actecos: [741009, 620200]
    direccion: San Lucio 138
    comuna: Los Andes
    telefonos: ["+56 34 2123456"]
    correo: facturacion@example.cl
    resolucion: { numero: 80, fecha: 2014-08-22 }
    """

    @Test("the example profile in Samples/ loads")
    func sample() throws {
        let p = try Fixtures.profile()
        #expect(p.rut.canonical == "76235291-5")
        #expect(p.razonSocial == "Diseño y Entretenimientos Within Play Ltda.")
        #expect(p.numeroResolucion == 0 && p.fechaResolucion.description == "2025-03-26")
    }

    @Test("valid YAML gives typed values")
    func valid() throws {
        let p = try EmisorProfile.load(yaml: Self.valid, source: "t.yaml")
        #expect(p.actecos == [741009, 620200] && p.numeroResolucion == 80 && p.telefonos == ["+56 34 2123456"])
    }

    static let badCases: [(String, String, String)] = [
        ("rut: 76235291-5", "rut: 76235291-4", "RUTEmisor: not a valid RUT"),
        ("razon_social: Diseño y Entretenimientos Within Play Ltda.", "razon_social: " + String(repeating: "A", count: 112),
         "RznSoc: 112 characters, the SII allows 100"),
        ("giro: IMPRESION COMERCIALIZACION", "giro: " + String(repeating: "G", count: 81), "GiroEmis: 81 characters, the SII allows 80"),
        ("actecos: [741009, 620200]", "actecos: [1, 2, 3, 4, 5]", "Acteco: 5 codes, the SII requires 1 to 4"),
        ("actecos: [741009, 620200]", "actecos: [1234567]", "Acteco: must be a positive whole number of at most 6 digits"),
        ("comuna: Los Andes", "comuna: Pedro Aguirre Cerda Norte X", "CmnaOrigen: 27 characters, the SII allows 20"),
        ("direccion: San Lucio 138", "direccion: " + String(repeating: "D", count: 71), "DirOrigen: 71 characters, the SII allows 70"),
        ("correo: facturacion@example.cl", "correo: no-es-correo", "CorreoEmisor: not an e-mail address"),
        ("resolucion: { numero: 80, fecha: 2014-08-22 }", "resolucion: { numero: 1234567, fecha: 2014-08-22 }", "NroResol: must be"),
        ("resolucion: { numero: 80, fecha: 2014-08-22 }", "resolucion: { numero: 80, fecha: 2014-02-30 }", "FchResol: not a date"),
        ("razon_social: Diseño y Entretenimientos Within Play Ltda.", "razon_social: Empresa ☃ SpA", "RznSoc: has characters outside ISO-8859-1"),
        ("comuna: Los Andes\n", "", "CmnaOrigen (comuna): missing"),
    ]

    @Test("each broken field is named with its value and rule", arguments: 0..<badCases.count)
    func bad(index: Int) {
        let (from, to, message) = Self.badCases[index]
        let yaml = Self.valid.replacingOccurrences(of: from, with: to)
        #expect(yaml != Self.valid)
        do {
            _ = try EmisorProfile.load(yaml: yaml, source: "t.yaml")
            Issue.record("accepted: \(to)")
        } catch {
            #expect(error.description.hasPrefix(message), "got: \(error.description)")
        }
    }

    @Test("unknown keys are refused by name")
    func unknownKey() {
        #expect(throws: ProfileError.self) { try EmisorProfile.load(yaml: Self.valid + "\nrazonsocial: X", source: "t.yaml") }
        #expect(throws: ProfileError.self) { try EmisorProfile.load(yaml: Self.valid + "\ngiro: OTRO GIRO", source: "t.yaml") }
        // Deep nesting is refused before Yams' recursive loader can overflow the stack.
        #expect(throws: ProfileError.self) {
            try EmisorProfile.load(yaml: "rut: " + String(repeating: "[", count: 5000), source: "t.yaml")
        }
        #expect(throws: ProfileError.self) {
            try EmisorProfile.load(yaml: (0..<3000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n"), source: "t.yaml")
        }
    }

    /// Found by ProfileFuzz: a comment ended by CR hid 3000 `{` from the nesting scan and Yams'
    /// recursive loader overflowed the stack (a crash). Refused now, and parsed on a large stack.
    @Test func profileNestingHiddenBehindACarriageReturnIsRefused() {
        let yaml = "#ro: 0   }   \r\r" + String(repeating: "{", count: 3000) + "\r"
        #expect(throws: ProfileError.self) { try EmisorProfile.load(yaml: yaml, source: "fuzz.yaml") }
        let deep = "rut: 76235291-5\nx: " + String(repeating: "[", count: 30000)
        #expect(throws: ProfileError.self) { try EmisorProfile.load(yaml: deep, source: "fuzz.yaml") }
    }
}
