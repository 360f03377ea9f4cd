import StrataCore

/// Work `ExplorerState.apply(_:)` asks its host to do outside the state (the session file,
/// quitting). The state never performs I/O itself.
public enum ExplorerEffect: Hashable, Sendable {
    /// Commit this decision to the session now and answer `.committed` (then the model
    /// learns it) or `.persistFailed` (then it never does).
    case persist(ReplayDecision)
    /// Save a bookmark (its position, name and the view to bring back).
    case bookmark(ExplorerBookmark)
    /// Record where the session is (on every pause, step and jump, every few seconds while
    /// playing, and on quit), so a `kill -9` loses nothing.
    case saveLastState(position: Int, stateHash: String)
    /// Write the view (recommendations with every feature, the interest tree) to
    /// `view.jsonFileName` and `view.csvFileName` and answer `.viewExported` or
    /// `.viewExportFailed`.
    case exportView(ViewExport)
    /// Leave the loop.
    case quit
}
