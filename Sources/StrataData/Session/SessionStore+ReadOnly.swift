import Foundation
import GRDB

/// What `strata export` and `plot` need of a session: where it came from, its config and
/// every decision, read without writing to the file (Docs/sessions.md §6).
public struct SessionContents: Sendable, Hashable {
    /// The session file.
    public var path: String
    /// Header: fingerprint, dataset, config and last state.
    public var header: SessionHeader
    /// Every decision, ordered by sequence.
    public var decisions: [Decision]
}

extension SessionStore {
    /// Reads the header and the decisions of the session at `path` through a read-only
    /// connection, with the damage checks of `open`; like `inspect`, it never writes and does
    /// not need the lock, so it reads a session the explorer has open (its committed decisions).
    /// - Throws: `SessionError.notFound`, `.damaged`, `.notASession` or `.newerFormat`.
    public static func readContents(at path: String) throws(SessionError) -> SessionContents {
        // The lock, when free, lets the check tidy the -wal/-shm files it creates (as `inspect`).
        let lock: SessionLock? = FileManager.default.fileExists(atPath: path)
            ? try? SessionLock.acquire(for: path) : nil
        defer { lock?.release() }
        let holdsLock = lock != nil
        switch try SessionFileCheck.examine(path, holdsLock: holdsLock) {
        case .absent:
            throw .notFound(path: path)
        case .blank:
            throw .notASession(path: path, reason: "it is empty")
        case .session(let header, _):
            return try SessionFileCheck.readOnly(path, holdsLock: holdsLock) { db throws(SessionError) in
                do {
                    return SessionContents(path: path, header: header, decisions: try Self.fetchDecisions(db))
                } catch {
                    throw .damaged(path: path, reason: SessionFileCheck.reason(error))
                }
            }
        }
    }
}
