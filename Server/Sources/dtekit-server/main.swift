import DTEKitServer
import Foundation
#if canImport(CMalloc)
import CMalloc

// glibc's allocator, set for a long-running server whose requests allocate large short-lived
// buffers (decoded images, PNG and PDF output): by default the threshold above which a block is
// mmapped grows to the largest block freed so far, so after a few uploads such buffers come from
// the heap arenas, whose freed pages stay in the process — RSS then creeps up for minutes and
// stays there. A fixed 256 KiB threshold gives those buffers back to the system when freed, and
// at most two arenas per core bound the fragmentation across threads. (Measured with
// Server/scripts/soak.sh; the README has the figures.)
_ = mallopt(M_MMAP_THRESHOLD, 256 << 10)
_ = mallopt(M_ARENA_MAX, Int32(2 * ProcessInfo.processInfo.activeProcessorCount))
// What stays fragmented in the arenas below that threshold is handed back every 10 s
// (malloc_trim releases free pages inside the arenas, not only at their tops): RSS then follows
// the memory in use instead of the most the allocator ever held.
let trimmer = Thread {
    while true {
        Thread.sleep(forTimeInterval: 10)
        _ = malloc_trim(0)
    }
}
trimmer.name = "dtekit-server-malloc-trim"
trimmer.start()
#endif

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
