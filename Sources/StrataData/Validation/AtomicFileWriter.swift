#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to write a file, naming the path and the system's reason.
public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write: \(reason)" }
}

/// Writes a file so that no half-written file is ever left behind (SPEC §9).
///
/// Bytes go to a hidden temporary file in the destination's directory (so the final rename
/// stays on one file system and is atomic); `commit()` flushes, syncs and renames it over the
/// destination. If the writer is dropped or `discard()`ed without a commit, the temporary file
/// is removed and the destination is untouched.
///
/// A process killed mid-write (`kill -9`) cannot remove its temporary file; the next writer
/// to the same destination removes every `.NAME.tmp-PID-…` whose PID no longer runs
/// (Docs/sessions.md §7). A replaced file keeps its permission bits (a `600` file stays
/// `600`); a new one gets `666` less the umask, as any file a program creates.
///
/// A class: it owns an open file descriptor, closed exactly once.
///
///     let writer = try AtomicFileWriter(path: "trace.csv")
///     try writer.write("time,user,item\n")
///     try writer.commit()
public final class AtomicFileWriter {
    public let path: String
    public let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    private static let flushThreshold = 1 << 16

    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw FileWriteError(path: path, reason: "the path names a directory") }
        Self.removeStaleTemporaries(directory: directory, name: name)
        var candidate = ""
        var opened: Int32 = -1
        for _ in 0..<16 {
            candidate = "\(directory)\(Self.temporaryPrefix(name))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL, 0o666)
            if opened >= 0 || errno != EEXIST { break }
        }
        guard opened >= 0 else { throw FileWriteError(path: path, reason: Self.systemReason()) }
        temporaryPath = candidate
        descriptor = opened
        buffer.reserveCapacity(Self.flushThreshold)
    }

    deinit {
        if !finished {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func write(bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Makes the file appear at `path` with everything written so far.
    public func commit() throws {
        guard !finished else { throw FileWriteError(path: path, reason: "already committed or discarded") }
        do {
            try flush()
            guard fsync(descriptor) == 0 else { throw FileWriteError(path: path, reason: Self.systemReason()) }
        } catch {
            discard()
            throw error
        }
        finished = true
        var existing = stat()
        if stat(path, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG {
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        }
        let closed = close(descriptor)
        guard closed == 0, rename(temporaryPath, path) == 0 else {
            let reason = Self.systemReason()
            unlink(temporaryPath)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Drops everything written; the destination is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryPath)
    }

    private func flush() throws {
        var written = 0
        try buffer.withUnsafeBytes { raw in
            while written < raw.count {
                guard let base = raw.baseAddress else { return }
                let result = systemWrite(descriptor, base + written, raw.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw FileWriteError(path: path, reason: Self.systemReason())
                }
                written += result
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func systemReason() -> String { String(cString: strerror(errno)) }

    /// `.NAME.tmp-`: every temporary file of a destination starts so, then `PID-RANDOM`.
    static func temporaryPrefix(_ name: String) -> String { ".\(name).tmp-" }

    /// Removes temporary files of `name` left by processes that no longer run (killed before
    /// they could commit or discard). A live writer's file, or one whose PID was reused, stays.
    static func removeStaleTemporaries(directory: String, name: String) {
        let prefix = temporaryPrefix(name)
        guard let listing = opendir(directory.isEmpty ? "." : directory) else { return }
        defer { closedir(listing) }
        var stale: [String] = []
        while let entry = readdir(listing) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix) else { continue }
            let rest = entryName.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
                  UInt32(rest[rest.index(after: dash)...]) != nil else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { stale.append(entryName) }
        }
        for entryName in stale { unlink(directory + entryName) }
    }
}

extension AtomicFileWriter {
    /// Writes `text` to `path` atomically in one call.
    public static func write(_ text: String, to path: String) throws {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(text)
        try writer.commit()
    }

    /// Writes `bytes` to `path` atomically in one call.
    public static func write(bytes: some Sequence<UInt8>, to path: String) throws {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(bytes: bytes)
        try writer.commit()
    }
}

// The method `write` shadows the C function inside the class; this names the C one.
@inline(__always)
private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, pointer, count)
}
