import ArgumentParser
import DTEKit
import Foundation

/// `dtekit skeleton`: complete DTE XML skeletons for the selected types.
struct SkeletonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skeleton",
        abstract: "Writes a schema-complete DTE XML skeleton per document type (T33.xml, …).",
        discussion: """
        Each file has the emisor's data from --emisor, example values that say so \
        ("RECEPTOR DE EJEMPLO SPA") and totals computed the SII's way. With --caf the document \
        is stamped (TED); with --cert (PKCS#12) or --key/--cert-pem it is signed (XMLDSig). \
        Boletas (39, 41) are always written inside an EnvioBOLETA; --envelope wraps the other \
        types in an EnvioDTE. Nothing is written when any type fails.
        """)

    @Option(name: .long, help: "Emisor profile (YAML).")
    var emisor: String

    @Option(name: .long, help: "Comma-separated DTE type codes, e.g. 33,34,39,52,61.")
    var types: String

    @Option(name: .long, help: "Output directory (default: current directory).")
    var out: String = "."

    @Option(name: .long, parsing: .upToNextOption, help: "CAF file(s) to stamp with (one per type).")
    var caf: [String] = []

    @Flag(name: .customLong("allow-unverified-caf"), help: "Stamp with --caf files whose FRMA is not a valid SII signature (development only).")
    var allowUnverifiedCAF = false

    @Option(name: .customLong("test-caf"), help: ArgumentHelp(
        "Comma-separated types to stamp with a self-made CAF DE PRUEBA (development only, e.g. 43, for which the SII's certification set has no CAF).",
        valueName: "types"))
    var testCAF: String?

    @Option(name: .long, help: "PKCS#12 certificate (.p12/.pfx) to sign with.")
    var cert: String?

    @Option(name: .customLong("cert-password-env"), help: "Name of the environment variable holding the PKCS#12 password.")
    var certPasswordEnv: String?

    @Option(name: .long, help: "PEM private key to sign with (with --cert-pem).")
    var key: String?

    @Option(name: .customLong("cert-pem"), help: "PEM certificate matching --key.")
    var certPem: String?

    @Flag(name: .long, help: "Wrap each document in an EnvioDTE with its Carátula (boletas always go in an EnvioBOLETA).")
    var envelope = false

    @Option(name: .customLong("one-envelope"), help: ArgumentHelp(
        "Put all types in one EnvioDTE/EnvioBOLETA written as this file name instead of one file per type.",
        valueName: "name.xml"))
    var oneEnvelope: String?

    @Option(name: .long, help: "IndTraslado of the guía (52), 1–9 (default 1, operación constituye venta).")
    var traslado: Int = 1

    @Option(name: .long, help: "Folio (default: the CAF's first folio, or 1).")
    var folio: Int64?

    @Option(name: .long, help: "Fecha de emisión AAAA-MM-DD (default: today in Chile).")
    var fecha: String?

    @Option(name: .long, help: "Timestamp AAAA-MM-DDTHH:MM:SS for TSTED/TmstFirma (default: now in Chile).")
    var timestamp: String?

    func run() throws {
        do {
            try generate()
        } catch {
            let text = String(describing: error)
            FileHandle.standardError.write(Data("error: \(text)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func generate() throws {
        let profile = try EmisorProfile.load(contentsOf: URL(fileURLWithPath: emisor))
        let typeList = try SkeletonBuilder.parseTypes(types)
        guard let traslado = Traslado(rawValue: traslado) else {
            throw SkeletonError.invalidOption(name: "--traslado", value: String(self.traslado), rule: "must be 1–9")
        }
        var options = SkeletonOptions(traslado: traslado)
        if let folio { options.folio = folio }
        if let fecha { options.fechaEmision = try CalendarDate(fecha) }
        var cafs = try caf.map { try CAF.load(contentsOf: URL(fileURLWithPath: $0)) }
        // A CAF whose FRMA does not verify with the SII key of its IDK was tampered with (a
        // widened folio range, another RUT) or not issued by the SII: its folios are worthless.
        // (Checked on the CAFs just read: one read of each file, by DTECore's CAF reader.)
        for (path, loaded) in zip(caf, cafs) where !allowUnverifiedCAF {
            guard loaded.isAuthorizedBySII else {
                throw SkeletonError.invalidOption(name: "--caf", value: path,
                    rule: "its FRMA is not a valid SII signature for IDK \(loaded.data.idk) (tampered, or not issued by the SII); --allow-unverified-caf uses it anyway")
            }
        }
        if let testCAF {
            for t in try SkeletonBuilder.parseTypes(testCAF) {
                guard !cafs.contains(where: { $0.data.tipoDTE == t.code }) else {
                    throw SkeletonError.invalidOption(name: "--test-caf", value: String(t.code), rule: "a real CAF for this type was given with --caf")
                }
                cafs.append(try CAF.makeTestCAF(type: t, emisor: profile.rut))
                FileHandle.standardError.write(Data("warning: T\(t.code).xml is stamped with a TEST CAF made here (not issued by the SII): good for trying printouts, the SII refuses it\n".utf8))
            }
        }
        var identity: SigningIdentity?
        if let cert {
            guard let v = certPasswordEnv else {
                throw SkeletonError.invalidOption(name: "--cert", value: cert, rule: "needs --cert-password-env VAR naming the variable with its password")
            }
            guard let password = ProcessInfo.processInfo.environment[v] else {
                throw SkeletonError.invalidOption(name: "--cert-password-env", value: v, rule: "the environment variable is not set")
            }
            identity = try SigningIdentity(pkcs12: URL(fileURLWithPath: cert), password: password)
        } else if let key {
            guard let certPem else {
                throw SkeletonError.invalidOption(name: "--key", value: key, rule: "needs --cert-pem with the matching certificate")
            }
            identity = try SigningIdentity(keyFile: URL(fileURLWithPath: key), certificateFile: URL(fileURLWithPath: certPem))
        } else if certPem != nil {
            throw SkeletonError.invalidOption(name: "--cert-pem", value: certPem ?? "", rule: "needs --key with the private key")
        }
        let builder = SkeletonBuilder(profile: profile, cafs: cafs, identity: identity, envelope: envelope,
                                      options: options, timestamp: timestamp)
        let outputs: [SkeletonOutput]
        if let oneEnvelope {
            guard !oneEnvelope.isEmpty, !oneEnvelope.contains("/"), !oneEnvelope.hasPrefix("."), oneEnvelope.hasSuffix(".xml") else {
                throw SkeletonError.invalidOption(name: "--one-envelope", value: oneEnvelope, rule: "must be a plain file name ending in .xml")
            }
            outputs = [try builder.buildSingleEnvelope(types: typeList, fileName: oneEnvelope)]
        } else {
            outputs = try builder.build(types: typeList)
        }
        let written = try SkeletonBuilder.write(outputs, to: URL(fileURLWithPath: out))
        for (o, url) in zip(outputs, written) {
            var notes: [String] = []
            if !o.stamped { notes.append("not stamped (no TED): use --caf") }
            if !o.signed { notes.append("NOT SIGNED (no XMLDSig): use --cert or --key/--cert-pem") }
            if !notes.isEmpty {
                FileHandle.standardError.write(Data("warning: \(o.fileName): \(notes.joined(separator: "; ")); the SII schema requires TED and Signature, this file does not validate until it has them\n".utf8))
            }
            print(url.path)
        }
        if profile.rutEnvia == nil, outputs.contains(where: \.envelope) {
            FileHandle.standardError.write(Data("warning: the profile has no rut_envia; the Carátula uses the emisor's RUT as RutEnvia\n".utf8))
        }
    }
}
