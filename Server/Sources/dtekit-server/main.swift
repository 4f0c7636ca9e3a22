import DTEKitServer
import Foundation

// dtekit-server [--host 127.0.0.1] [--port 8080] [--templates DIR]
var host = "127.0.0.1", port = 8080
var templates: String? = nil
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--host": host = args.popFirst() ?? host
    case "--port":
        guard let text = args.popFirst(), let p = Int(text), (0...65535).contains(p) else {
            FileHandle.standardError.write(Data("dtekit-server: --port needs a number 0…65535 (0: any free port)\n".utf8)); exit(2)
        }
        port = p
    case "--templates": templates = args.popFirst()
    case "-h", "--help":
        print("usage: dtekit-server [--host 127.0.0.1] [--port 8080] [--templates DIR]"); exit(0)
    default:
        FileHandle.standardError.write(Data("dtekit-server: unknown argument \(a)\n".utf8)); exit(2)
    }
}
do {
    let service = try OnboardingService(templatesDirectory: templates.map { URL(fileURLWithPath: $0) })
    let shownHost = host
    try await ServerApp.run(service: service, host: host, port: port) { bound in
        // One line on stdout, written at once: scripts and tests read the port from it.
        FileHandle.standardOutput.write(Data("dtekit-server: listening on http://\(shownHost):\(bound)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("dtekit-server: \(error)\n".utf8))
    exit(1)
}
