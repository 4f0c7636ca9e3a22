import Foundation

/// Errors of the batch engine. Per-input problems never throw out of a run: they become
/// failed outcomes in the report. These are the errors that stop a run before it starts.
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--shard` is not `K/N` with 0 ≤ K < N.
    case invalidShard(String)
    /// An INPUT path does not exist.
    case inputNotFound(String)
    /// The output folder cannot be created or is not a folder.
    case outputDirectory(String, reason: String)
    /// Another run (same shard) holds the output folder's lock.
    case outputLocked(String)
    /// Reading or writing a file failed (path, errno text).
    case io(String, reason: String)
    /// An output name derived from the document would escape the output folder.
    case unsafeOutputName(String, reason: String)
    /// An input file is larger than the configured limit.
    case inputTooLarge(String, bytes: Int, limit: Int)
    /// The report file cannot be written.
    case report(String, reason: String)

    public var description: String {
        switch self {
        case let .invalidShard(s): return "invalid shard '\(s)': expected K/N with 0 ≤ K < N (e.g. 0/4)"
        case let .inputNotFound(p): return "\(p): does not exist"
        case let .outputDirectory(p, r): return "output folder \(p): \(r)"
        case let .outputLocked(p): return "\(p): another dtekit batch run (same shard) is using this folder"
        case let .io(p, r): return "\(p): \(r)"
        case let .unsafeOutputName(n, r): return "output name refused '\(n)': \(r)"
        case let .inputTooLarge(p, b, l): return "\(p): \(b) bytes, more than the limit of \(l)"
        case let .report(p, r): return "report \(p): \(r)"
        }
    }
}
