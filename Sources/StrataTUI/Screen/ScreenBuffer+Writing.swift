extension ScreenBuffer {
    /// Writes `text` from column `x` on row `y` in one style, clipped to `clip` (default: the
    /// whole buffer). Control characters are skipped, a tab is a space. Returns the column after
    /// the last character, as if nothing were clipped on the right, so spans can follow one
    /// another. O(characters); allocates nothing, with a fast path for ASCII runs.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        write(text[...], x: x, y: y, style: style, clip: clip)
    }

    /// `write` for a slice of a string.
    @discardableResult
    public mutating func write(_ text: Substring, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return x + TextWidth.of(text) }
        return writeRow(text, x: x, y: y, style: style, minX: bounds.x, maxX: bounds.maxX)
    }

    /// Writes a styled line from column `x` on row `y`, clipped to `clip`. With
    /// `.ellipsis(marker)`, a line wider than the space left ends in `marker` at the edge.
    /// Returns the column after the last character written.
    @discardableResult
    public mutating func write(
        _ line: Line, x: Int, y: Int, clip: Rect? = nil, truncation: Truncation = .clip
    ) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return x }
        var maxX = bounds.maxX
        var marker: String?
        if case .ellipsis(let ellipsis) = truncation, x + line.width > bounds.maxX {
            let markerWidth = TextWidth.of(ellipsis)
            if bounds.maxX - x > markerWidth {
                maxX = bounds.maxX - markerWidth
                marker = ellipsis
            }
        }
        var column = x
        for span in line.spans {
            column = writeRow(span.text[...], x: column, y: y, style: span.style, minX: bounds.x, maxX: maxX)
            if column >= maxX { break }
        }
        guard let marker else { return min(column, bounds.maxX) }
        let markerStyle = line.spans.last(where: { !$0.text.isEmpty })?.style ?? .plain
        // A wide character cut at the limit leaves a gap; close it so the marker sits at the edge.
        for gap in min(max(column, bounds.x), maxX)..<maxX { put(Glyph.space, width: 1, x: gap, y: y, style: markerStyle) }
        return writeRow(marker[...], x: maxX, y: y, style: markerStyle, minX: bounds.x, maxX: bounds.maxX)
    }

    /// Writes `text` (as one plain line) with truncation; see `write(_:x:y:clip:truncation:)`.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil, truncation: Truncation
    ) -> Int {
        write(Line(text, style: style), x: x, y: y, clip: clip, truncation: truncation)
    }

    /// The hot loop: one pass over the UTF-8 bytes, with the cells held as one buffer pointer.
    /// An ASCII byte followed by another ASCII byte (or the end) is a whole grapheme and is
    /// written without building a `Character`; anything else goes through grapheme breaking
    /// and `TextWidth`.
    private mutating func writeRow(_ text: Substring, x: Int, y: Int, style: Style, minX: Int, maxX: Int) -> Int {
        let rowStart = y * width, rowWidth = width
        var column = x
        var index = text.utf8.startIndex
        let end = text.utf8.endIndex
        cells.withUnsafeMutableBufferPointer { cells in
            while index < end && column < maxX {
                let byte = text.utf8[index]
                let next = text.utf8.index(after: index)
                var glyph: Glyph
                var characterWidth: Int
                if byte < 0x80 && (next == end || text.utf8[next] < 0x80) {
                    index = next
                    if byte >= 0x20 && byte != 0x7F {
                        glyph = Glyph(ascii: byte)
                        characterWidth = 1
                    } else if byte == 0x09 {
                        glyph = .space
                        characterWidth = 1
                    } else {
                        continue
                    }
                } else {
                    // The cluster rules of TextWidth: its first scalar decides, combining marks
                    // add nothing, U+FE0F after an emoji-capable base makes it 2.
                    let scalar = text.unicodeScalars[index]
                    let clusterEnd = text.index(after: index)
                    let cluster = text.utf8[index..<clusterEnd]
                    characterWidth = TextWidth.of(cluster: text.unicodeScalars[index..<clusterEnd])
                    index = clusterEnd
                    guard characterWidth > 0 else { continue }
                    glyph = byte == 0x09 ? .space : Glyph(utf8: cluster, firstScalar: scalar)
                }
                defer { column += characterWidth }
                if column < minX {
                    // A wide character cut by the left edge shows its visible half as a space.
                    if column + characterWidth > minX {
                        ScreenBuffer.place(.space, width: 1, x: minX, rowStart: rowStart, rowWidth: rowWidth, style: style, in: cells)
                    }
                    continue
                }
                if column + characterWidth > maxX {
                    ScreenBuffer.place(.space, width: 1, x: column, rowStart: rowStart, rowWidth: rowWidth, style: style, in: cells)
                    continue
                }
                ScreenBuffer.place(glyph, width: characterWidth, x: column, rowStart: rowStart, rowWidth: rowWidth, style: style, in: cells)
            }
        }
        return column
    }
}
