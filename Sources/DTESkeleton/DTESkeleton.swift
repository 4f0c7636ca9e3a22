/// DTE XML skeletons: emisor profiles, per-type generators, TED stamping, XMLDSig signing.
public enum DTESkeletonModule {}
