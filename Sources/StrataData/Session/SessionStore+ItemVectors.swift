import Foundation
import GRDB

extension SessionStore {
    /// The item vectors record stored when the session was created (JSON), nil for a session
    /// from before migration v3.
    public func itemVectors() throws(SessionError) -> String? {
        try read("read item vectors") { db in
            try String.fetchOne(db, sql: "SELECT record FROM item_vectors WHERE id = 1")
        }
    }

    /// Records the run's item vectors once, when the session is created.
    public func recordItemVectors(_ record: String) throws(SessionError) {
        try write("record item vectors") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO item_vectors (id, record) VALUES (1, ?)", arguments: [record])
        }
    }

    /// The same, read without writing (a reopen is checked before the file is opened for
    /// writing; `export`/`plot` never write): nil for a missing file or one before v3.
    public static func storedItemVectors(at path: String) throws(SessionError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let lock = try? SessionLock.acquire(for: path)
        defer { lock?.release() }
        guard case .session = try SessionFileCheck.examine(path, holdsLock: lock != nil) else { return nil }
        return try SessionFileCheck.readOnly(path, holdsLock: lock != nil) { db throws(SessionError) in
            do {
                guard try db.tableExists("item_vectors") else { return nil }
                return try String.fetchOne(db, sql: "SELECT record FROM item_vectors WHERE id = 1")
            } catch {
                throw .damaged(path: path, reason: SessionFileCheck.reason(error))
            }
        }
    }
}
