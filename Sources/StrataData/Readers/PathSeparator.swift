/// How a category column is split into levels, resolved once per file from the mapping's
/// `pathSeparator`. Separators are matched on UTF-8 bytes, that is on Unicode scalars, not on
/// grapheme clusters (Docs/datasets.md design note 2): the per-line search then costs a byte
/// scan instead of a Foundation string search, and makes no `String` until a level is kept.
struct PathSeparator {
    /// nil: the first of `defaults` the value holds; empty: the value is one level.
    let bytes: [UInt8]?

    static let defaults: [[UInt8]] = ItemTaxonomy.defaultPathSeparators.map { Array($0.utf8) }

    init(_ separator: String?) {
        bytes = separator.map { Array($0.utf8) }
    }

    /// The number of levels of `text` (trimmed, empty ones dropped), for the depth check.
    func levelCount(in text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEachLevel(in: text) { _ in count += 1 }
        return count
    }

    /// The levels of `text` as strings (an item's path).
    func levels(in text: UnsafeBufferPointer<UInt8>) -> [String] {
        var levels: [String] = []
        forEachLevel(in: text) { levels.append(String(decoding: UnsafeBufferPointer(rebasing: text[$0]), as: UTF8.self)) }
        return levels
    }

    /// Calls `body` with the byte range of each level: split on the separator (leftmost
    /// matches, not overlapping), trimmed of spaces and tabs, empty ones skipped.
    func forEachLevel(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        let chosen = bytes ?? Self.defaultSeparator(in: text)
        guard let chosen, !chosen.isEmpty else {
            let whole = Self.trimmed(0..<text.count, in: text)
            if !whole.isEmpty { body(whole) }
            return
        }
        var start = 0
        while let match = Self.find(chosen, in: text, from: start) {
            let level = Self.trimmed(start..<match, in: text)
            if !level.isEmpty { body(level) }
            start = match + chosen.count
        }
        let last = Self.trimmed(start..<text.count, in: text)
        if !last.isEmpty { body(last) }
    }

    /// The first of `defaults` that `text` holds, found in one pass (`›`, the first choice,
    /// ends it; `>` and `/` are noted on the way). Written for those three.
    static func defaultSeparator(in text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var greater = false
        var slash = false
        var index = 0
        while index < text.count {
            switch text[index] {
            case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80 && text[index + 2] == 0xBA: return defaults[0]
            case 0x3E: greater = true
            case 0x2F: slash = true
            default: break
            }
            index += 1
        }
        return greater ? defaults[1] : slash ? defaults[2] : nil
    }

    /// The offset of the first occurrence of `needle` at or after `from`.
    static func find(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, text.count - from >= needle.count else { return nil }
        var index = from
        let last = text.count - needle.count
        while index <= last {
            if text[index] == first {
                var offset = 1
                while offset < needle.count && text[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    static func trimmed(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end && (text[start] == 0x20 || text[start] == 0x09) { start += 1 }
        while end > start && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
        return start..<end
    }
}
