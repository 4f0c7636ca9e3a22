import Foundation

/// Names for the export (Aduana) codes printed on export documents: Aduana's tables
/// (``AduanaTables``), the code itself where a table has no entry.
enum ExportNames {
    static func modalidad(_ code: Int) -> String { AduanaTables.display(code, in: .saleModality) }
    static func clausula(_ code: Int) -> String { AduanaTables.display(code, in: .saleClause) }
    static func via(_ code: Int) -> String { AduanaTables.display(code, in: .transportMode) }
    static func port(_ code: Int?, _ id: String?) -> String {
        [code.map { AduanaTables.display($0, in: .port) }, id].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
    static func country(_ code: Int) -> String { AduanaTables.display(code, in: .country) }
    static func unit(_ code: Int) -> String { AduanaTables.display(code, in: .unit) }
    static func bulto(_ code: Int) -> String { AduanaTables.display(code, in: .packageType) }
}
