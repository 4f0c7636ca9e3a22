import Foundation
import Testing
import IDScan
import DTEKitTestSupport

/// `dtekit check-id`: output formats and exit codes 0 / 1 / 2.
struct CheckIDCommandTests {
    static func files() throws -> (dir: URL, good: String, blurry: String, gif: String) {
        let dir = try TestSupport.temporaryDirectory("check-id")
        var s = SyntheticDataset.good(21, photo: true)
        s.width = 1000; s.height = 750; s.cardWidthFraction = 0.72
        let good = dir.appendingPathComponent("buena.jpg")
        try IDScanSyntheticCard.jpeg(s, quality: 90).write(to: good)
        s.gaussianBlur = 3.5
        let blurry = dir.appendingPathComponent("borrosa.jpg")
        try IDScanSyntheticCard.jpeg(s, quality: 90).write(to: blurry)
        let gif = dir.appendingPathComponent("foto.jpg")   // a GIF with a .jpg name: sniffed, not trusted
        try Data("GIF89a\u{01}\u{00}\u{01}\u{00}\u{00}\u{00}\u{00};".utf8).write(to: gif)
        return (dir, good.path, blurry.path, gif.path)
    }

    @Test func exitCodesAndText() throws {
        let f = try Self.files()
        let ok = try TestSupport.dtekit(["check-id", f.good])
        #expect(ok.status == 0, "\(ok.stdoutText)\(ok.stderrText)")
        #expect(ok.stdoutText.contains("ACEPTADA"))

        let bad = try TestSupport.dtekit(["check-id", f.good, f.blurry, f.gif])
        #expect(bad.status == 1)
        #expect(bad.stdoutText.contains("[blurry] La foto está borrosa"))
        #expect(bad.stdoutText.contains("[unsupported-format]"))

        #expect(try TestSupport.dtekit(["check-id"]).status == 2)
        #expect(try TestSupport.dtekit(["check-id", "--no-such-flag", f.good]).status == 2)
        #expect(try TestSupport.dtekit(["check-id", "--min-sharpness", "abc", f.good]).status == 2)
        // ArgumentParser's own parse errors (missing value) map to 2 too, not EX_USAGE (64).
        #expect(try TestSupport.dtekit(["check-id", f.good, "--min-sharpness"]).status == 2)
        #expect(try TestSupport.dtekit(["check-id", f.dir.appendingPathComponent("missing.jpg").path]).status == 2)
    }

    @Test func jsonOutputAndThresholdFlags() throws {
        let f = try Self.files()
        let one = try TestSupport.dtekit(["check-id", "--json", f.blurry])
        #expect(one.status == 1)
        let obj = try #require(try JSONSerialization.jsonObject(with: one.stdout) as? [String: Any])
        #expect(obj["file"] as? String == f.blurry)
        #expect(obj["verdict"] as? String == "reject")
        let problems = try #require(obj["problems"] as? [[String: Any]])
        #expect(problems.contains { $0["code"] as? String == "blurry" && $0["measured"] != nil && $0["threshold"] != nil })
        #expect((obj["corners"] as? [[String: Double]])?.count == 4)
        #expect((obj["image_size"] as? [String: Int])?["width"] == 1000)

        let many = try TestSupport.dtekit(["check-id", "--json", f.good, f.gif])
        let array = try #require(try JSONSerialization.jsonObject(with: many.stdout) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["verdict"] as? String == "accept")

        // Loosening the blur threshold by flag accepts the blurry one; a policy file works too.
        #expect(try TestSupport.dtekit(["check-id", "--min-sharpness", "0", f.blurry]).status == 0)
        let policy = f.dir.appendingPathComponent("policy.json")
        try Data(#"{"min_sharpness": 0}"#.utf8).write(to: policy)
        #expect(try TestSupport.dtekit(["check-id", "--policy", policy.path, f.blurry]).status == 0)
        try Data(#"{"min_sharpnes": 0}"#.utf8).write(to: policy)
        #expect(try TestSupport.dtekit(["check-id", "--policy", policy.path, f.blurry]).status == 2)
    }
}
