/// A full-width row with text on the left and on the right; the left side is cut (with the
/// ellipsis) so the right side always shows in full when it fits.
public struct StatusLine: Widget, Sendable {
    public var left: Line
    public var right: Line
    public var style: Style
    public var glyphs: GlyphSet

    public init(left: Line, right: Line = .empty, style: Style = Style(reverse: true), glyphs: GlyphSet) {
        self.left = left
        self.right = right
        self.style = style
        self.glyphs = glyphs
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        buffer.fill(row, with: .blank(style))
        let rightWidth = min(right.width, row.width)
        let rightX = row.maxX - rightWidth
        buffer.write(right.patchedUnder(style), x: rightX, y: row.y, clip: row)
        let leftArea = Rect(x: row.x, y: row.y, width: max(0, rightX - row.x - (rightWidth > 0 ? 1 : 0)), height: 1)
        buffer.write(left.patchedUnder(style), x: leftArea.x, y: row.y, clip: leftArea, truncation: .ellipsis(glyphs.ellipsis))
    }
}
