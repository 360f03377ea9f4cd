/// How hard each commit pushes to the disk (Docs/sessions.md §3).
///
/// Both levels run SQLite in WAL mode, where a transaction is committed once its frames are
/// appended to the `-wal` file; they differ only in when that file is fsync'ed.
public enum SessionDurability: String, Sendable, CaseIterable {
    /// `PRAGMA synchronous = NORMAL`: a committed decision survives the death of the process
    /// (`kill -9`, a crash), because the kernel already holds the WAL frames; an operating-system
    /// crash or power loss may lose the last few decisions, never corrupt the file.
    case processCrash
    /// `PRAGMA synchronous = FULL`: the WAL is fsync'ed at every commit, so a committed decision
    /// also survives power loss, at the cost of one fsync per decision.
    case powerLoss

    /// The value of `PRAGMA synchronous` this level sets.
    var synchronousPragma: String {
        switch self {
        case .processCrash: return "NORMAL"
        case .powerLoss: return "FULL"
        }
    }
}
