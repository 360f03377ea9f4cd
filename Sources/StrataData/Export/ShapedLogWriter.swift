import StrataCore

/// Writes a `ShapedLog` as a stream (bounded memory: one 64 KiB buffer), in the generic CSV
/// layout with a two-level category path or in the Taobao UserBehavior layout
/// (Docs/scenarios.md "Shaped logs"). Integers are formatted by hand: 100 M lines of
/// `String` interpolation would take minutes.
public enum ShapedLogWriter {
    public enum Layout: String, Sendable, CaseIterable {
        /// `user,item,time,action,value,category` with a header; category `Top › Sub`.
        case csv
        /// `user,item,category,behavior,timestamp`, no header (UserBehavior.csv).
        case taobao
    }

    /// Streams every event of `log` into `sink` in chunks; returns the number of lines.
    @discardableResult
    /// `progress` is told of the lines written after each chunk.
    public static func write(_ log: ShapedLog, layout: Layout, progress: (Int) -> Void = { _ in },
                             chunk sink: ([UInt8]) throws -> Void) throws -> Int {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16 + 256)
        if layout == .csv { buffer.append(contentsOf: "user,item,time,action,value,category\n".utf8) }
        var cursor = log.start()
        var lines = 0
        while let row = log.next(&cursor) {
            switch layout {
            case .csv:
                append("u", row.user, to: &buffer); buffer.append(0x2C)
                append("i", row.item, to: &buffer); buffer.append(0x2C)
                append("", Int(row.time), to: &buffer); buffer.append(0x2C)
                buffer.append(contentsOf: row.action.rawValue.utf8); buffer.append(0x2C)
                if let value = row.value { append("", Int(value), to: &buffer) }
                buffer.append(0x2C)
                topName(log.shape, row.top, into: &buffer)
                buffer.append(contentsOf: [0x20, 0x3E, 0x20])   // " > "
                subName(log.shape, row.top, row.sub, into: &buffer)
            case .taobao:
                append("", row.user, to: &buffer); buffer.append(0x2C)
                append("", row.item, to: &buffer); buffer.append(0x2C)
                append("", row.top * log.size.subCategories + row.sub, to: &buffer); buffer.append(0x2C)
                buffer.append(contentsOf: behaviour(row.action).utf8); buffer.append(0x2C)
                append("", Int(row.time), to: &buffer)
            }
            buffer.append(0x0A)
            lines += 1
            if buffer.count >= 1 << 16 {
                try sink(buffer)
                buffer.removeAll(keepingCapacity: true)
                progress(lines)
            }
        }
        if !buffer.isEmpty { try sink(buffer) }
        return lines
    }

    static func behaviour(_ action: Action) -> String {
        switch action {
        case .cart: "cart"
        case .favourite: "fav"
        case .purchase: "buy"
        default: "pv"
        }
    }

    static let genres = ["Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
                         "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
                         "Thriller", "War", "Western", "Biography"]

    static func topName(_ shape: ShapedLog.Shape, _ top: Int, into buffer: inout [UInt8]) {
        if shape == .ml10m && top < genres.count { buffer.append(contentsOf: genres[top].utf8); return }
        append("cat", top, to: &buffer)
    }

    static func subName(_ shape: ShapedLog.Shape, _ top: Int, _ sub: Int, into buffer: inout [UInt8]) {
        if shape == .ml10m {
            append("", 1920 + 10 * sub, to: &buffer)   // decades
            buffer.append(0x73)                       // "s"
            return
        }
        append("cat", top, to: &buffer); buffer.append(0x2E); append("", sub, to: &buffer)
    }

    @inline(__always)
    static func append(_ prefix: String, _ value: Int, to buffer: inout [UInt8]) {
        if !prefix.isEmpty { buffer.append(contentsOf: prefix.utf8) }
        var v = value
        if v < 0 { buffer.append(0x2D); v = -v }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(0x30 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            for k in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[k]) }
        }
    }
}
