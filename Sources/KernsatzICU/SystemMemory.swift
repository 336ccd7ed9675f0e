internal import CKernsatzICU

/// The process's free heap memory, given back to the system.
public enum SystemMemory {
    /// After a large piece of work: the memory it freed leaves the process's heap rather than staying
    /// reserved for the thread that used it (glibc keeps a heap per thread). Elsewhere it does nothing.
    public static func releaseFree() { ks_release_free_memory() }
}
