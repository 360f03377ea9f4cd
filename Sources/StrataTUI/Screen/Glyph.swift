/// One grapheme cluster stored inline as up to 15 UTF-8 bytes: a trivial value with no
/// reference counting, so buffers of cells are filled, copied and compared as plain memory.
///
/// A cluster longer than 15 bytes (a long emoji ZWJ sequence, which terminals draw
/// inconsistently anyway) keeps its first scalar only, with the U+FE0F right after it when
/// there is one: that selector makes the cluster 2 columns wide (`TextWidth`), and the glyph
/// drawn must be as wide as its cell.
public struct Glyph: Hashable, Sendable {
    /// Bytes 0–7 of the UTF-8 encoding, little-endian.
    private var low: UInt64
    /// Bytes 8–14 in the low 7 bytes; the byte count in the top byte.
    private var high: UInt64

    private static let capacity = 15

    /// A single ASCII byte (not checked: callers pass < 0x80).
    @inline(__always)
    public init(ascii byte: UInt8) {
        self.init(low: UInt64(byte), high: 1 << 56)
    }

    public init(_ character: Character) {
        if let ascii = character.asciiValue, ascii != 0x0A || character.utf8.count == 1 {
            self.init(ascii: ascii)
        } else if character.utf8.count <= Glyph.capacity {
            self.init(utf8: character.utf8)
        } else if let first = character.unicodeScalars.first {
            self.init(utf8: character.utf8.prefix(Glyph.keptLength(of: character.utf8, first: first)))
        } else {
            self = .space
        }
    }

    /// The cluster whose UTF-8 is `bytes` and whose first scalar is `first`. No allocation.
    init(utf8 bytes: Substring.UTF8View, firstScalar first: Unicode.Scalar) {
        if bytes.count <= Glyph.capacity {
            self.init(utf8: bytes)
        } else {
            self.init(utf8: bytes.prefix(Glyph.keptLength(of: bytes, first: first)))
        }
    }

    /// How many bytes a cluster too long to store keeps: its first scalar's, and U+FE0F's
    /// (EF B8 8F) when it comes next. O(1), no allocation.
    private static func keptLength(of bytes: some Collection<UInt8>, first: Unicode.Scalar) -> Int {
        let length = first.utf8.count
        var rest = bytes.dropFirst(length).makeIterator()
        guard rest.next() == 0xEF, rest.next() == 0xB8, rest.next() == 0x8F else { return length }
        return length + 3
    }

    /// Packs at most `capacity` bytes. O(count), no allocation.
    private init(utf8 bytes: some Sequence<UInt8>) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count: UInt64 = 0
        for byte in bytes where count < UInt64(Glyph.capacity) {
            if count < 8 {
                low |= UInt64(byte) << (8 * count)
            } else {
                high |= UInt64(byte) << (8 * (count - 8))
            }
            count += 1
        }
        self.init(low: low, high: high | count << 56)
    }

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    public static let space = Glyph(ascii: 0x20)

    /// Number of UTF-8 bytes.
    public var utf8Count: Int { Int(high >> 56) }

    /// True for a single ASCII character.
    public var isASCII: Bool { utf8Count == 1 && low < 0x80 }

    /// Calls `body` with the UTF-8 bytes. No allocation.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let count = utf8Count
        return withUnsafeBytes(of: (low.littleEndian, high.littleEndian)) { raw in
            body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<count]))
        }
    }

    /// The cluster as a `Character` (allocation-free: it fits Swift's small-string form).
    public var character: Character {
        let text = withUTF8 { String(decoding: $0, as: UTF8.self) }
        return text.first ?? " "
    }

    /// Calls `body` with each Unicode scalar value (for backends). No allocation.
    public func forEachScalar(_ body: (UInt32) -> Void) {
        withUTF8 { bytes in
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            while case .scalarValue(let scalar) = decoder.decode(&iterator) { body(scalar.value) }
        }
    }
}
