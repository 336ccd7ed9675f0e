internal import CKernsatzICU

/// The process's free heap memory, given back to the system.
public enum SystemMemory {
    /// After a large piece of work: the memory it freed leaves the process's heap rather than staying
    /// reserved for the thread that used it (glibc keeps a heap per thread). Elsewhere it does nothing.
    public static func releaseFree() { ks_release_free_memory() }

    /// For a process that makes large arrays one after another (the command line): large blocks
    /// stay outside the heap, so that what is freed goes back to the system. By default glibc raises
    /// its mmap threshold (up to 32 MiB) whenever a large block is freed, and then serves later
    /// large arrays from the heap, which seldom shrinks: a worksheet of a million sentences kept
    /// some 35 MB the analysis had freed (153 → 117 MB peak). Elsewhere it does nothing.
    public static func keepLargeBlocksOutsideTheHeap() { ks_fix_mmap_threshold() }
}
