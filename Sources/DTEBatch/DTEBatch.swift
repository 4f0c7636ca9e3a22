/// Batch re-rendering of folders of DTEs: parallel, incremental, atomic.
public enum DTEBatchModule {}
