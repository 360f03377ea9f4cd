import Foundation
import GRDB

/// A session file: the dataset fingerprint, the config, every human decision committed as it
/// happens, bookmarks and the last state (SPEC §7, Docs/sessions.md).
///
/// A class because it owns two resources, an SQLite connection and the session's lock file;
/// `close()` (or deinit) releases both. It is `Sendable`: its stored properties are immutable
/// and `DatabaseQueue` serialises every access.
public final class SessionStore: Sendable {
    /// The session file.
    public let path: String
    /// The header as it was when the store was opened. The config is the one stored at
    /// creation; a reopened session keeps its own config whatever `open` was passed.
    public let header: SessionHeader
    /// `true` if `open` created the session (or initialised an empty file).
    public let isNew: Bool
    let database: DatabaseQueue
    private let lock: SessionLock

    private init(
        path: String, header: SessionHeader, isNew: Bool,
        database: DatabaseQueue, lock: SessionLock
    ) {
        self.path = path
        self.header = header
        self.isNew = isNew
        self.database = database
        self.lock = lock
    }

    deinit {
        try? database.close()
        lock.release()
    }

    /// Creates the session at `path`, or reopens it.
    ///
    /// Before anything is written, the file is checked read-only: a damaged or foreign file,
    /// or one recorded on another dataset, is reported and left byte-for-byte untouched.
    /// - Parameters:
    ///   - fingerprint: SHA-256 of the dataset, lower-case hex.
    ///   - datasetName: name or locator of the dataset, for messages.
    ///   - config: the configuration as JSON text; stored on creation only.
    ///   - durability: when commits are fsync'ed; see `SessionDurability`.
    ///   - configProblem: asked about a reopened session's stored config before anything is
    ///     written; a reason refuses the file as `.badConfig`, left byte-for-byte untouched.
    /// - Throws: `.badConfig`, `SessionError.inUse`, `.damaged`, `.notASession`, `.newerFormat`,
    ///   `.fingerprintMismatch`, `.lockFailed` or `.database`.
    public static func open(
        at path: String, fingerprint: String, datasetName: String, config: String,
        durability: SessionDurability = .processCrash, configProblem: (String) -> String? = { _ in nil }
    ) throws(SessionError) -> SessionStore {
        let lock = try SessionLock.acquire(for: path)
        let finding: SessionFileCheck.Finding
        do {
            finding = try SessionFileCheck.examine(path, holdsLock: true)
        } catch {
            lock.release()
            throw error
        }
        if case .session(let stored, _) = finding, stored.fingerprint != fingerprint {
            lock.release()
            throw .fingerprintMismatch(path: path, expected: fingerprint, found: stored.fingerprint)
        }
        if case .session(let stored, _) = finding, let problem = configProblem(stored.config) {
            lock.release()
            throw .badConfig(path: path, reason: problem)
        }
        if case .absent = finding {} else if !isWritable(path) {
            lock.release()
            throw .readOnly(path: path)
        }
        // What a failed open must take away again: a file it created, companions it created.
        let leftovers = ([path, path + "-wal", path + "-shm", path + "-journal"])
            .filter { !FileManager.default.fileExists(atPath: $0) }
        let created = SessionHeader(fingerprint: fingerprint, datasetName: datasetName, config: config)
        do {
            let database = try openWritable(path, durability: durability)
            let header = try database.write { db in
                if let stored = try SessionHeader.fetch(db) { return stored }
                try created.insert(db)
                return created
            }
            let isNew: Bool
            if case .session = finding { isNew = false } else { isNew = true }
            return SessionStore(path: path, header: header, isNew: isNew, database: database, lock: lock)
        } catch {
            // A full disk while creating leaves an empty or partial file; remove what this call
            // made so the next attempt starts clean (and an empty file never looks like ours).
            for leftover in leftovers { unlink(leftover) }
            lock.release()
            throw .database(path: path, operation: "open", reason: SessionFileCheck.reason(error))
        }
    }

    /// Writable by this process and by its mode: root may write a `444` file, but the mode
    /// says its owner wants it left alone.
    private static func isWritable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return access(path, W_OK) == 0 && (info.st_mode & 0o222) != 0
    }

    private static func openWritable(_ path: String, durability: SessionDurability) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.label = "Strata session"
        let database = try DatabaseQueue(path: path, configuration: configuration)
        // GRDB's WAL set-up chose NORMAL; set the level asked for on this (only) connection.
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability.synchronousPragma)")
        }
        try SessionSchema.migrator.migrate(database)
        return database
    }

    /// Checkpoints the WAL into the file, closes the connection and releases the lock.
    /// Idempotent; any use of the store afterwards throws `SessionError.database`.
    public func close() throws(SessionError) {
        defer { lock.release() }
        do {
            try database.close()
        } catch {
            throw .database(path: path, operation: "close", reason: SessionFileCheck.reason(error))
        }
    }

    /// Runs a write transaction, wrapping SQLite errors in `SessionError.database`.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(SessionError) -> T {
        do {
            return try database.write(body)
        } catch let error as SessionError {
            throw error
        } catch {
            throw .database(path: path, operation: operation, reason: SessionFileCheck.reason(error))
        }
    }

    /// Runs a read, wrapping SQLite errors in `SessionError.database`.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(SessionError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw .database(path: path, operation: operation, reason: SessionFileCheck.reason(error))
        }
    }
}
