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
        case let .invalidShard(s): return "shard inválido '\(s)': se espera K/N con 0 ≤ K < N (p. ej. 0/4)"
        case let .inputNotFound(p): return "\(p): no existe"
        case let .outputDirectory(p, r): return "carpeta de salida \(p): \(r)"
        case let .outputLocked(p): return "\(p): otra ejecución de dtekit batch (mismo shard) usa esta carpeta"
        case let .io(p, r): return "\(p): \(r)"
        case let .unsafeOutputName(n, r): return "nombre de salida rechazado '\(n)': \(r)"
        case let .inputTooLarge(p, b, l): return "\(p): \(b) bytes, más que el límite de \(l)"
        case let .report(p, r): return "reporte \(p): \(r)"
        }
    }
}
