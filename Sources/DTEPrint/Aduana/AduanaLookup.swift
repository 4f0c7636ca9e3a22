import Foundation

/// The Servicio Nacional de Aduanas' code tables that export documents (110, 111, 112, and
/// guías used for export) use: the printout shows each code's name, and the code itself where
/// the table has no entry. Data, source and date: `Sources/DTEPrint/Aduana/data/` (README).
///
/// ```swift
/// AduanaTables.name(563, in: .country)        // "ALEMANIA"
/// AduanaTables.display(591, in: .port)        // "BREMEN"; an unknown code prints as "591"
/// ```
package enum AduanaTables {
    /// One of Aduana's tables.
    public enum Table: String, Sendable, CaseIterable {
        case country, port, transportMode, currency, saleClause, saleModality, unit, packageType
    }

    /// The name of `code` in `table`, `nil` when the table has no entry.
    public static func name(_ code: Int, in table: Table) -> String? {
        switch table {
        case .country: return countries[code]
        case .port: return ports[code]
        case .transportMode: return transportModes[code]
        case .currency: return currencies[code]?.name
        case .saleClause: return saleClauses[code]
        case .saleModality: return saleModalities[code]
        case .unit: return units[code]
        case .packageType: return packageTypes[code]
        }
    }

    /// What a printout shows for `code`: its name, or the code where the table has none.
    public static func display(_ code: Int, in table: Table) -> String { name(code, in: table) ?? String(code) }

    /// Every (code, name) of a table, sorted by code.
    public static func entries(of table: Table) -> [(code: Int, name: String)] {
        let dict: [Int: String]
        switch table {
        case .country: dict = countries
        case .port: dict = ports
        case .transportMode: dict = transportModes
        case .currency: dict = currencies.mapValues(\.name)
        case .saleClause: dict = saleClauses
        case .saleModality: dict = saleModalities
        case .unit: dict = units
        case .packageType: dict = packageTypes
        }
        return dict.map { (code: $0.key, name: $0.value) }.sorted { $0.code < $1.code }
    }

    /// A currency as a document writes it (`TpoMoneda` is the name, `DOLAR USA`; some issuers
    /// write Aduana's code, `13`, or the ISO code, `USD`) shown as `DOLAR USA (USD)`; text the
    /// table does not know is shown as written.
    public static func currencyDisplay(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let code = Int(t), let c = currencies[code] { return "\(c.name) (\(c.iso))" }
        let upper = t.uppercased()
        if let c = currencies.values.first(where: { $0.name == upper || $0.iso == upper }) { return "\(c.name) (\(c.iso))" }
        return t
    }
}
