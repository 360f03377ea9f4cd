import StrataCore

/// Work `ExplorerState.apply(_:)` asks its host to do outside the state (the session file,
/// quitting). The state never performs I/O itself.
public enum ExplorerEffect: Hashable, Sendable {
    /// A decision was applied to the model: commit it to the session now.
    case persist(ReplayDecision)
    /// Save a bookmark at this stream position.
    case bookmark(position: Int, label: String)
    /// Record where the session is (periodically and on quit), so a `kill -9` loses nothing.
    case saveLastState(position: Int, stateHash: String)
    /// Leave the loop.
    case quit
}
