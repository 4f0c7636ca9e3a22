import DTECore
@testable import DTESkeleton
import Foundation
import DTEKitTestSupport

/// Throwaway signing material made with the `openssl` CLI once per test run, plus the SII data.
enum Fixtures {
    struct Credentials: Sendable {
        let directory: URL
        var keyPEM: URL { directory.appendingPathComponent("key.pem") }
        var certPEM: URL { directory.appendingPathComponent("cert.pem") }
        var p12: URL { directory.appendingPathComponent("cert.p12") }
        /// The same, encrypted with RC2/3DES as older Chilean CA certificates are (OpenSSL 3 "legacy").
        var legacyP12: URL { directory.appendingPathComponent("legacy.p12") }
        static let p12Password = "clave-de-prueba"
    }

    enum Failure: Error, CustomStringConvertible {
        case openssl(String)
        var description: String { switch self { case let .openssl(s): return "openssl failed: \(s)" } }
    }

    /// A 2048-bit RSA key, a self-signed certificate for it, and a PKCS#12 of both.
    static let credentials: Result<Credentials, Error> = Result {
        let dir = try TestSupport.temporaryDirectory("dtekit-skeleton-cred")
        let c = Credentials(directory: dir)
        let r1 = try TestSupport.run(tool: "openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", c.keyPEM.path,
                                                       "-out", c.certPEM.path, "-days", "30", "-subj", "/CN=FIRMANTE DE PRUEBA/serialNumber=17605402-6"])
        guard r1.status == 0 else { throw Failure.openssl(r1.stderrText) }
        let r2 = try TestSupport.run(tool: "openssl", ["pkcs12", "-export", "-inkey", c.keyPEM.path, "-in", c.certPEM.path,
                                                       "-out", c.p12.path, "-passout", "pass:" + Credentials.p12Password])
        guard r2.status == 0 else { throw Failure.openssl(r2.stderrText) }
        let r3 = try TestSupport.run(tool: "openssl", ["pkcs12", "-export", "-legacy", "-inkey", c.keyPEM.path, "-in", c.certPEM.path,
                                                       "-out", c.legacyP12.path, "-passout", "pass:" + Credentials.p12Password])
        guard r3.status == 0 else { throw Failure.openssl(r3.stderrText) }
        return c
    }

    static func identity() throws -> SigningIdentity {
        let c = try credentials.get()
        return try SigningIdentity(keyFile: c.keyPEM, certificateFile: c.certPEM)
    }

    static func profile() throws -> EmisorProfile {
        try EmisorProfile.load(contentsOf: TestSupport.samplesDirectory.appendingPathComponent("emisor.yaml"))
    }

    /// The certification CAF of a type, or (43) a self-made test CAF.
    static func caf(for type: DocumentType) throws -> CAF {
        if type == .liquidacionFactura { return try CAF.makeTestCAF(type: type, emisor: try profile().rut) }
        return try CAF.load(contentsOf: try TestSupport.siiCAF(type: type.code))
    }

    static func validator(_ kind: SchemaKind) throws -> SchemaValidator {
        try SchemaValidator(schemaDirectory: try TestSupport.siiSchemas(), schema: kind)
    }

    static let fixedDate: CalendarDate = {
        do { return try CalendarDate("2025-06-19") } catch { fatalError("fixed test date") }
    }()
    static let timestamp = "2025-06-19T10:30:00"

    /// Runs `xmlsec1 --verify` on a file, with the SII's ID attributes declared; `xpath` picks the
    /// Signature (default: the first one in document order).
    static func xmlsecVerify(_ file: URL, xpath: String? = nil) throws -> TestSupport.RunResult {
        let c = try credentials.get()
        var args = ["--verify", "--pubkey-cert-pem", c.certPEM.path]
        for el in ["Documento", "Liquidacion", "Exportaciones", "SetDTE"] {
            args += ["--id-attr:ID", "http://www.sii.cl/SiiDte:" + el]
        }
        if let xpath { args += ["--node-xpath", xpath] }
        args.append(file.path)
        return try TestSupport.run(tool: "xmlsec1", args)
    }
}
