import Foundation
import GRDB

extension SessionStore {
    /// Model B of an A/B session as the explorer stored it (JSON), nil for a single model.
    public func comparison() throws(SessionError) -> String? {
        try read("read comparison") { db in
            try String.fetchOne(db, sql: "SELECT spec FROM comparison WHERE id = 1")
        }
    }

    /// Records model B once, when the session is created (it never changes afterwards).
    public func recordComparison(_ spec: String) throws(SessionError) {
        try write("record comparison") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO comparison (id, spec) VALUES (1, ?)", arguments: [spec])
        }
    }
}

extension SessionStore {
    /// Model B stored in the session at `path`, read without writing (the file may be left
    /// untouched when the request conflicts): nil for a missing file, a single-model session
    /// or one from before the comparison table (migration v2).
    public static func storedComparison(at path: String) throws(SessionError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let lock = try? SessionLock.acquire(for: path)
        defer { lock?.release() }
        guard case .session = try SessionFileCheck.examine(path, holdsLock: lock != nil) else { return nil }
        return try SessionFileCheck.readOnly(path, holdsLock: lock != nil) { db throws(SessionError) in
            do {
                guard try db.tableExists("comparison") else { return nil }
                return try String.fetchOne(db, sql: "SELECT spec FROM comparison WHERE id = 1")
            } catch {
                throw .damaged(path: path, reason: SessionFileCheck.reason(error))
            }
        }
    }
}
