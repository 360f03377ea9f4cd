/// `?`: every key of `KeyMap.standard`, grouped, plus the keys of the pickers and the
/// terminal. Written from the same table that handles the keys.
enum HelpOverlay {
    static func sections(keyWidth: Int) -> [[Line]] {
        var sections: [[Line]] = []
        for section in KeyMap.Section.allCases {
            var lines = [Line(section.rawValue, style: ExplorerTheme.title)]
            for binding in KeyMap.standard.bindings where binding.section == section {
                lines.append(entry(binding.keyText, binding.summary, keyWidth: keyWidth))
            }
            sections.append(lines)
        }
        sections.append([Line("In the user picker and search", style: ExplorerTheme.title)]
                        + KeyMap.textInputKeys.map { entry($0.keys, $0.summary, keyWidth: keyWidth) })
        sections.append([Line("Terminal", style: ExplorerTheme.title)]
                        + KeyMap.terminalKeys.map { entry($0.keys, $0.summary, keyWidth: keyWidth) })
        return sections
    }

    static func entry(_ keys: String, _ summary: String, keyWidth: Int) -> Line {
        let padding = String(repeating: " ", count: max(1, keyWidth - TextWidth.of(keys)))
        return Line([Span("  " + keys, style: Style(foreground: .cyan, bold: true)), Span(padding + summary)])
    }

    /// The lines of the left and right columns (right empty when one column fits).
    static func columns(in area: Rect) -> (left: [Line], right: [Line]) {
        let all = sections(keyWidth: 13)
        var left: [Line] = []
        var right: [Line] = []
        if area.width >= 96 {
            let split = 2
            for section in all.prefix(split) { left += section + [Line.empty] }
            for section in all.dropFirst(split) { right += section + [Line.empty] }
        } else {
            for section in all { left += section + [Line.empty] }
        }
        return (left, right)
    }

    /// Where the help box goes in `area`.
    static func box(in area: Rect) -> Rect {
        let (left, right) = columns(in: area)
        let width = min(area.width - 2, area.width >= 96 ? 116 : 64)
        let contentHeight = max(left.count, right.count) + 1
        let height = min(area.height - 2, contentHeight + 2)
        return area.centered(width: width, height: height)
    }

    static func render(scroll: Int, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let twoColumns = area.width >= 96
        let (left, right) = columns(in: area)
        let footer = Line("Esc, q or ? closes · ↑↓ scroll · every key: Docs/explorer.md", style: ExplorerTheme.muted)
        let box = box(in: area)
        buffer.fill(box, with: .blank)
        Block(title: Line("Keys", style: ExplorerTheme.title), glyphs: glyphs, borderStyle: ExplorerTheme.focusedBorder)
            .render(into: &buffer, area: box)
        let inner = box.inset(by: 1).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        let bodyHeight = max(0, inner.height - 1)
        let maxScroll = max(0, max(left.count, right.count) - bodyHeight)
        let offset = min(scroll, maxScroll)
        let columns = twoColumns ? inner.split(.horizontal, [.fill, .fill], spacing: 2) : [inner]
        Paragraph(lines: Array(left.dropFirst(offset).prefix(bodyHeight)), wrap: false, truncation: .ellipsis(glyphs.ellipsis))
            .render(into: &buffer, area: Rect(x: columns[0].x, y: inner.y, width: columns[0].width, height: bodyHeight))
        if twoColumns {
            Paragraph(lines: Array(right.dropFirst(offset).prefix(bodyHeight)), wrap: false, truncation: .ellipsis(glyphs.ellipsis))
                .render(into: &buffer, area: Rect(x: columns[1].x, y: inner.y, width: columns[1].width, height: bodyHeight))
        }
        buffer.write(footer, x: inner.x, y: inner.maxY - 1, clip: inner, truncation: .ellipsis(glyphs.ellipsis))
    }
}
