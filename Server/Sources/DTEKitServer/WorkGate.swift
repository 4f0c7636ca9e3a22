import Foundation
import Synchronization

/// Bounds the CPU work of requests: at most `running` jobs at once (one per core by default), at
/// most `waiting` more in line; beyond that a request is refused at once with 503 and
/// `Retry-After`, so a burst never piles up memory or latency. A job that has not finished
/// within `timeout` seconds answers 504 (the job itself runs to its end: Cairo cannot be
/// interrupted mid-page; the gate counts it until then).
public final class WorkGate: Sendable {
    public let running: Int
    public let waiting: Int
    public let timeout: Int
    private let admitted = Mutex(0)
    private let slots: DispatchSemaphore

    public init(running: Int = ProcessInfo.processInfo.activeProcessorCount, waiting: Int? = nil, timeout: Int = 60) {
        self.running = max(1, running)
        self.waiting = waiting ?? 4 * max(1, running)
        self.timeout = max(1, timeout)
        self.slots = DispatchSemaphore(value: max(1, running))
    }

    private func admit() -> Bool {
        admitted.withLock { admitted in
            guard admitted < running + waiting else { return false }
            admitted += 1
            return true
        }
    }

    /// Jobs admitted and not finished (running or waiting).
    public var inFlight: Int { admitted.withLock { $0 } }

    public func submit(_ job: @escaping @Sendable () throws(ServiceError) -> ServiceFile) async -> Result<ServiceFile, ServiceError> {
        guard admit() else { return .failure(.busy(retryAfter: 1)) }
        let once = Once()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeout)) { [timeout] in
                if once.claim() { continuation.resume(returning: .failure(.timeout(seconds: timeout))) }
            }
            DispatchQueue.global().async { [self] in
                slots.wait()
                let result: Result<ServiceFile, ServiceError>
                do throws(ServiceError) { result = .success(try job()) } catch { result = .failure(error) }
                slots.signal()
                admitted.withLock { $0 -= 1 }
                if once.claim() { continuation.resume(returning: result) }
            }
        }
    }
}

/// A flag that can be claimed once, from any thread.
private final class Once: Sendable {
    private let done = Mutex(false)
    func claim() -> Bool { done.withLock { done in if done { return false }; done = true; return true } }
}
