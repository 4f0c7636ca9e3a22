import Foundation

/// Shared helpers for DTEKit's tests: where the repository, the SII reference data and the
/// built `dtekit` binary are, and running external tools.
public enum TestSupport {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public enum Missing: Error, CustomStringConvertible {
        case siiData(String)
        case tool(String)
        public var description: String {
            switch self {
            case let .siiData(p):
                return "SII reference data not found at \(p): set DTEKIT_SII_DIR to the shared/sii folder (schemas/, samples/)."
            case let .tool(t): return "required tool '\(t)' not found on PATH: run scripts/bootstrap.sh"
            }
        }
    }

    /// `../shared/sii` next to the repository, or `$DTEKIT_SII_DIR`. Throws (failing the test)
    /// with a message saying what is missing: tests that need it never skip silently.
    public static func siiDirectory() throws -> URL {
        let env = ProcessInfo.processInfo.environment["DTEKIT_SII_DIR"]
        let url = env.map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/sii")
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("samples").path) else {
            throw Missing.siiData(url.path)
        }
        return url
    }

    public static func siiSamples() throws -> URL { try siiDirectory().appendingPathComponent("samples") }
    public static func siiSchemas() throws -> URL { try siiDirectory().appendingPathComponent("schemas") }

    /// Every DTE XML sample in shared/sii/samples (CAF files excluded), sorted by name.
    public static func siiDocumentSamples() throws -> [URL] {
        let dir = try siiSamples()
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" && !$0.lastPathComponent.hasPrefix("CAF-") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The CAF file for a document type in shared/sii/samples.
    public static func siiCAF(type: Int) throws -> URL {
        let dir = try siiSamples()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        guard let f = files.first(where: { $0.hasPrefix("CAF-\(type)-") }) else { throw Missing.siiData(dir.path + "/CAF-\(type)-*") }
        return dir.appendingPathComponent(f)
    }

    /// The committed fuzz corpus `Resources/<name>` beside the test file `testFile` (pass
    /// `#filePath`): its files, hidden ones excluded, sorted by name.
    public static func fuzzCorpus(_ name: String, besides testFile: String) throws -> (directory: URL, files: [URL]) {
        let dir = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Resources/\(name)")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return (dir, files)
    }

    /// `Samples/` in the repository.
    public static var samplesDirectory: URL { repositoryRoot.appendingPathComponent("Samples") }
    /// `Templates/` in the repository.
    public static var templatesDirectory: URL { repositoryRoot.appendingPathComponent("Templates") }

    /// The `dtekit` binary that `swift build` put next to the test bundle.
    public static func dtekitBinary() -> URL { builtExecutable("dtekit") }

    /// `dtekit-test-harness`: the same command line as `dtekit`, with `dtekit batch` rendering
    /// through ``StubRenderer`` (seeded by the template and logo bytes), wrapped in a
    /// ``GatedRenderer`` when `DTEKIT_HARNESS_PAUSE_AFTER` and `DTEKIT_HARNESS_GATE` are set.
    public static func harnessBinary() -> URL { builtExecutable("dtekit-test-harness") }

    private static func builtExecutable(_ name: String) -> URL {
        // The test bundle lives in <build folder>/<triple>/<config>/ (make test: .build-test/);
        // the executables are beside it. Not found there: the path beside the bundle, so the
        // test fails naming it, rather than running a stale binary from another build folder.
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent(name)
    }

    /// How long a test waits for something that must happen (a file, a line of output, a
    /// process to end) before declaring the run hung. Generous on purpose: only a hung run
    /// reaches it, however slow or loaded the machine.
    public static let hangDeadline: Double = 300

    /// Polls `condition` until it holds or ``hangDeadline`` (or `deadline`) seconds of polling
    /// have passed; returns whether it held. For waiting on events a test cannot be called back for.
    ///
    /// The deadline is a number of polls (one per 20 ms), not a time on the clock: on a loaded
    /// machine a poll can come late (the async variant waits for a thread of the cooperative
    /// pool, which long synchronous tests may hold for minutes), and a clock deadline would
    /// then pass while the awaited work had not yet had a turn either. Counting polls waits at
    /// least `deadline` seconds and never gives up on work that merely had to queue.
    public static func waitUntil(deadline: Double = hangDeadline, _ condition: () throws -> Bool) rethrows -> Bool {
        for _ in 0..<pollCount(deadline) {
            if try condition() { return true }
            usleep(pollMicroseconds)
        }
        return try condition()
    }

    /// ``waitUntil(deadline:_:)`` for async tests: sleeps between polls instead of blocking a
    /// thread of the cooperative pool (which the work being waited for may need).
    public static func waitUntil(deadline: Double = hangDeadline, _ condition: () throws -> Bool) async rethrows -> Bool {
        for _ in 0..<pollCount(deadline) {
            if try condition() { return true }
            try? await Task.sleep(nanoseconds: UInt64(pollMicroseconds) * 1_000)
        }
        return try condition()
    }

    private static let pollMicroseconds: UInt32 = 20_000
    private static func pollCount(_ seconds: Double) -> Int { max(1, Int((seconds * 1_000_000 / Double(pollMicroseconds)).rounded(.up))) }

    /// A fresh temporary directory.
    public static func temporaryDirectory(_ label: String = "dtekit") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public struct RunResult: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: Data
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Finds a tool on PATH or throws ``Missing/tool(_:)``.
    public static func tool(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw Missing.tool(name)
    }

    /// Runs a program to completion, capturing its output (read concurrently, so large outputs
    /// never dead-lock the pipe).
    @discardableResult
    public static func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String]? = nil, currentDirectory: URL? = nil) throws -> RunResult {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let currentDirectory { p.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin); try? inp.fileHandleForWriting.close() }
        let group = DispatchGroup()
        nonisolated(unsafe) var o = Data(), e = Data()
        group.enter(); DispatchQueue.global().async { o = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { e = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, stdout: o, stderr: e)
    }

    /// Runs a tool found on PATH.
    @discardableResult
    public static func run(tool name: String, _ arguments: [String], stdin: Data? = nil) throws -> RunResult {
        try run(try tool(name), arguments, stdin: stdin)
    }

    /// Runs the built `dtekit-test-harness` (see ``harnessBinary()``).
    @discardableResult
    public static func harness(_ arguments: [String], environment: [String: String]? = nil) throws -> RunResult {
        try run(harnessBinary(), arguments, environment: environment)
    }

    /// Runs the built `dtekit`.
    @discardableResult
    public static func dtekit(_ arguments: [String], environment: [String: String]? = nil,
                              currentDirectory: URL? = nil) throws -> RunResult {
        try run(dtekitBinary(), arguments, environment: environment, currentDirectory: currentDirectory)
    }
}
