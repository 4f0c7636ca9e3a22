import DTECore
import Foundation
import Testing
import DTEKitTestSupport

/// `dtekit skeleton` end to end: output files, warnings, and every bad input refused with a clear
/// message and nothing written.
@Suite("dtekit skeleton")
struct SkeletonCLITests {
    func emisorFile(_ yaml: String? = nil, in dir: URL) throws -> String {
        let sample = TestSupport.samplesDirectory.appendingPathComponent("emisor.yaml")
        guard let yaml else { return sample.path }
        let url = dir.appendingPathComponent("emisor.yaml")
        try Data(yaml.utf8).write(to: url)
        return url.path
    }

    func files(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    @Test("stamped and signed with a PKCS#12: one valid file per type")
    func signedRun() throws {
        let c = try Fixtures.credentials.get()
        let dir = try TestSupport.temporaryDirectory("dtekit-skel-cli")
        let out = dir.appendingPathComponent("out")
        let r = try TestSupport.dtekit(
            ["skeleton", "--emisor", try emisorFile(in: dir), "--types", "33,39,52", "--out", out.path,
             "--caf", try TestSupport.siiCAF(type: 33).path, try TestSupport.siiCAF(type: 39).path, try TestSupport.siiCAF(type: 52).path,
             "--cert", c.p12.path, "--cert-password-env", "DTEKIT_TEST_P12_PASSWORD", "--traslado", "5",
             "--fecha", "2025-06-19", "--timestamp", Fixtures.timestamp],
            environment: ["DTEKIT_TEST_P12_PASSWORD": Fixtures.Credentials.p12Password])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(files(in: out) == ["T33.xml", "T39.xml", "T52.xml"])
        #expect(!r.stderrText.contains("NOT SIGNED"))
        for f in ["T33.xml", "T39.xml", "T52.xml"] {
            let data = try Data(contentsOf: out.appendingPathComponent(f))
            let kind = try #require(SchemaValidator.kind(forRootOf: data))
            #expect(try Fixtures.validator(kind).validate(data, source: f).isEmpty)
            #expect(try Fixtures.xmlsecVerify(out.appendingPathComponent(f)).status == 0)
        }
        let guia = try DTEReader().read(contentsOf: out.appendingPathComponent("T52.xml"))
        #expect(guia.documents.first?.idDoc.indTraslado == .trasladoInterno)
    }

    @Test("unsigned output says so on stderr")
    func unsigned() throws {
        let dir = try TestSupport.temporaryDirectory("dtekit-skel-cli")
        let r = try TestSupport.dtekit(["skeleton", "--emisor", try emisorFile(in: dir), "--types", "34", "--out", dir.path])
        #expect(r.status == 0)
        #expect(r.stderrText.contains("T34.xml") && r.stderrText.contains("NOT SIGNED"))
        let text = String(decoding: try Data(contentsOf: dir.appendingPathComponent("T34.xml")), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"))
    }

    /// Issue 13: skeletons are written through the package's one writer (`O_EXCL` temporaries,
    /// fsync, rename): a symlink at an output name is replaced, not written through, and a write
    /// that fails (here the file-size limit, as a full disk would) leaves nothing behind.
    @Test("skeleton replaces a symlink at the output name; a failed write leaves nothing and says so")
    func writesAreConfinedAndAllOrNothing() throws {
        let dir = try TestSupport.temporaryDirectory("dtekit-skel-write")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), outside = dir.appendingPathComponent("fuera.txt")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("no tocar".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("T34.xml").path, withDestinationPath: outside.path)
        let r = try TestSupport.dtekit(["skeleton", "--emisor", try emisorFile(in: dir), "--types", "34", "--out", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "no tocar", "the symlink's target is untouched")
        let attrs = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("T34.xml").path)
        #expect(attrs[.type] as? FileAttributeType == .typeRegular)

        let full = dir.appendingPathComponent("full")
        let script = "ulimit -f 2; trap '' XFSZ; exec \"$0\" \"$@\""
        let f = try TestSupport.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script, TestSupport.dtekitBinary().path,
                                    "skeleton", "--emisor", try emisorFile(in: dir), "--types", "33,34,52", "--out", full.path])
        #expect(f.status != 0)
        #expect(f.stderrText.contains("nothing was written") && !f.stderrText.contains("Error Domain"), "\(f.stderrText)")
        #expect(files(in: full).isEmpty, "\(files(in: full))")
    }

    struct BadCase: Sendable, CustomStringConvertible {
        var name: String
        var yaml: String?
        var args: [String]
        var message: String
        var description: String { name }
    }

    static func badCases() throws -> [BadCase] {
        let sample = try String(contentsOf: TestSupport.samplesDirectory.appendingPathComponent("emisor.yaml"), encoding: .utf8)
        let caf33 = try TestSupport.siiCAF(type: 33).path, caf34 = try TestSupport.siiCAF(type: 34).path
        // The same CAF with its folio range widened 1–20 → 1–99: its FRMA no longer verifies.
        let original = try Data(contentsOf: URL(fileURLWithPath: caf33))
        let widened = Data([UInt8](original).replacing([UInt8]("<H>20</H>".utf8), with: [UInt8]("<H>99</H>".utf8)))
        let tampered = try TestSupport.temporaryDirectory("caf-tampered").appendingPathComponent("CAF-33-ampliado.xml")
        try widened.write(to: tampered)
        return [
            BadCase(name: "invalid RUT", yaml: sample.replacingOccurrences(of: "rut: 76235291-5", with: "rut: 76235291-4"),
                    args: ["--types", "33"], message: "RUTEmisor: not a valid RUT"),
            BadCase(name: "over-long field",
                    yaml: sample.replacingOccurrences(of: "razon_social: Diseño y Entretenimientos Within Play Ltda.",
                                                      with: "razon_social: " + String(repeating: "R", count: 112)),
                    args: ["--types", "33"], message: "RznSoc: 112 characters, the SII allows 100"),
            BadCase(name: "unknown type 99", args: ["--types", "33,99"], message: "document type 99 is not supported"),
            BadCase(name: "CAF of another type", args: ["--types", "33", "--caf", caf34], message: "this CAF authorises type 34"),
            BadCase(name: "folio outside the CAF", args: ["--types", "33", "--caf", caf33, "--folio", "25"],
                    message: "folio 25 is outside the CAF's range 1–20"),
            BadCase(name: "wrong certificate password", args: ["--types", "33", "--cert", "P12", "--cert-password-env", "DTEKIT_TEST_P12_PASSWORD"],
                    message: "wrong password for the PKCS#12 certificate"),
            BadCase(name: "bad traslado", args: ["--types", "52", "--traslado", "12"], message: "--traslado = 12: must be 1–9"),
            BadCase(name: "tampered CAF", args: ["--types", "33", "--caf", tampered.path],
                    message: "its FRMA is not a valid SII signature for IDK 100"),
        ]
    }

    @Test("bad input: clear error, exit 1, nothing written", arguments: 0..<8)
    func bad(index: Int) throws {
        let cases = try Self.badCases()
        let c = try #require(cases.count > index ? cases[index] : nil)
        let cred = try Fixtures.credentials.get()
        let dir = try TestSupport.temporaryDirectory("dtekit-skel-cli")
        let out = dir.appendingPathComponent("out")
        let args = c.args.map { $0 == "P12" ? cred.p12.path : $0 }
        let r = try TestSupport.dtekit(["skeleton", "--emisor", try emisorFile(c.yaml, in: dir), "--out", out.path,
                                        "--types", "34"].dropLast(2) + args,
                                       environment: ["DTEKIT_TEST_P12_PASSWORD": "not-the-password"])
        #expect(r.status == 1, "\(c.name): \(r.stderrText)")
        #expect(r.stderrText.contains(c.message), "\(c.name): \(r.stderrText)")
        #expect(files(in: out).isEmpty, "\(c.name) wrote \(files(in: out))")
    }
}
