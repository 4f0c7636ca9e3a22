import DTECore
import DTEKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT/SIGTERM cancel the current run (in-flight documents finish, the manifest is
/// saved); a second signal exits at once (still safe: outputs are atomic).
// Unchecked only for `sources` (Dispatch's signal sources, set once in init and never touched again).
final class SignalCancellation: @unchecked Sendable {
    /// What a signal does, and how many signals came.
    private struct State {
        var action: (@Sendable () -> Void)?
        var count = 0
    }
    private let state = Locked(State())
    private var sources: [DispatchSourceSignal] = []

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
        let (n, a) = state.withLock { s in
            s.count += 1
            return (s.count, s.action)
        }
        if n > 1 { _exit(128 + sig) }
        a?()     // cancel first: once the message is out, no new document starts
        FileHandle.standardError.write(Data("\ndtekit batch: interrumpiendo (otra vez para salir de inmediato)…\n".utf8))
    }

    /// Sets what a signal does; returns the previous action.
    @discardableResult
    func onSignal(_ action: (@Sendable () -> Void)?) -> (@Sendable () -> Void)? {
        state.withLock { s in
            let previous = s.action
            s.action = action
            return previous
        }
    }
}
