import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory `flock` on `SESSION.lock`, held for the lifetime of a `SessionStore`
/// (Docs/sessions.md §4).
///
/// The kernel drops a `flock` when the last descriptor of its open file description closes,
/// which includes the death of the process: a `kill -9` never leaves a stale lock, at worst a
/// stale lock *file*, which the next owner simply locks again. Two `open()`s in the same
/// process are two open file descriptions, so a second store on the same file in the same
/// process is refused too.
///
/// A class because it owns a file descriptor; `@unchecked Sendable` because the only mutable
/// state, the descriptor, is guarded by `mutex`.
final class SessionLock: @unchecked Sendable {
    /// The pid of this process, as written into lock files and compared in messages.
    static var currentProcessID: Int32 { getpid() }

    /// Path of the lock file.
    let lockPath: String
    private let mutex = NSLock()
    private var descriptor: Int32?

    private init(lockPath: String, descriptor: Int32) {
        self.lockPath = lockPath
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock of the session at `sessionPath`, or throws `SessionError.inUse` naming
    /// the holder's pid when another store holds it.
    static func acquire(for sessionPath: String) throws(SessionError) -> SessionLock {
        let lockPath = sessionPath + ".lock"
        // A releasing owner unlinks the lock file while holding it; if we locked an inode that
        // was unlinked meanwhile, start again on the new file. Contention is rare, so a few
        // rounds are plenty.
        for _ in 0..<16 {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw .lockFailed(path: sessionPath, reason: "\(lockPath): \(errnoDescription())")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = readPID(fd)
                close(fd)
                if code == EWOULDBLOCK || code == EAGAIN {
                    throw .inUse(path: sessionPath, pid: holder)
                }
                throw .lockFailed(path: sessionPath, reason: "\(lockPath): \(describe(code))")
            }
            if stillNamesLockedFile(fd, lockPath) {
                writePID(fd)
                return SessionLock(lockPath: lockPath, descriptor: fd)
            }
            close(fd)
        }
        throw .lockFailed(path: sessionPath, reason: "\(lockPath) keeps being replaced")
    }

    /// Removes the lock file and drops the lock; idempotent.
    func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard let fd = descriptor else { return }
        descriptor = nil
        // Unlink while still holding the lock, so nobody can be waiting on this inode.
        if Self.stillNamesLockedFile(fd, lockPath) {
            unlink(lockPath)
        }
        close(fd)
    }

    private static func stillNamesLockedFile(_ fd: Int32, _ lockPath: String) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(fd, &opened) == 0, stat(lockPath, &named) == 0 else { return false }
        return opened.st_ino == named.st_ino && opened.st_dev == named.st_dev
    }

    private static func writePID(_ fd: Int32) {
        let text = Array("\(currentProcessID)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// The pid the holder wrote, or nil if it has not written it yet.
    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func errnoDescription() -> String { describe(errno) }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
