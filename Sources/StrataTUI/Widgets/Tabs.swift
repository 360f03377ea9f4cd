/// A one-row header of titles with the selected one highlighted: ` Stream │ Tree │ Weights `.
public struct Tabs: Widget, Sendable {
    public var titles: [String]
    public var selected: Int?
    public var glyphs: GlyphSet
    public var style: Style
    public var highlightStyle: Style

    public init(
        titles: [String], selected: Int?, glyphs: GlyphSet,
        style: Style = .plain, highlightStyle: Style = Style(bold: true, reverse: true)
    ) {
        self.titles = titles
        self.selected = selected
        self.glyphs = glyphs
        self.style = style
        self.highlightStyle = highlightStyle
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        if style != .plain { buffer.fill(row, with: .blank(style)) }
        var x = row.x
        for (index, title) in titles.enumerated() {
            if index > 0 { x = buffer.write(String(glyphs.tabDivider), x: x, y: row.y, style: style, clip: row) }
            let titleStyle = index == selected ? style.patched(with: highlightStyle) : style
            x = buffer.write(" " + title + " ", x: x, y: row.y, style: titleStyle, clip: row)
            if x >= row.maxX { break }
        }
    }
}
