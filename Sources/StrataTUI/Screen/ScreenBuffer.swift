/// A `width`×`height` grid of cells that widgets render into and backends draw.
///
/// Storage is one flat `ContiguousArray` in row-major order, so a cell is at `y * width + x`.
/// Writes keep wide characters consistent: overwriting either half of a wide character blanks
/// the other half, and a wide character that would straddle the right edge of the clip area
/// becomes a space.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public internal(set) var cells: ContiguousArray<Cell>

    /// A buffer with every cell set to `cell`. O(width × height).
    public init(width: Int, height: Int, filledWith cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = ContiguousArray(repeating: cell, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`. Setting does not repair wide characters; use `put`.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) outside \(width)x\(height)")
            return cells[y * width + x]
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) outside \(width)x\(height)")
            cells[y * width + x] = newValue
        }
    }

    /// Sets every cell of `area` (clipped to the buffer) to `cell`. O(area).
    public mutating func fill(_ area: Rect, with cell: Cell) {
        let clipped = area.intersection(self.area)
        guard !clipped.isEmpty else { return }
        repairWideCharacters(around: clipped)
        for row in clipped.y..<clipped.maxY {
            let start = row * width
            for index in (start + clipped.x)..<(start + clipped.maxX) { cells[index] = cell }
        }
    }

    /// Sets every cell to `cell`. O(width × height).
    public mutating func clear(to cell: Cell = .blank) {
        for index in cells.indices { cells[index] = cell }
    }

    /// Lays `overlay` over the style of every cell in `area` (see `Style.patched`). O(area).
    public mutating func patchStyle(_ overlay: Style, in area: Rect) {
        let clipped = area.intersection(self.area)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.maxY {
            let start = row * width
            for index in (start + clipped.x)..<(start + clipped.maxX) {
                cells[index].style = cells[index].style.patched(with: overlay)
            }
        }
    }

    /// Writes one character of display width `characterWidth` (1 or 2) at (`x`, `y`), blanking
    /// the halves of any wide character it partly covers. A wide character needs `x + 1` in
    /// the buffer. O(1).
    public mutating func put(_ character: Character, width characterWidth: Int, x: Int, y: Int, style: Style) {
        put(Glyph(character), width: characterWidth, x: x, y: y, style: style)
    }

    /// `put` for a glyph already encoded (the allocation-free path).
    @inline(__always)
    public mutating func put(_ glyph: Glyph, width characterWidth: Int, x: Int, y: Int, style: Style) {
        precondition(characterWidth == 1 || characterWidth == 2, "width \(characterWidth) of a cell is not 1 or 2")
        precondition(x >= 0 && x + characterWidth <= width && y >= 0 && y < height,
                     "\(characterWidth)-column cell at (\(x), \(y)) outside \(width)x\(height)")
        let rowWidth = width
        cells.withUnsafeMutableBufferPointer { cells in
            ScreenBuffer.place(glyph, width: characterWidth, x: x, rowStart: y * rowWidth, rowWidth: rowWidth, style: style, in: cells)
        }
    }

    /// Stores a glyph whose cells are known to be inside the row, repairing wide neighbours.
    /// The caller has checked the bounds. O(1).
    @inline(__always)
    static func place(
        _ glyph: Glyph, width characterWidth: Int, x: Int, rowStart: Int, rowWidth: Int, style: Style,
        in cells: UnsafeMutableBufferPointer<Cell>
    ) {
        let index = rowStart + x
        if cells[index].width == 0 && x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        let last = index + characterWidth - 1
        if cells[last].width == 2 && x + characterWidth < rowWidth {
            cells[last + 1] = .blank(cells[last + 1].style)
        }
        cells[index] = Cell(glyph: glyph, width: UInt8(truncatingIfNeeded: characterWidth), style: style)
        if characterWidth == 2 { cells[index + 1] = .continuation(style) }
    }

    /// Changes the size, keeping the overlapping top-left part. O(new area).
    public mutating func resize(width newWidth: Int, height newHeight: Int, filledWith cell: Cell = .blank) {
        var resized = ScreenBuffer(width: newWidth, height: newHeight, filledWith: cell)
        for row in 0..<min(height, resized.height) {
            for column in 0..<min(width, resized.width) {
                resized.cells[row * resized.width + column] = cells[row * width + column]
            }
        }
        if resized.width < width {
            for row in 0..<resized.height where resized.width > 0 {
                let lastIndex = row * resized.width + resized.width - 1
                if resized.cells[lastIndex].width == 2 { resized.cells[lastIndex] = .blank(resized.cells[lastIndex].style) }
            }
        }
        self = resized
    }

    /// The text of every row, continuation cells skipped (so each line has `width` columns of
    /// display width). For tests and snapshots. O(width × height).
    public func lines() -> [String] {
        (0..<height).map { row in
            var text = ""
            text.reserveCapacity(width)
            let start = row * width
            for index in start..<(start + width) where cells[index].width != 0 {
                text.append(cells[index].character)
            }
            return text
        }
    }

    /// Blanks the outer half of wide characters cut by the left or right edge of `area`, before
    /// `area` is overwritten wholesale.
    private mutating func repairWideCharacters(around area: Rect) {
        for row in area.y..<area.maxY {
            let start = row * width
            if area.x > 0 && cells[start + area.x].width == 0 {
                cells[start + area.x - 1] = .blank(cells[start + area.x - 1].style)
            }
            if area.maxX < width && cells[start + area.maxX].width == 0 {
                cells[start + area.maxX] = .blank(cells[start + area.maxX].style)
            }
        }
    }
}
