/// Display width of text in terminal columns, answered in Swift from a table generated from the
/// Unicode data (`TextWidthTable.swift`, written by `Scripts/make-width-table`): the same
/// answer in every process, whatever the locale, the C library or its Unicode version.
///
/// A code point (Docs/explorer.md design note 5):
/// 1. controls (U+0000–001F, U+007F–009F) are 0 columns, except a tab, which is 1 (buffers draw
///    it as a space);
/// 2. nonspacing and enclosing marks and format characters (Mn, Me, Cf) are 0, except the soft
///    hyphen U+00AD and the prepended concatenation marks (U+0600–0605…), which terminals draw
///    as one visible column;
/// 3. Hangul medial vowels and final consonants (U+1160–11FF, U+D7B0–D7FF) and the zero width
///    space U+200B are 0;
/// 4. East Asian Wide and Fullwidth characters and emoji with Emoji_Presentation are 2;
/// 5. everything else is 1 (East Asian Ambiguous included: box drawing, `…`, arrows).
///
/// A grapheme cluster (a `Character`):
/// 1. its first scalar decides; what follows adds nothing (combining marks, skin tone
///    modifiers, variation selectors, keycap marks);
/// 2. except that U+FE0F right after a 1-column base that has an emoji presentation sequence
///    (❤, ☺, #, a digit; emoji-variation-sequences.txt) makes the cluster 2: `❤️` is 2, `❤` is 1;
/// 3. a ZWJ sequence (👨‍👩‍👧, 🏳️‍🌈) is as wide as its first scalar with its presentation
///    selector: the scalars after the first ZWJ add nothing;
/// 4. a regional indicator is 2 (Emoji_Presentation), so a flag, a pair of them (🇫🇷), is 2.
public enum TextWidth {
    /// Columns of one character: 0 (control, combining, zero width), 1 or 2. A tab counts as one
    /// column: buffers draw it as a space. O(log n) in the table's runs, no allocation.
    @inline(__always)
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return (ascii >= 0x20 && ascii != 0x7F) || ascii == 0x09 ? 1 : 0
        }
        return of(cluster: character.unicodeScalars)
    }

    /// Columns of one code point, alone (no cluster rules). O(log n), no allocation.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x20 && value != 0x7F) || value == 0x09 ? 1 : 0 }
        return Int(run(containing: value) & widthMask)
    }

    /// Columns of one grapheme cluster given as its scalars (the cluster rules above). Reads at
    /// most the first two scalars. O(log n), no allocation.
    @inline(__always)
    public static func of<Scalars: Sequence<Unicode.Scalar>>(cluster scalars: Scalars) -> Int {
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        let width = of(first)
        guard width == 1, let second = iterator.next(), second.value == presentationSelector else { return width }
        return run(containing: first.value) & emojiVariationFlag != 0 ? 2 : 1
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

    // MARK: - The table

    /// U+FE0F VARIATION SELECTOR-16, "emoji presentation".
    static let presentationSelector: UInt32 = 0xFE0F
    /// The width bits of a run's value (`widthRuns`).
    static let widthMask: UInt32 = 0x3
    /// The run's code points have an emoji presentation sequence with U+FE0F.
    static let emojiVariationFlag: UInt32 = 0x4

    /// The value (low 4 bits) of the run of `widthRuns` holding code point `value`: the last
    /// entry whose first code point is ≤ `value`. Binary search, O(log n), no allocation.
    @inline(__always)
    static func run(containing value: UInt32) -> UInt32 {
        widthRuns.withUnsafeBufferPointer { runs in
            // Every entry of a first code point ≤ value is ≤ key; the first entry (U+0000) always is.
            let key = value << 4 | 0xF
            var low = 1, high = runs.count
            while low < high {
                let middle = (low + high) / 2
                if runs[middle] <= key { low = middle + 1 } else { high = middle }
            }
            return runs[low - 1] & 0xF
        }
    }
}
