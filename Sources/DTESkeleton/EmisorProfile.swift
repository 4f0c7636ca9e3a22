import DTECore
import Foundation
import Yams

/// Why an emisor profile cannot be used. Each case names the field (as the SII's XML calls it
/// and as the profile spells it), the value and the rule it breaks.
public enum ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The profile file cannot be read; `reason` says why.
    case unreadable(file: String, reason: String)
    /// The file is not valid YAML, or not the profile's shape (unknown or misplaced keys, anchors).
    case syntax(file: String, reason: String)
    /// A value the SII requires is missing: `field` is its SII element, `key` the profile's key.
    case missing(field: String, key: String)
    /// A value does not fit the SII element it feeds: `rule` says what the SII allows.
    case invalid(field: String, key: String, value: String, rule: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot be read: \(reason)"
        case let .syntax(file, reason): return "\(file): not a valid YAML emisor profile: \(reason)"
        case let .missing(field, key): return "\(field) (\(key)): missing; the SII requires it"
        case let .invalid(field, key, value, rule):
            let shown = value.count > 60 ? String(value.prefix(57)) + "…" : value
            return "\(field): \(rule) (\(key) = '\(shown)')"
        }
    }
}

/// The issuing company's data, as stored in a YAML profile and checked against the SII's types
/// (`SiiTypes_v10.xsd`, `DTE_v10.xsd`): every value fits the element it feeds.
///
/// ```yaml
/// rut: 76235291-5
/// razon_social: Diseño y Entretenimientos Within Play Ltda.
/// giro: IMPRESION COMERCIALIZACION INFORMATICA PUBLICIDAD DISENO
/// actecos: [741009]
/// direccion: San Lucio 138
/// comuna: Los Andes
/// ciudad: Los Andes
/// resolucion: { numero: 0, fecha: 2025-03-26 }
/// ```
public struct EmisorProfile: Sendable, Hashable, Codable {
    /// `RUTEmisor`.
    public var rut: RUT
    /// `RznSoc` (≤ 100), `RznSocEmisor` in boletas.
    public var razonSocial: String
    /// `GiroEmis` (≤ 80), `GiroEmisor` in boletas.
    public var giro: String
    /// `Acteco`: 1 to 4 economic activity codes (≤ 6 digits).
    public var actecos: [Int]
    /// `DirOrigen` (≤ 70).
    public var direccion: String
    /// `CmnaOrigen` (≤ 20).
    public var comuna: String
    /// `CiudadOrigen` (≤ 20).
    public var ciudad: String?
    /// `Sucursal` (≤ 20).
    public var sucursal: String?
    /// `CdgSIISucur` (≤ 9 digits).
    public var codigoSucursalSII: Int?
    /// `Telefono` (0–2, ≤ 20 each).
    public var telefonos: [String]
    /// `CorreoEmisor` (≤ 80).
    public var correo: String?
    /// `NroResol` of the Carátula (≤ 6 digits; 0 in the certification environment).
    public var numeroResolucion: Int
    /// `FchResol` of the Carátula.
    public var fechaResolucion: CalendarDate
    /// `RutEnvia`: the person whose certificate signs the envelopes (optional; `--envelope` needs it).
    public var rutEnvia: RUT?

    enum CodingKeys: String, CodingKey {
        case rut, razonSocial = "razon_social", giro, actecos, direccion, comuna, ciudad, sucursal
        case codigoSucursalSII = "codigo_sucursal_sii", telefonos, correo, resolucion, rutEnvia = "rut_envia"
    }
    enum ResolucionKeys: String, CodingKey { case numero, fecha }

    /// Makes a profile, checking every field.
    /// - Throws: ``ProfileError/invalid(field:key:value:rule:)`` naming the first field that breaks a rule.
    public init(rut: RUT, razonSocial: String, giro: String, actecos: [Int], direccion: String, comuna: String,
                ciudad: String? = nil, sucursal: String? = nil, codigoSucursalSII: Int? = nil, telefonos: [String] = [],
                correo: String? = nil, numeroResolucion: Int, fechaResolucion: CalendarDate, rutEnvia: RUT? = nil) throws(ProfileError) {
        self.rut = rut; self.razonSocial = razonSocial; self.giro = giro; self.actecos = actecos
        self.direccion = direccion; self.comuna = comuna; self.ciudad = ciudad; self.sucursal = sucursal
        self.codigoSucursalSII = codigoSucursalSII; self.telefonos = telefonos; self.correo = correo
        self.numeroResolucion = numeroResolucion; self.fechaResolucion = fechaResolucion; self.rutEnvia = rutEnvia
        try validate()
    }

    /// Loads and checks a YAML profile.
    public static func load(contentsOf url: URL) throws(ProfileError) -> EmisorProfile {
        let data: Data
        switch BoundedFile.read(url, limit: YAMLBounds.maxBytes) {
        case .success(let d): data = d
        case .failure(let f): throw .unreadable(file: url.path, reason: f.reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: url.path, reason: "not UTF-8 text")
        }
        return try load(yaml: text, source: url.lastPathComponent)
    }

    /// Parses and checks a YAML profile held in memory (`source` names it in errors).
    public static func load(yaml: String, source: String) throws(ProfileError) -> EmisorProfile {
        // On a large stack: Yams recurses per nesting level (see YAMLBounds.onLargeStack).
        try YAMLBounds.onLargeStack { () throws(ProfileError) -> EmisorProfile in try loadHere(yaml: yaml, source: source) }
    }

    private static func loadHere(yaml: String, source: String) throws(ProfileError) -> EmisorProfile {
        let node: Node?
        // Bounds first: Yams recurses per nesting level, and a deep enough text crashes it.
        if let problem = YAMLBounds.problem(in: yaml) { throw .syntax(file: source, reason: problem) }
        do { node = try Yams.compose(yaml: yaml) } catch { throw .syntax(file: source, reason: String(describing: error)) }
        guard let map = node?.mapping else { throw .syntax(file: source, reason: "the top level must be a mapping of keys") }
        var fields: [String: Node] = [:]
        let known = Set(["rut", "razon_social", "giro", "actecos", "direccion", "comuna", "ciudad", "sucursal",
                         "codigo_sucursal_sii", "telefonos", "telefono", "correo", "resolucion", "rut_envia"])
        for (k, v) in map {
            guard let key = k.string else { continue }
            guard known.contains(key) else {
                throw .syntax(file: source, reason: "unknown key '\(key)' (known: \(known.sorted().joined(separator: ", ")))")
            }
            guard fields[key] == nil else { throw .syntax(file: source, reason: "the key '\(key)' appears twice") }
            fields[key] = v
        }
        func text(_ key: String) -> String? {
            guard let s = fields[key]?.scalar?.string else { return nil }
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        func list(_ key: String) -> [String] {
            if let seq = fields[key]?.sequence { return seq.compactMap { $0.scalar?.string } }
            if let s = text(key) { return [s] }
            return []
        }
        func required(_ key: String, _ field: String) throws(ProfileError) -> String {
            guard let v = text(key) else { throw .missing(field: field, key: key) }
            return v
        }
        func rut(_ key: String, _ field: String, _ value: String) throws(ProfileError) -> RUT {
            do { return try RUT(value) } catch {
                throw .invalid(field: field, key: key, value: value, rule: "not a valid RUT (\(error.description))")
            }
        }
        func integer(_ key: String, _ field: String, _ value: String, digits: Int, allowZero: Bool) throws(ProfileError) -> Int {
            guard !value.isEmpty, value.count <= digits, value.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(value),
                  allowZero || n > 0 else {
                throw .invalid(field: field, key: key, value: value,
                               rule: "must be a \(allowZero ? "non-negative" : "positive") whole number of at most \(digits) digits")
            }
            return n
        }

        let rutValue = try rut("rut", "RUTEmisor", try required("rut", "RUTEmisor"))
        var actecos: [Int] = []
        for a in list("actecos") { actecos.append(try integer("actecos", "Acteco", a, digits: 6, allowZero: false)) }
        var telefonos = list("telefonos")
        if telefonos.isEmpty { telefonos = list("telefono") }
        let codigoSucursal = try text("codigo_sucursal_sii").map { (v: String) throws(ProfileError) -> Int in
            try integer("codigo_sucursal_sii", "CdgSIISucur", v, digits: 9, allowZero: false)
        }
        guard let res = fields["resolucion"]?.mapping else { throw .missing(field: "NroResol/FchResol", key: "resolucion") }
        var numeroText: String?, fechaText: String?
        for (k, v) in res {
            switch k.string {
            case "numero": numeroText = v.scalar?.string
            case "fecha": fechaText = v.scalar?.string
            default: throw .syntax(file: source, reason: "unknown key 'resolucion.\(k.string ?? "?")' (known: numero, fecha)")
            }
        }
        guard let numeroText else { throw .missing(field: "NroResol", key: "resolucion.numero") }
        guard let fechaText else { throw .missing(field: "FchResol", key: "resolucion.fecha") }
        let numero = try integer("resolucion.numero", "NroResol", numeroText, digits: 6, allowZero: true)
        let fecha: CalendarDate
        do { fecha = try CalendarDate(fechaText) } catch {
            throw .invalid(field: "FchResol", key: "resolucion.fecha", value: fechaText, rule: "not a date AAAA-MM-DD")
        }
        let envia = try text("rut_envia").map { (v: String) throws(ProfileError) -> RUT in try rut("rut_envia", "RutEnvia", v) }
        return try EmisorProfile(
            rut: rutValue, razonSocial: try required("razon_social", "RznSoc"), giro: try required("giro", "GiroEmis"),
            actecos: actecos, direccion: try required("direccion", "DirOrigen"), comuna: try required("comuna", "CmnaOrigen"),
            ciudad: text("ciudad"), sucursal: text("sucursal"), codigoSucursalSII: codigoSucursal, telefonos: telefonos,
            correo: text("correo"), numeroResolucion: numero, fechaResolucion: fecha, rutEnvia: envia)
    }

    /// Checks every field against the SII's types.
    public func validate() throws(ProfileError) {
        func length(_ field: String, _ key: String, _ value: String?, max: Int, required: Bool = true) throws(ProfileError) {
            guard let value else {
                if required { throw .missing(field: field, key: key) }
                return
            }
            if required, value.isEmpty { throw .missing(field: field, key: key) }
            guard value.count <= max else {
                throw .invalid(field: field, key: key, value: value, rule: "\(value.count) characters, the SII allows \(max)")
            }
            guard XMLText.isLatin1(value) else {
                throw .invalid(field: field, key: key, value: value,
                               rule: "has characters outside ISO-8859-1, the encoding the SII requires")
            }
            guard value.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) else {
                throw .invalid(field: field, key: key, value: value, rule: "contains control characters (line breaks, tabs)")
            }
        }
        try length("RznSoc", "razon_social", razonSocial, max: 100)
        try length("GiroEmis", "giro", giro, max: 80)
        guard (1...4).contains(actecos.count) else {
            throw .invalid(field: "Acteco", key: "actecos", value: actecos.map(String.init).joined(separator: ", "),
                           rule: "\(actecos.count) codes, the SII requires 1 to 4")
        }
        for a in actecos where !(1...999_999).contains(a) {
            throw .invalid(field: "Acteco", key: "actecos", value: String(a), rule: "must be a positive code of at most 6 digits")
        }
        try length("DirOrigen", "direccion", direccion, max: 70)
        try length("CmnaOrigen", "comuna", comuna, max: 20)
        try length("CiudadOrigen", "ciudad", ciudad, max: 20, required: false)
        try length("Sucursal", "sucursal", sucursal, max: 20, required: false)
        if let c = codigoSucursalSII, !(1...999_999_999).contains(c) {
            throw .invalid(field: "CdgSIISucur", key: "codigo_sucursal_sii", value: String(c), rule: "must be a positive code of at most 9 digits")
        }
        guard telefonos.count <= 2 else {
            throw .invalid(field: "Telefono", key: "telefonos", value: telefonos.joined(separator: ", "),
                           rule: "\(telefonos.count) numbers, the SII allows 2")
        }
        for t in telefonos { try length("Telefono", "telefonos", t, max: 20) }
        try length("CorreoEmisor", "correo", correo, max: 80, required: false)
        if let c = correo {
            let parts = c.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !c.contains(" ") else {
                throw .invalid(field: "CorreoEmisor", key: "correo", value: c, rule: "not an e-mail address")
            }
        }
        guard (0...999_999).contains(numeroResolucion) else {
            throw .invalid(field: "NroResol", key: "resolucion.numero", value: String(numeroResolucion),
                           rule: "must be a non-negative number of at most 6 digits")
        }
        let lowest = (try? CalendarDate("2000-01-01")) ?? fechaResolucion
        let highest = (try? CalendarDate("2050-12-31")) ?? fechaResolucion
        guard fechaResolucion >= lowest, fechaResolucion <= highest else {
            throw .invalid(field: "FchResol", key: "resolucion.fecha", value: fechaResolucion.description,
                           rule: "outside 2000-01-01…2050-12-31, the range of the SII's FechaType")
        }
    }

    /// The profile as the DTE's `Emisor`.
    public var emisor: Emisor {
        Emisor(rut: rut, razonSocial: razonSocial, giro: giro, actecos: actecos, telefonos: telefonos, correo: correo,
               sucursal: sucursal, codigoSucursalSII: codigoSucursalSII.map(String.init), direccion: direccion,
               comuna: comuna, ciudad: ciudad)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let r = try c.nestedContainer(keyedBy: ResolucionKeys.self, forKey: .resolucion)
        do {
            try self.init(
                rut: try c.decode(RUT.self, forKey: .rut), razonSocial: try c.decode(String.self, forKey: .razonSocial),
                giro: try c.decode(String.self, forKey: .giro), actecos: try c.decode([Int].self, forKey: .actecos),
                direccion: try c.decode(String.self, forKey: .direccion), comuna: try c.decode(String.self, forKey: .comuna),
                ciudad: try c.decodeIfPresent(String.self, forKey: .ciudad),
                sucursal: try c.decodeIfPresent(String.self, forKey: .sucursal),
                codigoSucursalSII: try c.decodeIfPresent(Int.self, forKey: .codigoSucursalSII),
                telefonos: try c.decodeIfPresent([String].self, forKey: .telefonos) ?? [],
                correo: try c.decodeIfPresent(String.self, forKey: .correo),
                numeroResolucion: try r.decode(Int.self, forKey: .numero),
                fechaResolucion: try r.decode(CalendarDate.self, forKey: .fecha),
                rutEnvia: try c.decodeIfPresent(RUT.self, forKey: .rutEnvia))
        } catch let e as ProfileError {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: e.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rut, forKey: .rut); try c.encode(razonSocial, forKey: .razonSocial); try c.encode(giro, forKey: .giro)
        try c.encode(actecos, forKey: .actecos); try c.encode(direccion, forKey: .direccion); try c.encode(comuna, forKey: .comuna)
        try c.encodeIfPresent(ciudad, forKey: .ciudad); try c.encodeIfPresent(sucursal, forKey: .sucursal)
        try c.encodeIfPresent(codigoSucursalSII, forKey: .codigoSucursalSII)
        if !telefonos.isEmpty { try c.encode(telefonos, forKey: .telefonos) }
        try c.encodeIfPresent(correo, forKey: .correo)
        var r = c.nestedContainer(keyedBy: ResolucionKeys.self, forKey: .resolucion)
        try r.encode(numeroResolucion, forKey: .numero); try r.encode(fechaResolucion, forKey: .fecha)
        try c.encodeIfPresent(rutEnvia, forKey: .rutEnvia)
    }
}
