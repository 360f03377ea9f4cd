import Foundation
import GRDB

extension SessionStore {
    /// Summarises the session at `path` without writing to it and without taking its lock,
    /// so it works while the explorer has the session open.
    /// - Throws: `SessionError.notFound`, `.damaged`, `.notASession` or `.newerFormat`.
    public static func inspect(_ path: String) throws(SessionError) -> SessionSummary {
        // Taking the lock when it is free lets the check tidy the -wal/-shm files it creates;
        // when a writer holds it, those files are the writer's and are left alone.
        let lock: SessionLock? = FileManager.default.fileExists(atPath: path)
            ? try? SessionLock.acquire(for: path) : nil
        defer { lock?.release() }
        let holdsLock = lock != nil
        switch try SessionFileCheck.examine(path, holdsLock: holdsLock) {
        case .absent:
            throw .notFound(path: path)
        case .blank:
            throw .notASession(path: path, reason: "it is empty")
        case .session(let header, let migrations):
            return try SessionFileCheck.readOnly(path, holdsLock: holdsLock) { db throws(SessionError) in
                do {
                    return SessionSummary(
                        path: path, header: header,
                        decisionCount: try Decision.fetchCount(db),
                        acceptedCount: try Decision.filter(Decision.Columns.accepted == true).fetchCount(db),
                        bookmarkCount: try Bookmark.fetchCount(db),
                        migrations: migrations)
                } catch {
                    throw .damaged(path: path, reason: SessionFileCheck.reason(error))
                }
            }
        }
    }
}
