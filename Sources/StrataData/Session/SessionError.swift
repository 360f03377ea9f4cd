/// Why a session file could not be opened, read or written. Every message is one line and
/// names the file (Docs/sessions.md §5).
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file belongs to another dataset: reopening it would replay decisions on the wrong
    /// events.
    case fingerprintMismatch(path: String, expected: String, found: String)
    /// Another process (or another open store in this process) holds the session's lock.
    case inUse(path: String, pid: Int32?)
    /// The file is not a readable SQLite database; it was left untouched.
    case damaged(path: String, reason: String)
    /// The file is a healthy SQLite database, but not a Strata session; it was left untouched.
    case notASession(path: String, reason: String)
    /// The file was written by a newer Strata with schema migrations this one does not know.
    case newerFormat(path: String, unknownMigrations: [String])
    /// `inspect` was asked about a file that does not exist.
    case notFound(path: String)
    /// A decision was recorded out of order.
    case sequenceGap(path: String, expected: Int, found: Int)
    /// The lock file could not be created or locked for a reason other than contention.
    case lockFailed(path: String, reason: String)
    /// SQLite refused an operation on a healthy file (disk full, permissions, closed store).
    case database(path: String, operation: String, reason: String)
    /// The session file may not be written (no write permission, or none granted by its
    /// mode): a session records every decision, so it is not opened; nothing was created.
    case readOnly(path: String)
    /// The session's stored config cannot be used (not JSON, not a model config, a setting
    /// out of range); the file was left untouched rather than replayed with other settings.
    case badConfig(path: String, reason: String)

    public var description: String {
        switch self {
        case let .fingerprintMismatch(path, expected, found):
            return "session file \(path) was recorded on another dataset: "
                + "its fingerprint is \(found), the dataset's is \(expected)"
        case let .inUse(path, pid):
            guard let pid else {
                return "session file \(path) is in use by another process"
            }
            if pid == SessionLock.currentProcessID {
                return "session file \(path) is already open in this process (pid \(pid))"
            }
            return "session file \(path) is in use by another process (pid \(pid))"
        case let .damaged(path, reason):
            return "session file \(path) is damaged and was left untouched: \(reason)"
        case let .notASession(path, reason):
            return "\(path) is not a Strata session file and was left untouched: \(reason)"
        case let .newerFormat(path, unknown):
            return "session file \(path) was written by a newer Strata "
                + "(unknown schema migrations: \(unknown.joined(separator: ", ")))"
        case let .notFound(path):
            return "session file \(path) does not exist"
        case let .sequenceGap(path, expected, found):
            return "session file \(path): decision sequence \(found) recorded, expected \(expected)"
        case let .lockFailed(path, reason):
            return "session file \(path) could not be locked: \(reason)"
        case let .database(path, operation, reason):
            return "session file \(path): \(operation) failed: \(reason)"
        case let .readOnly(path):
            return "session file \(path) is read-only and was left untouched: a session records every decision; "
                + "make it writable (chmod u+w) or open a copy"
        case let .badConfig(path, reason):
            return "session file \(path) has a config Strata cannot use and was left untouched: \(reason)"
        }
    }
}
