import GRDB

extension SessionStore {
    /// Records where the session was left; called on clean quit and may be called
    /// periodically. Reopening replays to `position` and checks the state hash.
    public func updateLastState(position: Int, stateHash: String) throws(SessionError) {
        try write("update last state") { db in
            _ = try SessionHeader.filter(SessionHeader.Columns.id == SessionHeader.onlyRowID).updateAll(
                db,
                SessionHeader.Columns.lastPosition.set(to: position),
                SessionHeader.Columns.lastStateHash.set(to: stateHash))
        }
    }

    /// The header as it is now (the last state may have changed since `open`).
    public func currentHeader() throws(SessionError) -> SessionHeader {
        let path = self.path
        return try read("read header") { db in
            guard let header = try SessionHeader.fetch(db) else {
                throw SessionError.notASession(path: path, reason: "its session table is empty")
            }
            return header
        }
    }
}
