import DTECore
import Foundation

/// Totals computed the way the SII checks them (format manual, "Totales"):
///
/// - `MontoItem = round(QtyItem × PrcItem) − DescuentoMonto + RecargoMonto`, where a percentage
///   discount or surcharge becomes `round(round(QtyItem × PrcItem) × pct / 100)`;
/// - `MntNeto = Σ MontoItem` of afecto lines, `MntExe = Σ MontoItem` of exento lines (`IndExe` 1);
/// - `IVA = round(MntNeto × TasaIVA / 100)`, rounding half up;
/// - `MntTotal = MntNeto + MntExe + IVA − retentions` (e.g. `ImptoReten` 15, IVA retenido total).
///
/// Boletas (39) carry gross amounts: `MntNeto = round(Σ afecto / (1 + TasaIVA/100))`,
/// `IVA = Σ afecto − MntNeto`.
public enum SIITotals {
    /// The SII's IVA rate (%).
    public static let tasaIVA: Decimal = 19

    /// `value` rounded half up (away from zero) to `decimals` decimals.
    public static func round(_ value: Decimal, decimals: Int = 0) -> Decimal {
        var v = value, r = Decimal()
        NSDecimalRound(&r, &v, decimals, .plain)
        return r
    }

    /// A rounded amount as whole pesos.
    static func pesos(_ value: Decimal) -> Int64 {
        NSDecimalNumber(decimal: round(value)).int64Value
    }

    /// The `MontoItem` of a line in pesos, with the discount and surcharge amounts it implies.
    public static func lineAmount(quantity: Decimal, price: Decimal, discountPercent: Decimal? = nil,
                                  discountAmount: Int64? = nil, surchargePercent: Decimal? = nil,
                                  surchargeAmount: Int64? = nil) -> (montoItem: Int64, discount: Int64, surcharge: Int64) {
        let gross = pesos(quantity * price)
        var discount = discountAmount ?? 0
        if let p = discountPercent, discountAmount == nil { discount = pesos(Decimal(gross) * p / 100) }
        var surcharge = surchargeAmount ?? 0
        if let p = surchargePercent, surchargeAmount == nil { surcharge = pesos(Decimal(gross) * p / 100) }
        return (gross - discount + surcharge, discount, surcharge)
    }

    /// The totals of net-amount lines (facturas and notes): neto, exento, IVA, retentions, total.
    public struct Result: Sendable, Hashable {
        /// `MntNeto` in pesos.
        public var neto: Int64
        /// `MntExe` in pesos.
        public var exento: Int64
        /// `IVA` in pesos.
        public var iva: Int64
        /// The IVA retained (`ImptoReten`), in pesos; 0 when none.
        public var retenido: Int64
        /// `MntTotal` in pesos: neto + exento + IVA − retenido.
        public var total: Int64
    }

    /// Totals of lines given as (amount, exempt?) pairs; `retentionPercent` is the retained part
    /// of IVA (100 for code 15, IVA retenido total), applied to the IVA.
    public static func totals(lines: [(amount: Int64, exempt: Bool)], tasaIVA: Decimal = tasaIVA,
                              retentionPercent: Decimal? = nil) -> Result {
        let neto = lines.filter { !$0.exempt }.reduce(Int64(0)) { $0 + $1.amount }
        let exento = lines.filter(\.exempt).reduce(Int64(0)) { $0 + $1.amount }
        let iva = pesos(Decimal(neto) * tasaIVA / 100)
        let retenido = retentionPercent.map { pesos(Decimal(iva) * $0 / 100) } ?? 0
        return Result(neto: neto, exento: exento, iva: iva, retenido: retenido, total: neto + exento + iva - retenido)
    }

    /// Totals of gross-amount lines (boletas 39): the IVA is inside the afecto amounts.
    public static func grossTotals(lines: [(amount: Int64, exempt: Bool)], tasaIVA: Decimal = tasaIVA) -> Result {
        let afecto = lines.filter { !$0.exempt }.reduce(Int64(0)) { $0 + $1.amount }
        let exento = lines.filter(\.exempt).reduce(Int64(0)) { $0 + $1.amount }
        let neto = pesos(Decimal(afecto) / (1 + tasaIVA / 100))
        return Result(neto: neto, exento: exento, iva: afecto - neto, retenido: 0, total: afecto + exento)
    }
}
