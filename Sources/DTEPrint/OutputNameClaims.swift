/// The output names one run has given out, so that two inputs that map to the same name
/// (two copies of a DTE in different folders, an envelope and a single DTE holding the same
/// document) never silently overwrite each other.
///
/// The first input keeps the plain name; a later input from another source gets
/// `<name>~<8 hex digits>.<ext>`, the digits being a hash (FNV-1a, 64 bit) of its source path
/// and the name, so the same inputs always give the same files. The same source claiming the
/// same name again (re-rendering one file) keeps it.
package struct OutputNameClaims: Sendable {
    private var owners: [String: String] = [:]

    public init() {}

    /// The name to write `name` under for `source`, and the source it collided with (`nil`
    /// when the plain name was free or already this source's).
    public mutating func claim(_ name: String, source: String) -> (name: String, collidedWith: String?) {
        guard let owner = owners[name], owner != source else {
            owners[name] = source
            return (name, nil)
        }
        var attempt = 1
        var candidate = OutputNameClaims.tagged(name, source: source, attempt: attempt)
        while let other = owners[candidate], other != source {     // a hash collision: count on
            attempt += 1
            candidate = OutputNameClaims.tagged(name, source: source, attempt: attempt)
        }
        owners[candidate] = source
        return (candidate, owner)
    }

    /// `name` disambiguated for `source`: `<name>~<8 hex digits of FNV-1a(source, name)>.<ext>`,
    /// with `-<attempt>` after the digits from the second attempt on.
    public static func tagged(_ name: String, source: String, attempt: Int = 1) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (source + "\u{0}" + name).utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var tag = String(String(hash, radix: 16).suffix(8))
        if attempt > 1 { tag += "-\(attempt)" }
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        return String(name[..<dot]) + "~" + tag + String(name[dot...])
    }
}
