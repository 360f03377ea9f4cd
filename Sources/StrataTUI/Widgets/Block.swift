/// A border with an optional title on the top edge; the content goes in `inner(of:)`.
///
///     ┌ Weights ─────┐      +- Weights -----+
///     │              │      |               |
///     └──────────────┘      +---------------+
public struct Block: Widget, Sendable {
    public var title: Line?
    public var glyphs: GlyphSet
    public var borderStyle: Style
    /// Filled inside the border when not `.plain` (overlays use it to hide what is below).
    public var fillStyle: Style

    public init(title: Line? = nil, glyphs: GlyphSet, borderStyle: Style = .plain, fillStyle: Style = .plain) {
        self.title = title
        self.glyphs = glyphs
        self.borderStyle = borderStyle
        self.fillStyle = fillStyle
    }

    /// The area inside the border.
    public func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        if fillStyle != .plain { buffer.fill(inner(of: area), with: .blank(fillStyle)) }
        let top = area.y, bottom = area.maxY - 1, left = area.x, right = area.maxX - 1
        for column in (left + 1)..<right {
            buffer.put(glyphs.horizontal, width: 1, x: column, y: top, style: borderStyle)
            buffer.put(glyphs.horizontal, width: 1, x: column, y: bottom, style: borderStyle)
        }
        for row in (top + 1)..<bottom {
            buffer.put(glyphs.vertical, width: 1, x: left, y: row, style: borderStyle)
            buffer.put(glyphs.vertical, width: 1, x: right, y: row, style: borderStyle)
        }
        buffer.put(glyphs.topLeft, width: 1, x: left, y: top, style: borderStyle)
        buffer.put(glyphs.topRight, width: 1, x: right, y: top, style: borderStyle)
        buffer.put(glyphs.bottomLeft, width: 1, x: left, y: bottom, style: borderStyle)
        buffer.put(glyphs.bottomRight, width: 1, x: right, y: bottom, style: borderStyle)
        if let title, area.width >= 5 {
            // " Title " between the corner+1 and the last-but-one column.
            let titleArea = Rect(x: left + 1, y: top, width: area.width - 3, height: 1)
            let padded = Line([Span(" ", style: borderStyle)] + title.spans + [Span(" ", style: borderStyle)])
            buffer.write(padded, x: titleArea.x, y: top, clip: titleArea, truncation: .ellipsis(glyphs.ellipsis))
        }
    }
}
