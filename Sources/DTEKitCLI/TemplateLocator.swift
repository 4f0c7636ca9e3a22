import DTEKit
import Foundation

/// Where the shipped templates are: `$DTEKIT_TEMPLATES`, `./Templates`, or next to the binary's package.
enum TemplateLocator {
    static func directory() -> URL {
        if let env = ProcessInfo.processInfo.environment["DTEKIT_TEMPLATES"] { return URL(fileURLWithPath: env) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Templates")
        if FileManager.default.fileExists(atPath: cwd.path) { return cwd }
        // .build/<triple>/<config>/dtekit → repository root
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("Templates")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("carta.yaml").path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return cwd
    }

    static func samplesDirectory() -> URL {
        directory().deletingLastPathComponent().appendingPathComponent("Samples")
    }
}
