import DTEKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT/SIGTERM cancel the current run (in-flight documents finish, the manifest is
/// saved); a second signal exits at once (still safe: outputs are atomic).
final class SignalCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var action: (@Sendable () -> Void)?
    private var sources: [DispatchSourceSignal] = []
    private var count = 0

    init() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.fire(sig) }
            source.resume()
            sources.append(source)
        }
    }

    private func fire(_ sig: Int32) {
        lock.lock()
        count += 1
        let n = count
        let a = action
        lock.unlock()
        if n > 1 { _exit(128 + sig) }
        a?()     // cancel first: once the message is out, no new document starts
        FileHandle.standardError.write(Data("\ndtekit batch: interrumpiendo (otra vez para salir de inmediato)…\n".utf8))
    }

    /// Sets what a signal does; returns the previous action.
    @discardableResult
    func onSignal(_ action: (@Sendable () -> Void)?) -> (@Sendable () -> Void)? {
        lock.lock(); defer { lock.unlock() }
        let previous = self.action
        self.action = action
        return previous
    }
}
