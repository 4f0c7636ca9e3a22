import Foundation

/// What happened to an input file or one of its documents.
public enum BatchStatus: String, Sendable, Codable, Hashable {
    /// Outputs written in this run.
    case rendered
    /// Unchanged since the manifest's record (same input bytes, template, logo, renderer version).
    case skipped
    /// Could not be read or rendered; the reason is in `error`.
    case failed
    /// Belongs to another `--shard`.
    case notInShard = "not-in-shard"
}

/// The outcome of one document of an input file.
public struct BatchDocumentOutcome: Sendable, Codable, Hashable {
    /// Position of the document in its file (0 for a plain `<DTE>`).
    public var index: Int
    /// What happened to the document.
    public var status: BatchStatus
    /// The document's type code; `nil` when the document was not read (skipped as unchanged).
    public var tipoDTE: Int?
    /// The document's folio; `nil` when the document was not read (skipped as unchanged).
    public var folio: Int64?
    /// Files written (names in the output folder).
    public var outputs: [String]
    /// Why the document failed (`nil` unless `status` is `failed`).
    public var error: String?
}

/// The outcome of one input file: the unit of the JSON report (`--report`).
public struct BatchInputOutcome: Sendable, Codable, Hashable {
    /// The input file's path.
    public var input: String
    /// Its path relative to the INPUT argument (the manifest and shard key).
    public var relativePath: String
    /// `failed` if anything in the file failed; otherwise `rendered` if anything rendered,
    /// `skipped` if everything was unchanged, `not-in-shard` if nothing belongs to this shard.
    public var status: BatchStatus
    /// Every output of the file in this shard (written now or kept from an earlier run).
    public var outputs: [String]
    /// Each document of the file, in file order (empty after a file-level failure).
    public var documents: [BatchDocumentOutcome]
    /// A file-level failure (unreadable, malformed XML, no documents).
    public var error: String?
    /// Deviations from the SII schema the (lenient) reader tolerated; absent when none.
    public var warnings: [String]? = nil

    var renderedCount: Int { documents.filter { $0.status == .rendered }.count }
    var skippedCount: Int { documents.filter { $0.status == .skipped }.count }
    /// A file-level failure counts as one failure.
    var failedCount: Int { error != nil ? 1 : documents.filter { $0.status == .failed }.count }
}

/// Where a run is, for progress displays.
public struct BatchProgress: Sendable, Hashable {
    /// Input files finished / found.
    public var inputsDone: Int
    /// Input files found.
    public var inputsTotal: Int
    /// Documents rendered so far.
    public var rendered: Int
    /// Documents skipped as unchanged.
    public var skipped: Int
    /// Documents failed (a file-level failure counts as one).
    public var failed: Int
    /// Output files written so far.
    public var outputsWritten: Int
    /// Seconds since the run started.
    public var elapsed: Double
    /// Input files per second.
    public var rate: Double { elapsed > 0 ? Double(inputsDone) / elapsed : 0 }
    /// Estimated seconds left, `nil` before anything finished.
    public var eta: Double? {
        guard inputsDone > 0, rate > 0 else { return nil }
        return Double(max(0, inputsTotal - inputsDone)) / rate
    }
}

/// The result of a run.
public struct BatchSummary: Sendable, Codable, Hashable {
    /// Input files found.
    public var inputs: Int
    /// Documents rendered in this run.
    public var rendered: Int
    /// Documents skipped as unchanged since the manifest's record.
    public var skipped: Int
    /// Documents failed (a file-level failure counts as one).
    public var failed: Int
    /// Documents left to other shards.
    public var notInShard: Int
    /// Output files written in this run.
    public var outputsWritten: Int
    /// Wall-clock seconds the run took.
    public var elapsedSeconds: Double
    /// The run was cancelled before it finished (what finished is in place and in the manifest).
    public var cancelled: Bool
    /// Temporary files of a killed earlier run that were removed at start.
    public var staleTemporaryFilesRemoved: Int
}

/// Events of a run, in order: `started`, one `input` per finished input file, `finished`.
public enum BatchEvent: Sendable {
    /// The run found `totalInputs` input files and starts rendering.
    case started(totalInputs: Int)
    /// One input file finished, with the progress so far.
    case input(BatchInputOutcome, BatchProgress)
    /// The run finished (or was cancelled: see ``BatchSummary/cancelled``).
    case finished(BatchSummary)
}
