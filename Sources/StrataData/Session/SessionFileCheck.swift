import Foundation
import GRDB

/// Looks at a session file without writing to it, so a damaged or foreign file is reported
/// and left byte-for-byte untouched (Docs/sessions.md §5).
///
/// Order of checks: existence, the 16-byte SQLite header (no SQLite call at all on a file
/// that fails it), then a read-only connection running `PRAGMA quick_check`, then the schema.
enum SessionFileCheck {
    /// What was found at the path.
    enum Finding {
        /// No file: a new session will be created.
        case absent
        /// An SQLite database with no tables: it will be initialised.
        case blank
        /// A Strata session, with its header and the migrations applied to it.
        case session(SessionHeader, migrations: [String])
    }

    private static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// Examines the file at `path` without modifying it.
    /// - Parameter holdsLock: the caller holds the session's lock, so no writer is using the
    ///   `-wal`/`-shm` files, and those the check itself created may be removed afterwards.
    static func examine(_ path: String, holdsLock: Bool) throws(SessionError) -> Finding {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .absent }
            throw .damaged(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .damaged(path: path, reason: "not a regular file")
        }
        // A 0-byte file is never one Strata made (a failed creation removes its file), so it
        // is most likely a session truncated by a full disk or a bad copy: refuse it rather
        // than start over in it silently.
        if info.st_size == 0 && !FileManager.default.fileExists(atPath: path + "-wal") {
            throw .damaged(path: path, reason: "it is empty (0 bytes); delete it to start a new session")
        }
        if info.st_size > 0 {
            try checkHeader(path, size: Int(info.st_size))
        }
        return try readOnly(path, holdsLock: holdsLock) { db throws(SessionError) in
            try examineSchema(path, db)
        }
    }

    /// Opens a read-only connection and runs `body` once `PRAGMA quick_check` passed.
    ///
    /// On a WAL-mode file, SQLite makes even a read-only connection create `-wal` and `-shm`
    /// files and leaves them behind; when `holdsLock` says no writer can own them, the ones
    /// this call created (an empty `-wal`, the `-shm` index) are removed again, so a checked
    /// file's directory looks as it did.
    static func readOnly<T>(
        _ path: String, holdsLock: Bool, _ body: (Database) throws(SessionError) -> T
    ) throws(SessionError) -> T {
        let companions = [path + "-wal", path + "-shm"]
        let preexisting = Set(companions.filter { FileManager.default.fileExists(atPath: $0) })
        defer {
            if holdsLock {
                for companion in companions where !preexisting.contains(companion) {
                    removeIfIndexOrEmpty(companion)
                }
            }
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "Strata session check"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .damaged(path: path, reason: reason(error))
        }
        defer { try? queue.close() }
        let outcome: Result<T, SessionError>
        do {
            outcome = try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                guard problems == ["ok"] else {
                    return .failure(.damaged(path: path, reason: problems.joined(separator: "; ")))
                }
                do throws(SessionError) {
                    return .success(try body(db))
                } catch {
                    return .failure(error)
                }
            }
        } catch {
            throw .damaged(path: path, reason: reason(error))
        }
        return try outcome.get()
    }

    /// Removes a `-shm` index, or a `-wal` that holds no frames (a read-only connection never
    /// writes any, so a non-empty one is someone's data and stays).
    private static func removeIfIndexOrEmpty(_ companion: String) {
        var info = stat()
        guard stat(companion, &info) == 0 else { return }
        if companion.hasSuffix("-shm") || info.st_size == 0 {
            unlink(companion)
        }
    }

    /// A file that does not start with the SQLite magic string is not handed to SQLite at all.
    private static func checkHeader(_ path: String, size: Int) throws(SessionError) {
        guard size >= 100 else {
            throw .damaged(path: path, reason: "\(size) bytes, shorter than an SQLite header")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .damaged(path: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: sqliteMagic.count)) ?? Data()
        guard Array(prefix) == sqliteMagic else {
            throw .damaged(path: path, reason: "not an SQLite database (bad header)")
        }
    }

    private static func examineSchema(_ path: String, _ db: Database) throws(SessionError) -> Finding {
        do {
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                """)
            if tables.isEmpty { return .blank }
            guard tables.contains(SessionSchema.sessionTable) else {
                throw SessionError.notASession(
                    path: path, reason: "it has tables (\(tables.sorted().joined(separator: ", "))) "
                        + "but no '\(SessionSchema.sessionTable)' table")
            }
            let applied = try SessionSchema.migrator.appliedIdentifiers(db)
            let unknown = applied.subtracting(SessionSchema.knownMigrations).sorted()
            guard unknown.isEmpty else {
                throw SessionError.newerFormat(path: path, unknownMigrations: unknown)
            }
            guard let header = try SessionHeader.fetch(db) else {
                throw SessionError.notASession(path: path, reason: "its session table is empty")
            }
            let completed = try SessionSchema.migrator.completedMigrations(db)
            return .session(header, migrations: completed)
        } catch let error as SessionError {
            throw error
        } catch {
            throw .damaged(path: path, reason: reason(error))
        }
    }

    /// One line describing an SQLite failure.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }
}
