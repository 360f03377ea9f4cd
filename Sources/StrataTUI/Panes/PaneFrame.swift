/// The border every pane draws: its title, brighter when the pane has focus. Returns the
/// inside, with one column of padding on each side.
enum PaneFrame {
    static func draw(_ title: Line, focused: Bool, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) -> Rect {
        guard area.width >= 4, area.height >= 3 else { return .zero }
        let style = focused ? ExplorerTheme.focusedBorder : ExplorerTheme.border
        let titled = focused ? title.patched(with: Style(bold: true)) : title
        Block(title: titled, glyphs: glyphs, borderStyle: style).render(into: &buffer, area: area)
        return inner(of: area)
    }

    /// The inside `draw` returns for `area` (empty when the block is too small to draw).
    static func inner(of area: Rect) -> Rect {
        guard area.width >= 4, area.height >= 3 else { return .zero }
        return area.inset(by: 1).inset(horizontal: 1)
    }

    /// A title made of a name and dim details: `Interests · cleo`.
    static func title(_ name: String, _ details: String...) -> Line { title(name, details) }

    static func title(_ name: String, _ details: [String]) -> Line {
        var spans = [Span(name, style: Style(bold: true))]
        for detail in details where !detail.isEmpty { spans.append(Span(" · " + detail, style: ExplorerTheme.muted)) }
        return Line(spans)
    }
}
