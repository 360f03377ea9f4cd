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
        var candidate = ""
        var opened: Int32 = -1
        for _ in 0..<16 {
            candidate = "\(directory).\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL, 0o644)
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
