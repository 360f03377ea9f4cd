#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto

/// Reads a text file line by line in large chunks, with bounded memory.
///
/// The file is read `chunkSize` bytes per system call into one buffer of
/// `chunkSize + maximumLineLength` bytes; lines are found with `memchr` and handed out as byte
/// ranges of that buffer, so no line is ever copied or converted to a `String` here. A line
/// longer than `maximumLineLength` is reported as "line too long" and skipped without being
/// held in memory. Each line is checked to be UTF-8 (unless `validatesUTF8` is false, for
/// Latin-1 files); a bad line is reported with the offset of the first bad byte and skipped.
/// A UTF-8 byte-order mark at the start of the file is dropped. The SHA-256 of the file's bytes
/// is computed on the way, so fingerprinting costs no second read.
///
/// A class: it owns an open file descriptor and a buffer, released in `deinit`.
public final class LineReader {
    public let path: String
    public let maximumLineLength: Int
    public let validatesUTF8: Bool
    public private(set) var linesRead = 0
    public private(set) var bytesRead = 0
    private let chunkSize: Int
    private let capacity: Int
    /// Bytes of the one buffer every line is read through: `chunkSize + maximumLineLength + 2`,
    /// whatever the file's size (the streaming bound of `validate`).
    public var bufferCapacity: Int { capacity }
    private let descriptor: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private var hasher = SHA256()
    private var digestHex: String?
    /// Told of the bytes read after each chunk (LoadOptions.progress).
    public var progress: ReadProgress?
    /// The file's size when opened (for progress; reading does not depend on it).
    public let fileSize: Int
    /// Reading stops after the line that reaches this many bytes (LoadOptions.byteLimit).
    public var byteLimit: Int?
    /// Whether reading stopped at `byteLimit` before the end of the file.
    public private(set) var stoppedAtLimit = false

    /// Opens `path`; throws `fileNotFound`, or `unreadableFile` for what cannot be read or is not
    /// a regular file (a FIFO would block, a device never end: `RegularFile`).
    public init(path: String, chunkSize: Int = 1 << 20, maximumLineLength: Int = 1 << 20, validatesUTF8: Bool = true) throws {
        self.path = path
        self.chunkSize = max(16, chunkSize)
        self.maximumLineLength = max(1, maximumLineLength)
        self.validatesUTF8 = validatesUTF8
        let opened: Int32
        do {
            opened = try RegularFile.open(path)
        } catch {
            throw DatasetError(file: path, kind: error == .notFound ? .fileNotFound : .unreadableFile, message: error.message)
        }
        descriptor = opened
        var status = stat()
        fileSize = fstat(opened, &status) == 0 ? Int(status.st_size) : 0
        capacity = self.chunkSize + self.maximumLineLength + 2
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    public convenience init(path: String, options: LoadOptions, validatesUTF8: Bool = true) throws {
        try self.init(path: path, chunkSize: options.chunkSize, maximumLineLength: options.maximumLineLength,
                      validatesUTF8: validatesUTF8)
        progress = options.progress
        byteLimit = options.byteLimit
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Calls `body` with each line in order. A line that is too long or not valid UTF-8 goes to
    /// `problem` instead (which may throw to stop reading). Can be called once.
    public func forEachLine(_ body: (RawLine) throws -> Void, problem: (DatasetError) throws -> Void) throws {
        var start = 0
        var end = 0
        var searchFrom = 0
        var skippingLongLine = false
        var atEndOfFile = false
        var lineNumber = 0

        func deliver(_ lineStart: Int, _ lineEnd: Int) throws {
            lineNumber += 1
            var first = lineStart
            var last = lineEnd
            if last > first && buffer[last - 1] == 0x0D { last -= 1 }
            if lineNumber == 1 && last - first >= 3 && buffer[first] == 0xEF && buffer[first + 1] == 0xBB && buffer[first + 2] == 0xBF {
                first += 3
            }
            let bytes = UnsafeBufferPointer(start: buffer + first, count: last - first)
            if bytes.count > maximumLineLength {
                try problem(tooLong(lineNumber))
                return
            }
            if validatesUTF8, let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
                try problem(DatasetError(file: path, line: lineNumber, kind: .invalidUTF8,
                                         message: "invalid UTF-8 at byte \(bad + 1) of the line"))
                return
            }
            try body(RawLine(number: lineNumber, bytes: bytes))
        }

        while true {
            if searchFrom < end, let found = memchr(buffer + searchFrom, 0x0A, end - searchFrom) {
                let newline = UnsafeMutableRawPointer(buffer).distance(to: found)
                if skippingLongLine {
                    skippingLongLine = false
                } else {
                    try deliver(start, newline)
                }
                start = newline + 1
                searchFrom = start
                // Bytes of the file up to the end of this line: what was read less what is still buffered.
                if let byteLimit, bytesRead - (end - start) >= byteLimit {
                    stoppedAtLimit = bytesRead - (end - start) < fileSize
                    break
                }
                continue
            }
            // No line break in what is buffered.
            if skippingLongLine {
                start = end
            } else if end - start > maximumLineLength + 1 {
                lineNumber += 1
                try problem(tooLong(lineNumber))
                skippingLongLine = true
                start = end
            }
            searchFrom = end
            if atEndOfFile {
                if !skippingLongLine && end > start { try deliver(start, end) }
                break
            }
            if start > 0 {
                if end > start { memmove(buffer, buffer + start, end - start) }
                end -= start
                searchFrom -= start
                start = 0
            }
            let count = try readChunk(into: end)
            if count == 0 { atEndOfFile = true } else { end += count }
        }
        linesRead = lineNumber
    }

    /// SHA-256 (lower-case hex) of every byte read; call after `forEachLine`.
    public func sha256() -> String {
        if let digestHex { return digestHex }
        let hex = Hex.string(hasher.finalize())
        digestHex = hex
        return hex
    }

    private func readChunk(into offset: Int) throws -> Int {
        let room = min(chunkSize, capacity - offset)
        while true {
            let count = read(descriptor, buffer + offset, room)
            if count >= 0 {
                if count > 0 {
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(start: buffer + offset, count: count))
                    bytesRead += count
                    progress?(path, bytesRead, fileSize)
                }
                return count
            }
            if errno == EINTR { continue }
            throw DatasetError(file: path, kind: .unreadableFile, message: "cannot read: \(Self.systemReason())")
        }
    }

    private func tooLong(_ line: Int) -> DatasetError {
        DatasetError(file: path, line: line, kind: .lineTooLong,
                     message: "line too long (more than \(maximumLineLength) bytes)")
    }

    static func systemReason() -> String { String(cString: strerror(errno)) }
}

/// Lower-case hexadecimal text of digests.
enum Hex {
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
