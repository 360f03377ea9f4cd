import Foundation

/// This process's peak resident memory. Linux's `VmHWM` (in `/proc/self/status`) is the
/// high-water mark of the program's own memory since `exec`; `getrusage`'s `ru_maxrss` also
/// counts the pages a forked child shared with its parent before `exec` (a test runner's
/// hundreds of MB), so it is only the fallback where `/proc` is missing.
enum PeakMemory {
    static func residentBytes() -> Int {
        if let status = procStatus(),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap({ Int($0) }) {
            return kilobytes * 1024
        }
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return usage.ru_maxrss * 1024
    }

    /// `/proc/self/status`, read to its end: `/proc` files report a size of 0, so readers
    /// that trust the size (Foundation's `String(contentsOfFile:)`) see nothing.
    private static func procStatus() -> String? {
        let descriptor = open("/proc/self/status", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 20 {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `"55.3 MB"`.
    static func text(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
