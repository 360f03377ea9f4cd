/// A vertical list of lines with one selected row, scrolled to keep the selection visible.
///
/// The selected row gets `highlightStyle` across the full width and, when `showsMarker`, the
/// glyph set's selection marker in a two-column gutter (`▶ item` / `  item`).
public struct ListView: Widget, Sendable {
    public var items: [Line]
    public var selected: Int?
    /// The offset shown last frame; the rendered offset is `visibleOffset(height:)`.
    public var scrollOffset: Int
    public var glyphs: GlyphSet
    public var highlightStyle: Style
    public var showsMarker: Bool

    public init(
        items: [Line], selected: Int? = nil, scrollOffset: Int = 0, glyphs: GlyphSet,
        highlightStyle: Style = Style(reverse: true), showsMarker: Bool = false
    ) {
        self.items = items
        self.selected = selected
        self.scrollOffset = scrollOffset
        self.glyphs = glyphs
        self.highlightStyle = highlightStyle
        self.showsMarker = showsMarker
    }

    /// The first row shown in an area `height` rows tall; store it as next frame's `scrollOffset`.
    public func visibleOffset(height: Int) -> Int {
        Scrolling.offset(keeping: selected, previous: scrollOffset, visibleRows: height, rowCount: items.count)
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let offset = visibleOffset(height: area.height)
        let gutter = showsMarker ? 2 : 0
        for row in 0..<min(area.height, items.count - offset) {
            let index = offset + row
            let y = area.y + row
            var line = items[index]
            let isSelected = index == selected
            if isSelected {
                buffer.fill(area.row(row), with: .blank(highlightStyle))
                line = line.patched(with: highlightStyle)
            }
            if showsMarker {
                let marker = isSelected ? String(glyphs.selectionMarker) + " " : "  "
                buffer.write(marker, x: area.x, y: y, style: isSelected ? highlightStyle : .plain, clip: area)
            }
            buffer.write(line, x: area.x + gutter, y: y, clip: area, truncation: .ellipsis(glyphs.ellipsis))
        }
    }
}
