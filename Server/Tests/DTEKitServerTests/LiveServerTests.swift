import DTEKitTestSupport
import Foundation
import Testing

/// The real `dtekit-server` binary on a free port, driven with curl as a client script would:
/// the multipart field names are the contract.
@Suite(.timeLimit(.minutes(30))) struct LiveServerTests {
    static func serverBinary() -> URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("dtekit-server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/dtekit-server")
    }

    /// Starts the server on port 0 and returns it with the port it printed.
    static func start() throws -> (Process, Int, Pipe) {
        let p = Process()
        p.executableURL = serverBinary()
        p.arguments = ["--port", "0", "--templates", TestSupport.repositoryRoot.appendingPathComponent("Templates").path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        var text = ""
        // Wait for the line with the port (a deadline only a hung start reaches).
        let found = TestSupport.waitUntil {
            let chunk = out.fileHandleForReading.availableData
            text += String(decoding: chunk, as: UTF8.self)
            return text.contains("\n") || chunk.isEmpty && !p.isRunning
        }
        guard found, let range = text.range(of: #":(\d+)\n"#, options: .regularExpression),
              let port = Int(text[range].dropFirst().dropLast()) else {
            p.terminate()
            throw TestSupport.Missing.tool("dtekit-server did not start: \(text)")
        }
        return (p, port, out)
    }

    @Test("healthz, templates, a preview PNG, a printout PDF, an ID check and the metrics over real HTTP")
    func endToEnd() throws {
        let (server, port, _) = try Self.start()
        defer { server.terminate(); server.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)"
        let dir = try TestSupport.temporaryDirectory("server-live")
        defer { try? FileManager.default.removeItem(at: dir) }

        let health = try TestSupport.run(tool: "curl", ["-sS", "-f", base + "/healthz"])
        #expect(health.status == 0 && health.stdoutText == "ok\n", "\(health.stderrText)")
        let templates = try TestSupport.run(tool: "curl", ["-sS", "-f", base + "/v1/templates"])
        #expect(templates.stdoutText.contains("\"carta\""))

        let png = dir.appendingPathComponent("p.png")
        let preview = try TestSupport.run(tool: "curl", ["-sS", "-o", png.path, "-w", "%{http_code} %{content_type}",
            "-F", "template=carta", "-F", "type=33", "-F", "logo=@" + TestSupport.samplesDirectory.appendingPathComponent("logo.png").path,
            "-F", #"overrides={"colors": {"recuadro": "black"}}"#, base + "/v1/previews"])
        #expect(preview.stdoutText == "200 image/png", "\(preview.stdoutText) \(preview.stderrText)")
        #expect(try Data(contentsOf: png).starts(with: [0x89, 0x50, 0x4E, 0x47]))

        let refused = try TestSupport.run(tool: "curl", ["-sS", "-w", "\n%{http_code}", "-F", #"overrides={"colors": {"recuadro": "green"}}"#,
                                                         base + "/v1/previews"])
        #expect(refused.stdoutText.hasSuffix("\n422") && refused.stdoutText.contains("colors.recuadro"), "\(refused.stdoutText)")

        let pdf = dir.appendingPathComponent("f.pdf")
        let sample = try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml")
        let printout = try TestSupport.run(tool: "curl", ["-sS", "-o", pdf.path, "-w", "%{http_code} %{content_type}",
            "-F", "xml=@" + sample.path, "-F", "copy=cedible", base + "/v1/printouts"])
        #expect(printout.stdoutText == "200 application/pdf", "\(printout.stdoutText)")
        let text = try TestSupport.run(tool: "pdftotext", [pdf.path, "-"]).stdoutText
        #expect(text.contains("CEDIBLE") && text.contains("2336600"), "\(text.prefix(300))")

        let check = try TestSupport.run(tool: "curl", ["-sS", "-w", "\n%{http_code}", "-F", "image=@" + TestSupport.samplesDirectory.appendingPathComponent("logo.png").path,
                                                       "-F", "run=12.345.678-5", base + "/v1/id-checks"])
        #expect(check.stdoutText.hasSuffix("\n200") && check.stdoutText.contains("\"verdict\" : \"reject\""), "\(check.stdoutText.prefix(400))")

        let notMultipart = try TestSupport.run(tool: "curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/json",
                                                              "--data", "{}", base + "/v1/printouts"])
        #expect(notMultipart.stdoutText == "400")

        let metrics = try TestSupport.run(tool: "curl", ["-sS", base + "/metrics"]).stdoutText
        #expect(metrics.contains(#"dtekit_requests_total{route="previews",status="200"} 1"#), "\(metrics)")
        #expect(metrics.contains(#"dtekit_requests_total{route="previews",status="422"} 1"#))
    }
}
