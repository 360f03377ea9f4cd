import Foundation
import GRDB

extension SessionStore {
    /// Saves a snapshot, replacing any earlier one at the same position.
    public func saveSnapshot(_ snapshot: Snapshot) throws(SessionError) {
        try write("save snapshot at \(snapshot.position)") { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO snapshot (position, stateHash, blob) VALUES (?, ?, ?)",
                arguments: [snapshot.position, snapshot.stateHash, snapshot.blob])
        }
    }

    /// The latest snapshot at or before `position`, the one to start a replay to `position`
    /// from; nil if there is none.
    public func snapshot(atOrBefore position: Int) throws(SessionError) -> Snapshot? {
        try read("read snapshot") { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT position, stateHash, blob FROM snapshot
                    WHERE position <= ? ORDER BY position DESC LIMIT 1
                    """,
                arguments: [position]
            ).map { row in
                Snapshot(position: row["position"], stateHash: row["stateHash"], blob: row["blob"])
            }
        }
    }

    /// Positions that have a snapshot, ascending.
    public func snapshotPositions() throws(SessionError) -> [Int] {
        try read("read snapshot positions") { db in
            try Int.fetchAll(db, sql: "SELECT position FROM snapshot ORDER BY position")
        }
    }

    /// Records where the session was left; called on clean quit and may be called
    /// periodically. Reopening replays to `position` and checks the state hash.
    public func updateLastState(position: Int, stateHash: String) throws(SessionError) {
        try write("update last state") { db in
            try db.execute(
                sql: "UPDATE session SET lastPosition = ?, lastStateHash = ? WHERE id = 1",
                arguments: [position, stateHash])
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
