@testable import DTEKitServer
import Foundation
import Testing

/// The work gate: bounded running and waiting jobs, 503 beyond, 504 for a job past its limit —
/// driven by jobs that block until the test releases them, so no outcome depends on speed.
@Suite(.timeLimit(.minutes(30))) struct WorkGateTests {
    final class Latch: @unchecked Sendable {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
    }

    private func job(_ latch: Latch) -> @Sendable () throws(ServiceError) -> ServiceFile {
        { latch.started.signal(); latch.release.wait(); return ServiceFile(data: Data("x".utf8), contentType: "text/plain") }
    }

    @Test("One running, one waiting: the third request is refused at once with busy; the others finish")
    func busyBeyondTheQueue() async throws {
        let gate = WorkGate(running: 1, waiting: 1, timeout: 3600)
        let a = Latch(), b = Latch()
        let first = Task { await gate.submit(job(a)) }
        a.started.wait()                               // A runs
        let second = Task { await gate.submit(job(b)) } // B waits for the slot
        #expect(await waitFor { gate.inFlight == 2 })
        let third = await gate.submit(job(Latch()))
        guard case .failure(.busy(let after)) = third else { Issue.record("expected busy, got \(third)"); return }
        #expect(after >= 1)
        a.release.signal()
        b.started.wait(); b.release.signal()
        for t in [first, second] {
            if case .failure(let e) = await t.value { Issue.record("\(e)") }
        }
        #expect(gate.inFlight == 0)
    }

    @Test("A job past the time limit answers timeout (504); the gate counts it until it really ends")
    func timeout() async {
        let gate = WorkGate(running: 1, waiting: 0, timeout: 1)
        let a = Latch()
        let result = await gate.submit(job(a))        // blocked until released: the limit passes first
        guard case .failure(.timeout) = result else { Issue.record("expected timeout, got \(result)"); return }
        #expect(ServiceError.timeout(seconds: 1).status == 504)
        #expect(gate.inFlight == 1)
        a.release.signal()
        #expect(await waitFor { gate.inFlight == 0 })
    }

    /// Polls until `condition` holds (a deadline only a hung run reaches).
    private func waitFor(_ condition: @Sendable () -> Bool) async -> Bool {
        for _ in 0..<30_000 {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return false
    }
}
