import DTEKitCLI
import DTEBatch
import DTEKitTestSupport
import Foundation

// `dtekit-test-harness`: `dtekit` itself, with `dtekit batch` rendering through the stub
// renderer, so the CLI tests drive the real command line without test options in `dtekit`.
//   DTEKIT_HARNESS_PAUSE_AFTER=N DTEKIT_HARNESS_GATE=FILE: after N renders have started, the
//   others wait until FILE exists (a test stops or signals the run at a known point).
//   DTEKIT_HARNESS_STUB_WORK=N: simulated CPU work per document (see StubRenderer).
let environment = ProcessInfo.processInfo.environment
let pauseAfter = environment["DTEKIT_HARNESS_PAUSE_AFTER"].flatMap { Int($0) }
let gate = environment["DTEKIT_HARNESS_GATE"].map { URL(fileURLWithPath: $0) }
let work = environment["DTEKIT_HARNESS_STUB_WORK"].flatMap { Int($0) } ?? 0

BatchRendererOverride.make = { template, logo, cedible in
    let seed = BatchHash.sha256Hex(template) + BatchHash.sha256Hex(logo)
    let stub = StubRenderer(seed: seed, cedible: cedible, simulatedWork: work)
    if let pauseAfter, let gate { return GatedRenderer(stub, pauseAfter: pauseAfter, gate: gate) }
    return stub
}
await DTEKitCommand.runCommandLine()
