import DTEKit
import Foundation
import Yams

/// The onboarding service's steps as plain functions over the request's fields (no HTTP here):
/// printout previews while a company personalises its template, printouts of DTE files, and the
/// cédula check. The routes (``ServerApp``) only move bytes in and out.
///
/// Thread-safe and immutable: the shipped templates' directory and one stamped sample document
/// per DTE type (made at start with self-made test CAFs, so previews need no XML upload).
public final class OnboardingService: Sendable {
    /// Caps per field (the issue's contract): images 10 MiB, XML 2 MiB, templates 64 KiB.
    public enum Limits {
        public static let image = 10 << 20
        public static let xml = 2 << 20
        public static let template = 64 << 10
        public static let logo = 8 << 20
        /// The whole body of one request.
        public static let body = 24 << 20
    }

    public let templatesDirectory: URL
    private let samples: [Int: DTEDocument]
    /// The samples as written (boletas inside an EnvioBOLETA, as the SII requires).
    private let sampleFiles: [Int: [UInt8]]
    /// Printouts of recent requests' templates and logos.
    let printouts = PrintoutCache()

    /// - Parameter templatesDirectory: the shipped templates; default `$DTEKIT_TEMPLATES`,
    ///   `./Templates`, or the repository's `Templates/`.
    public init(templatesDirectory: URL? = nil) throws {
        self.templatesDirectory = templatesDirectory ?? OnboardingService.defaultTemplates()
        (self.samples, self.sampleFiles) = try OnboardingService.makeSamples()
    }

    // MARK: Templates

    /// The shipped templates: name and paper.
    public func templates() -> [[String: String]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return names.compactMap { file -> [String: String]? in
            let name = String(file.dropLast(5))
            guard let t = try? PrintTemplate.named(name, in: templatesDirectory) else { return nil }
            return ["name": name, "paper": t.paper.rawValue]
        }
    }

    // MARK: Previews

    /// `POST /v1/previews`: `template` (a shipped name or YAML), `overrides` (JSON merged over
    /// the template), `logo`, `xml` (optional; default the built-in sample of `type`, 33), `page`
    /// (1-based). `pdf` chooses the PDF instead of the page as PNG.
    public func preview(_ form: FormData, pdf: Bool) throws(ServiceError) -> ServiceFile {
        let printout = try makePrintout(form)
        let document = try documents(form, sampleType: true)[0]
        let problems: [PreflightViolation]
        do { problems = try printout.preflight(for: document) } catch { throw unprocessable(error) }
        if !problems.isEmpty {
            throw .unprocessable("the printout breaks SII print rules",
                                 problems: problems.map { ["rule": $0.rule, "message": $0.message] })
        }
        do {
            if pdf { return ServiceFile(data: try printout.pdf(for: document), contentType: "application/pdf", filename: "preview.pdf") }
            let pages = try printout.png(for: document, dpi: 100)
            let page = Int(form.text("page") ?? "1") ?? 0
            guard pages.indices.contains(page - 1) else { throw ServiceError.badRequest("page must be 1…\(pages.count)") }
            return ServiceFile(data: pages[page - 1], contentType: "image/png", filename: "preview-p\(page).png")
        } catch let e as ServiceError { throw e } catch { throw unprocessable(error) }
    }

    // MARK: Printouts

    /// `POST /v1/printouts`: `xml` (file), `template`, `logo`, `copy` (`tributaria`|`cedible`) →
    /// the PDF for one document, a ZIP of PDFs for an envelope.
    public func printouts(_ form: FormData) throws(ServiceError) -> ServiceFile {
        guard form.first("xml") != nil else { throw .badRequest("the field 'xml' (a DTE, EnvioDTE or EnvioBOLETA file) is required") }
        let copy = try copyKind(form.text("copy"))
        let printout = try makePrintout(form)
        let docs = try documents(form, sampleType: false)
        do {
            var files: [(name: String, data: Data)] = []
            for d in docs {
                let name = try OutputNaming.fileName(for: d, copy: copy, extension: "pdf")
                var unique = name, n = 2
                while files.contains(where: { $0.name == unique }) { unique = String(name.dropLast(4)) + "-\(n).pdf"; n += 1 }
                files.append((unique, try printout.pdf(for: d, copy: copy)))
            }
            if files.count == 1 { return ServiceFile(data: files[0].data, contentType: "application/pdf", filename: files[0].name) }
            return ServiceFile(data: StoredZip.archive(files), contentType: "application/zip", filename: "printouts.zip")
        } catch { throw unprocessable(error) }
    }

    // MARK: ID checks

    /// `POST /v1/id-checks`: `image` (one or two images, or one PDF), `run`, `on` → the report
    /// JSON of `dtekit check-id --json`'s document check.
    public func idCheck(_ form: FormData) throws(ServiceError) -> ServiceFile {
        let images = form.all("image")
        guard !images.isEmpty else { throw .badRequest("the field 'image' (one or two images, or a PDF) is required") }
        guard images.count <= 2 else { throw .badRequest("at most two images (front and back), or one PDF") }
        for i in images where i.data.count > Limits.image {
            throw .tooLarge("image '\(i.filename ?? "image")' has \(i.data.count) bytes; at most \(Limits.image)")
        }
        // A field that is present must be valid (an empty `on` is not "today").
        var run: RUT? = nil
        if let part = form.first("run") {
            do { run = try RUT(part.text.trimmingCharacters(in: .whitespaces)) } catch { throw .badRequest("run: \(error)") }
        }
        var on = CedulaDate.today()
        if let part = form.first("on") {
            let text = part.text.trimmingCharacters(in: .whitespaces)
            guard let d = CedulaDate(iso: text) else { throw .badRequest("on: '\(text)' is not a date YYYY-MM-DD") }
            on = d
        }
        let report = CedulaCheck(expectedRUN: run, referenceDate: on).check(images.map(\.data))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(report) else { throw .unprocessable("the report could not be encoded") }
        return ServiceFile(data: json, contentType: "application/json")
    }

    // MARK: Skeletons

    /// `POST /v1/skeletons`: `emisor` (the profile YAML, file or text), `types` ("33,34,61"),
    /// `caf` (repeatable CAF files; each must be one the SII issued), `certificate` (PKCS#12) with
    /// `password` (signs the documents), `test_caf` ("true": self-made test CAFs for types without
    /// one, for trying printouts) → a ZIP of one XML per type. Nothing of the request is kept or
    /// logged: the certificate and its password live only in this call.
    public func skeletons(_ form: FormData) throws(ServiceError) -> ServiceFile {
        guard let emisor = form.first("emisor"), !emisor.data.isEmpty else { throw .badRequest("the field 'emisor' (the emisor profile YAML) is required") }
        guard emisor.data.count <= Limits.template else { throw .tooLarge("the emisor profile has more than \(Limits.template) bytes") }
        let profile: EmisorProfile
        do { profile = try EmisorProfile.load(yaml: emisor.text, source: emisor.filename ?? "emisor") } catch { throw .unprocessable(error.description) }
        let types: [DocumentType]
        do { types = try SkeletonBuilder.parseTypes(form.text("types") ?? "") } catch { throw .badRequest("types: \(error)") }
        var cafs: [CAF] = []
        for part in form.all("caf") {
            let name = part.filename ?? "caf"
            guard part.data.count <= 64 << 10 else { throw .tooLarge("CAF '\(name)' has more than 64 KiB") }
            let caf: CAF
            do { caf = try CAF(bytes: [UInt8](part.data), source: name) } catch { throw .unprocessable("CAF '\(name)': \(error)") }
            guard caf.isAuthorizedBySII else {
                throw .unprocessable("CAF '\(name)': its FRMA is not a valid SII signature (tampered, or not issued by the SII)")
            }
            cafs.append(caf)
        }
        if form.text("test_caf") == "true" {
            for t in types where !cafs.contains(where: { $0.data.tipoDTE == t.code }) {
                do { cafs.append(try CAF.makeTestCAF(type: t, emisor: profile.rut)) } catch { throw .unprocessable(String(describing: error)) }
            }
        }
        var identity: SigningIdentity? = nil
        if let cert = form.first("certificate"), !cert.data.isEmpty {
            guard cert.data.count <= 64 << 10 else { throw .tooLarge("the certificate has more than 64 KiB") }
            do { identity = try SigningIdentity(pkcs12: [UInt8](cert.data), password: form.first("password")?.text ?? "", source: cert.filename ?? "certificate") }
            catch { throw .unprocessable(error.description) }
        }
        do {
            let outputs = try SkeletonBuilder(profile: profile, cafs: cafs, identity: identity).build(types: types)
            return ServiceFile(data: StoredZip.archive(outputs.map { ($0.fileName, Data($0.xml)) }),
                               contentType: "application/zip", filename: "skeletons.zip")
        } catch { throw unprocessable(error) }
    }

    // MARK: Samples

    /// `GET /v1/samples/{type}.xml`: the built-in sample a preview of `type` shows (stamped with a
    /// self-made test CAF: for looking, never for the SII).
    public func sampleXML(_ name: String) throws(ServiceError) -> ServiceFile {
        guard name.hasSuffix(".xml"), let code = Int(name.dropLast(4)), let bytes = sampleFiles[code] else {
            throw .badRequest("no sample '\(name)' (types: \(samples.keys.sorted().map(String.init).joined(separator: ", ")))")
        }
        return ServiceFile(data: Data(bytes), contentType: "application/xml; charset=ISO-8859-1", filename: name)
    }

    // MARK: Template export

    /// `POST /v1/templates/export`: `template` and `overrides` as for a preview → the merged
    /// template YAML, checked the way `dtekit render --template` checks it (the logo goes with
    /// `--logo`: a file uploaded here is not part of the YAML).
    public func exportTemplate(_ form: FormData) throws(ServiceError) -> ServiceFile {
        _ = try makePrintout(form)                       // the same checks as a preview
        var yaml = try templateYAML(form)
        yaml = "# Plantilla DTEKit personalizada: dtekit render --template plantilla.yaml --logo SU-LOGO.png …\n" + yaml
        return ServiceFile(data: Data(yaml.utf8), contentType: "application/yaml; charset=utf-8", filename: "plantilla.yaml")
    }

    /// The page at `/` (Server/Public/index.html), read once.
    public func page() -> Data { OnboardingService.indexPage }

    private static let indexPage: Data = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Public/index.html")
        return (try? Data(contentsOf: url)) ?? Data("<!doctype html><title>DTEKit</title><p>Public/index.html is missing.".utf8)
    }()

    // MARK: OpenAPI

    /// The committed OpenAPI 3.1 document (`Server/openapi.yaml`), read once.
    public func openAPIDocument() -> Data { OnboardingService.openAPI }

    private static let openAPI: Data = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("openapi.yaml")
        return (try? Data(contentsOf: url)) ?? Data("openapi: 3.1.0\ninfo: {title: DTEKit, version: 0.1.0}\npaths: {}\n".utf8)
    }()

    // MARK: Shared steps

    private func copyKind(_ text: String?) throws(ServiceError) -> CopyKind {
        guard let text else { return .tributaria }
        guard let c = CopyKind(rawValue: text) else { throw .badRequest("copy must be tributaria or cedible, not '\(text)'") }
        return c
    }

    /// The template's YAML: a shipped name's file or the YAML given, with the overrides merged.
    func templateYAML(_ form: FormData) throws(ServiceError) -> String {
        let spec = form.text("template") ?? "carta"
        guard spec.utf8.count <= Limits.template else { throw .tooLarge("the template has more than \(Limits.template) bytes") }
        var yaml: String
        if spec.range(of: #"^[a-z0-9][a-z0-9-]{0,40}$"#, options: .regularExpression) != nil {
            let url = templatesDirectory.appendingPathComponent(spec + ".yaml")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw .unprocessable("no shipped template '\(spec)' (GET /v1/templates lists them)")
            }
            yaml = text
        } else {
            yaml = spec
        }
        if let overrides = form.text("overrides"), overrides != "{}" {
            yaml = try OnboardingService.merge(yaml, overrides: overrides)
        }
        return yaml
    }

    /// The template (name or YAML, with JSON overrides) and the logo, ready to render.
    func makePrintout(_ form: FormData) throws(ServiceError) -> Printout {
        let yaml = try templateYAML(form)
        var logoData: Data? = nil
        if let part = form.first("logo"), !part.data.isEmpty {
            guard part.data.count <= Limits.logo else { throw .tooLarge("the logo has \(part.data.count) bytes; at most \(Limits.logo)") }
            logoData = part.data
        }
        return try printouts.printout(for: .init(yaml: yaml, logo: logoData)) { () throws(ServiceError) -> Printout in
            let template: PrintTemplate
            do { template = try PrintTemplate.load(yaml: yaml, source: "template", baseDirectory: nil) } catch {
                throw .unprocessable(String(describing: error))
            }
            if let logoData {
                let logo: Logo
                do { logo = try Logo(data: logoData, source: form.first("logo")?.filename ?? "logo") } catch { throw .unprocessable(String(describing: error)) }
                do { return try Printout(template: template, logo: logo) } catch { throw .unprocessable(String(describing: error)) }
            }
            var t = template
            t.logo.file = nil          // a file path in uploaded YAML is never read on the server
            do { return try Printout(template: t) } catch { throw .unprocessable(String(describing: error)) }
        }
    }

    /// The documents of the `xml` field, or (when `sampleType`) the built-in sample of `type`.
    func documents(_ form: FormData, sampleType: Bool) throws(ServiceError) -> [DTEDocument] {
        if let part = form.first("xml"), !part.data.isEmpty {
            guard part.data.count <= Limits.xml else { throw .tooLarge("the XML has \(part.data.count) bytes; at most \(Limits.xml)") }
            do {
                let envelope = try DTEReader.forPrinting.read(part.data, source: part.filename ?? "xml")
                guard !envelope.documents.isEmpty else { throw ServiceError.unprocessable("the XML holds no document") }
                return envelope.documents
            } catch let e as ServiceError { throw e } catch { throw unprocessable(error) }
        }
        guard sampleType else { throw .badRequest("the field 'xml' is required") }
        let code = Int(form.text("type") ?? "33") ?? -1
        guard let doc = samples[code] else {
            throw .badRequest("type must be one of \(samples.keys.sorted().map(String.init).joined(separator: ", "))")
        }
        return [doc]
    }

    private func unprocessable(_ error: any Error) -> ServiceError { .unprocessable(String(describing: error)) }

    /// `overrides` (a JSON object) merged key by key over the template's YAML mapping.
    static func merge(_ yaml: String, overrides: String) throws(ServiceError) -> String {
        guard let o = try? JSONSerialization.jsonObject(with: Data(overrides.utf8)), let patch = o as? [String: Any] else {
            throw .badRequest("overrides must be a JSON object")
        }
        guard let loaded = try? Yams.load(yaml: yaml), let base = loaded as? [String: Any] else {
            throw .unprocessable("the template is not a YAML mapping")
        }
        func merged(_ a: [String: Any], _ b: [String: Any]) -> [String: Any] {
            var out = a
            for (k, v) in b {
                if let bv = v as? [String: Any], let av = a[k] as? [String: Any] { out[k] = merged(av, bv) } else { out[k] = v }
            }
            return out
        }
        guard let text = try? Yams.dump(object: normalised(merged(base, patch))) else { throw .badRequest("overrides cannot be applied") }
        return text
    }

    /// JSON numbers and booleans arrive as NSNumber: give Yams plain Swift values.
    private static func normalised(_ value: Any) -> Any {
        switch value {
        case let d as [String: Any]: return d.mapValues(normalised)
        case let a as [Any]: return a.map(normalised)
        case let b as Bool where type(of: value) == Bool.self: return b
        case let n as NSNumber:
            if n.doubleValue.rounded() == n.doubleValue, abs(n.doubleValue) < 1e15 { return n.intValue }
            return n.doubleValue
        default: return value
        }
    }

    // MARK: Set-up

    static func defaultTemplates() -> URL {
        if let env = ProcessInfo.processInfo.environment["DTEKIT_TEMPLATES"] { return URL(fileURLWithPath: env) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Templates")
        if FileManager.default.fileExists(atPath: cwd.appendingPathComponent("carta.yaml").path) { return cwd }
        // Server/Sources/DTEKitServer/ → the repository's Templates/
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
    }

    /// The sample emisor of the previews: obviously an example.
    static let sampleEmisor = """
        rut: 76354771-K
        razon_social: EMPRESA DE EJEMPLO SPA
        giro: SERVICIOS DE EJEMPLO
        actecos: [620200]
        direccion: AVENIDA EJEMPLO 1234
        comuna: SANTIAGO
        ciudad: SANTIAGO
        correo: facturacion@ejemplo.cl
        resolucion: {numero: 0, fecha: 2025-01-01}
        """

    /// One stamped skeleton per type (self-made test CAFs): what a preview shows without an upload.
    static func makeSamples() throws -> ([Int: DTEDocument], [Int: [UInt8]]) {
        let profile = try EmisorProfile.load(yaml: sampleEmisor, source: "sample-emisor")
        let types = DocumentType.allCases
        let cafs = try types.map { try CAF.makeTestCAF(type: $0, emisor: profile.rut) }
        let date = try CalendarDate(year: 2026, month: 1, day: 15)
        let outputs = try SkeletonBuilder(profile: profile, cafs: cafs, options: SkeletonOptions(fechaEmision: date),
                                          timestamp: "2026-01-15T10:00:00").build(types: types)
        var out: [Int: DTEDocument] = [:], files: [Int: [UInt8]] = [:]
        for o in outputs {
            if let d = try DTEReader().read(Data(o.xml), source: o.fileName).documents.first {
                out[d.type.code] = d
                files[d.type.code] = o.xml
            }
        }
        return (out, files)
    }
}
