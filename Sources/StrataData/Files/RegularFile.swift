#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens input files, refusing anything that is not a regular file (Docs/datasets.md "Bad
/// input"): reading a FIFO blocks until a writer comes (a hang), a device such as /dev/zero
/// never ends, a directory is no data. The file is opened without blocking and checked with
/// `fstat` on the open descriptor, so what is checked is what is read.
enum RegularFile {
    enum Problem: Error, Equatable {
        case notFound
        /// The kind of thing found instead ("a FIFO (named pipe)", "a directory", …).
        case notRegular(String)
        case unreadable(String)
        /// The file is larger than the reader's limit (bytes).
        case tooLarge(limit: Int)

        var message: String {
            switch self {
            case .notFound: return "no such file"
            case .notRegular(let kind): return "is \(kind), not a regular file"
            case .unreadable(let reason): return "cannot open: \(reason)"
            case .tooLarge(let limit): return "is larger than the limit of \(limit) bytes"
            }
        }
    }

    /// A read-only descriptor of the regular file at `path` (the caller closes it).
    static func open(_ path: String) throws(Problem) -> Int32 {
        let descriptor = systemOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT ? .notFound : .unreadable(systemReason())
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = systemReason()
            close(descriptor)
            throw .unreadable(reason)
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(descriptor)
            throw .notRegular(kindName(type))
        }
        // Regular files never block; clear the flag so reads behave as usual.
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return descriptor
    }

    /// Nil when `path` is a regular file (or does not exist: the reader says so), else the
    /// problem. Uses `stat`, which never blocks, for checks before a file is opened.
    static func check(_ path: String) -> Problem? {
        var status = stat()
        guard stat(path, &status) == 0 else { return errno == ENOENT ? .notFound : .unreadable(systemReason()) }
        let type = status.st_mode & S_IFMT
        return type == S_IFREG ? nil : .notRegular(kindName(type))
    }

    /// The whole file, refusing files larger than `limit` bytes before reading them.
    static func readAll(_ path: String, limit: Int) throws(Problem) -> [UInt8] {
        let descriptor = try open(path)
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, Int(status.st_size) > limit { throw .tooLarge(limit: limit) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(systemReason())
            }
            if count == 0 { return bytes }
            // A file that grows while it is read is held to the same limit.
            guard bytes.count + count <= limit else { throw .tooLarge(limit: limit) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    static func systemReason() -> String { String(cString: strerror(errno)) }
}

// `open` is also the name of the enum's method; this names the C function.
@inline(__always)
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
