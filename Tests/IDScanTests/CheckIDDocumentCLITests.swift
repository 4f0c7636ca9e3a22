import Foundation
import Testing
import IDScan
import DTEKitTestSupport

/// `dtekit check-id --run/--on/--json`: several files are one cédula with one verdict.
struct CheckIDDocumentCLITests {
    static func files() throws -> (dir: URL, back: String, expired: String, front: String) {
        let dir = try TestSupport.temporaryDirectory("check-id-run")
        let back = dir.appendingPathComponent("reverso.jpg")
        try CedulaBackPainter.photo(CedulaBackSpec()).write(to: back)
        var spec = CedulaBackSpec()
        spec.expiry = .init(2024, 10, 2)
        let expired = dir.appendingPathComponent("vencida.png")
        try CedulaBackPainter.photo(spec, png: true).write(to: expired)
        var s = IDScanSyntheticScene()
        s.width = 1600; s.height = 1200; s.cardWidthFraction = 0.68; s.seed = 11
        let front = dir.appendingPathComponent("anverso.jpg")
        try IDScanSyntheticCard.jpeg(s, quality: 90).write(to: front)
        return (dir, back.path, expired.path, front.path)
    }

    @Test func runAndReferenceDate() throws {
        let f = try Self.files()
        let ok = try TestSupport.dtekit(["check-id", f.front, f.back, "--run", "12.345.678-5", "--on", "2026-11-30"])
        #expect(ok.status == 0, "\(ok.stdoutText)\(ok.stderrText)")
        #expect(ok.stdoutText.contains("ACEPTADA"))
        #expect(ok.stdoutText.contains("vence 2030-10-02"))

        // After the expiry date: rejected as expired.
        let late = try TestSupport.dtekit(["check-id", f.back, "--run", "12345678-5", "--on", "2030-10-03"])
        #expect(late.status == 1)
        #expect(late.stdoutText.contains("[expired]"))

        // Someone else's RUN; the front alone.
        let other = try TestSupport.dtekit(["check-id", f.back, "--run", "11.111.111-1", "--on", "2026-11-30"])
        #expect(other.status == 1 && other.stdoutText.contains("[run-mismatch]"))
        let front = try TestSupport.dtekit(["check-id", f.front, "--run", "12345678-5"])
        #expect(front.status == 1 && front.stdoutText.contains("[document-unreadable]") && front.stdoutText.contains("reverso"))

        // Usage errors: bad RUN, bad date, bad --mrz.
        #expect(try TestSupport.dtekit(["check-id", f.back, "--run", "12345678-4"]).status == 2)
        #expect(try TestSupport.dtekit(["check-id", f.back, "--run", "12345678-5", "--on", "2026-02-30"]).status == 2)
        #expect(try TestSupport.dtekit(["check-id", f.back, "--run", "12345678-5", "--mrz", "sometimes"]).status == 2)
    }

    @Test func jsonWithRun() throws {
        let f = try Self.files()
        let r = try TestSupport.dtekit(["check-id", "--json", f.front, f.expired, "--run", "12345678-5", "--on", "2026-11-30", "--mrz", "cross-check"])
        #expect(r.status == 1)
        let obj = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect(obj["verdict"] as? String == "reject")
        #expect((obj["problems"] as? [[String: Any]])?.map { $0["code"] as? String } == ["expired"])
        let doc = try #require(obj["document"] as? [String: Any])
        #expect(doc["run"] as? String == "12345678-5")
        #expect(doc["document_number"] as? String == "103390800")
        #expect(doc["birth_date"] as? String == "1984-10-02")
        #expect(doc["expiry_date"] as? String == "2024-10-02")
        #expect(doc["type"] as? String == "CEDULA")
        #expect(doc["source"] as? String == "qr+mrz")
        #expect((doc["status_url"] as? String)?.hasPrefix("https://portal.sidiv.registrocivil.cl/docstatus?RUN=12345678-5&") == true)
        let images = try #require(obj["images"] as? [[String: Any]])
        #expect(images.map { $0["file"] as? String } == [f.front, f.expired])
        #expect(images.allSatisfy { $0["verdict"] as? String == "accept" })
        #expect(obj["reference_date"] as? String == "2026-11-30")
        // Nothing personal on stderr.
        #expect(!r.stderrText.contains("12345678"))
    }

    @Test func withoutRunEachFileAsBeforePlusDocument() throws {
        let f = try Self.files()
        let front = try TestSupport.dtekit(["check-id", "--json", f.front])
        #expect(front.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: front.stdout) as? [String: Any])
        #expect(obj["document"] is NSNull)
        #expect(obj["file"] as? String == f.front)
        #expect(obj["verdict"] as? String == "accept")

        let both = try TestSupport.dtekit(["check-id", "--json", "--on", "2026-11-30", f.back, f.expired])
        #expect(both.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: both.stdout) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["verdict"] as? String == "accept")
        #expect((array[0]["document"] as? [String: Any])?["expiry_date"] as? String == "2030-10-02")
        #expect(array[1]["verdict"] as? String == "reject")
        #expect((array[1]["problems"] as? [[String: Any]])?.map { $0["code"] as? String } == ["expired"])
    }
}
