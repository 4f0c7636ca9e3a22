import Foundation
import Testing
import DTEKitTestSupport

/// `TestSupport.waitUntil` is what every "wait for the run to get there" in the batch tests
/// stands on; CI once failed the cancellation test because its clock deadline passed while
/// the cooperative pool was held by long synchronous tests.
@Suite("waitUntil")
struct WaitUntilTests {
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test("A starved cooperative pool does not use up the deadline of work queued behind it")
    func starvedPool() async {
        let flag = Flag()
        let hog = Flag()
        // The first poll fills every thread of the pool with 1.5 s of blocking work and queues
        // the awaited work behind it; that work then needs 0.1 s more on its own thread. The
        // deadline (0.5 s) passes on the clock long before, so only counting polls waits for it.
        let held = await TestSupport.waitUntil(deadline: 0.5) {
            if !hog.isSet {
                hog.set()
                for _ in 0..<max(2, ProcessInfo.processInfo.activeProcessorCount) { Task.detached { usleep(1_500_000) } }
                Task.detached { Thread.detachNewThread { usleep(100_000); flag.set() } }
            }
            return flag.isSet
        }
        #expect(held)
    }

    @Test("Something that never happens is reported after the deadline")
    func neverHappens() async {
        let flag = Flag()
        #expect(!(await TestSupport.waitUntil(deadline: 0.1) { flag.isSet }))
    }

    @Test("The blocking variant too")
    func neverHappensBlocking() {
        let flag = Flag()
        #expect(!TestSupport.waitUntil(deadline: 0.1) { flag.isSet })
        #expect(TestSupport.waitUntil(deadline: 0.1) { !flag.isSet })
    }
}
