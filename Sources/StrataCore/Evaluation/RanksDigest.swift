import Crypto

/// SHA-256 of the UTF-8 text with one line `"{stream_position}\t{rank}\n"` per evaluated event,
/// in order: the report's `ranks_sha256` (EVALUATION.md step 6).
///
/// Each line is formatted into a fixed scratch buffer and hashed incrementally, so recording a
/// rank never allocates.
public struct RanksDigest {
    private var hasher = SHA256()
    /// Two decimal Int64s, a tab and a newline fit in 42 bytes.
    private var line = [UInt8](repeating: 0, count: 48)

    public init() {}

    public mutating func record(position: Int, rank: Int) {
        precondition(position >= 0 && rank >= 1, "bad rank line: position \(position), rank \(rank)")
        var length = Self.writeDecimal(position, into: &line, at: 0)
        line[length] = UInt8(ascii: "\t")
        length = Self.writeDecimal(rank, into: &line, at: length + 1)
        line[length] = UInt8(ascii: "\n")
        let count = length + 1
        line.withUnsafeBytes { bytes in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
        }
    }

    /// Lower-case hex of the digest of everything recorded so far (recording may continue).
    public var hexDigest: String {
        let digest = hasher.finalize()
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Writes the decimal digits of non-negative `value` at `start`; returns the end index.
    private static func writeDecimal(_ value: Int, into buffer: inout [UInt8], at start: Int) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        var v = value
        var at = start + digits - 1
        repeat {
            buffer[at] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            at -= 1
        } while v > 0
        return start + digits
    }
}
