import Foundation

/// Writes a UserBehavior-shaped log (`user,item,category,behavior,timestamp`, no header) of any
/// length in 1 MiB chunks, for tests of streaming readers: line `k` (0-based) has user
/// `k % users`, item `(k * 7) % items` (all of them when `items` is not a multiple of 7), increasing timestamps, and `badLine(k)` in place of
/// the line when it returns one.
public enum TaobaoLogFile {
    public static func write(to path: String, lines: Int, users: Int, items: Int,
                             badLine: (Int) -> String? = { _ in nil }) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let behaviours = ["pv", "pv", "pv", "cart", "fav", "buy"]
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 20 + 256)
        for k in 0..<lines {
            let line = badLine(k)
                ?? "\(k % users),\((k &* 7) % items),\(k % 97),\(behaviours[k % behaviours.count]),\(1_511_000_000 + k / 3)"
            chunk.append(contentsOf: line.utf8)
            chunk.append(0x0A)
            if chunk.count >= 1 << 20 {
                try handle.write(contentsOf: chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: chunk)
    }
}
