/// One line of a file as bytes, without its line break (`\n` or `\r\n`), and its 1-based number.
///
/// The bytes borrow the reader's buffer: they are valid only inside the closure that receives
/// the line. Fields are addressed by byte ranges into `bytes`, so nothing is copied until a
/// reader asks for a field's text.
public struct RawLine {
    public let number: Int
    public let bytes: UnsafeBufferPointer<UInt8>

    public init(number: Int, bytes: UnsafeBufferPointer<UInt8>) {
        self.number = number
        self.bytes = bytes
    }

    /// True for an empty line or one of spaces and tabs only.
    public var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    @inline(__always)
    public func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The field's text, read as UTF-8 (lines are validated before readers see them).
    @inline(__always)
    public func text(_ range: Range<Int>) -> String {
        String(decoding: slice(range), as: UTF8.self)
    }

    /// The field's text read as Latin-1 (ISO 8859-1): each byte is the scalar of the same value.
    public func latin1Text(_ range: Range<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in slice(range) { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    /// The whole line, for messages.
    public var text: String { text(0..<bytes.count) }
}
