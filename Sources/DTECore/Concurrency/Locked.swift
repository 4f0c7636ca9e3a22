import Foundation

/// A value guarded by a lock: the package's one lock wrapper, for state that threads share.
///
/// Every read and write goes through ``withLock(_:)``, so the value is never seen half-changed.
/// Synchronization's `Mutex` would do the same without a class, but it needs macOS 15 and the
/// package supports macOS 13 (Package.swift), hence `NSLock`. The class is `@unchecked
/// Sendable` for the one reason that `NSLock` guards `value`; nothing else in it is mutable.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// A lock guarding `value`.
    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock; what `body` returns is returned.
    /// `body` must not call ``withLock(_:)`` on the same instance (the lock is not recursive).
    package func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value, read under the lock.
    package var current: Value { withLock { $0 } }
}
