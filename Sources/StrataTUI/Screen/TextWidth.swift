import CNcursesw

/// Display width of text in terminal columns.
///
/// ASCII is answered in Swift without a call. Other characters ask `wcwidth` for the first
/// scalar of the grapheme cluster (combining marks after it add nothing); `wcwidth` only knows
/// non-ASCII after `setlocale(LC_ALL, "")` chose a UTF-8 locale, so when it answers -1 a small
/// Swift table of wide ranges and combining marks is used instead.
public enum TextWidth {
    /// Columns of one character: 0 (control, combining), 1 or 2. A tab counts as one column:
    /// buffers draw it as a space. O(1).
    @inline(__always)
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return (ascii >= 0x20 && ascii != 0x7F) || ascii == 0x09 ? 1 : 0
        }
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return of(scalar)
    }

    /// Columns of one code point.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x20 && value != 0x7F) || value == 0x09 ? 1 : 0 }
        let measured = Int(strata_wcwidth(value))
        if measured >= 0 { return min(measured, 2) }
        return fallbackWidth(of: scalar)
    }

    /// Columns of a string. O(n) in its characters.
    public static func of(_ text: String) -> Int { of(text[...]) }

    /// Columns of a slice of a string. O(n) in its characters.
    public static func of(_ text: Substring) -> Int {
        // Fast path: all-ASCII text is one column per printable byte.
        var total = 0
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if (byte >= 0x20 && byte != 0x7F) || byte == 0x09 { total += 1 }
        }
        if isASCII { return total }
        total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Width without the C library: 0 for controls and combining marks, 2 for East Asian wide
    /// and emoji ranges, 1 otherwise.
    public static func fallbackWidth(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    /// East Asian Wide/Fullwidth blocks and the emoji blocks terminals draw two columns wide.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// The longest prefix of `text` that fits in `limit` columns, and its width.
    public static func prefix(of text: String, fitting limit: Int) -> (text: Substring, width: Int) {
        var width = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index])
            if width + w > limit { break }
            width += w
            end = text.index(after: index)
        }
        return (text[text.startIndex..<end], width)
    }

    /// `text` cut to at most `limit` columns, ending in `ellipsis` when something was cut.
    /// When the ellipsis does not fit either, the text is simply cut.
    public static func truncate(_ text: String, toWidth limit: Int, ellipsis: String = "…") -> String {
        guard limit > 0 else { return "" }
        if of(text) <= limit { return text }
        let ellipsisWidth = of(ellipsis)
        guard ellipsisWidth < limit else { return String(prefix(of: text, fitting: limit).text) }
        return String(prefix(of: text, fitting: limit - ellipsisWidth).text) + ellipsis
    }
}
