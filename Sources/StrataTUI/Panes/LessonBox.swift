import StrataCore

/// A lesson stop's note (issue 13, item 2): a box beside the pane it talks about, its title
/// pointing there (`◀ Interests`), the two to four lines of text, where the formula is
/// explained, and the keys that go on.
enum LessonBox {
    static func render(_ state: ExplorerState, layout: ExplorerLayout, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        guard let run = state.lesson, let index = run.shown else { return }
        let stop = run.lesson.stops[index]
        let target = paneRect(stop.pane, layout: layout)
        let screen = Rect(x: 0, y: layout.titleBar.maxY, width: buffer.width, height: max(0, layout.timeline.y - layout.titleBar.maxY))
        let ascii = glyphs.isASCII
        var lines: [Line] = stop.text.map { Line($0) }
        if let see = stop.see { lines.append(Line("see " + see, style: ExplorerTheme.muted)) }
        let keys = (index > 0 ? "space go on · " + (ascii ? "<-" : "←") + " back a stop · Esc leave" : "space go on · Esc leave the lesson")
        let footer = Line(keys, style: ExplorerTheme.header)

        // The widest free region beside the pane (left/right in the full layout, above/below
        // in the compact one), else over the screen's middle.
        let body = Paragraph(lines: lines)
        let height = { (width: Int) in min(screen.height, body.rows(forWidth: max(10, width - 4)).count + 4) }
        let (box, arrow) = place(height: height, beside: target, in: screen, ascii: ascii)
        buffer.fill(box, with: .blank)
        let title = Line([
            Span(" " + arrow + " " + paneName(stop.pane) + " ", style: Style(bold: true, reverse: true)),
            Span(" Lesson \(index + 1)/\(run.lesson.stops.count) · " + stop.title + " ", style: ExplorerTheme.title),
        ])
        Block(title: title, glyphs: glyphs, borderStyle: ExplorerTheme.focusedBorder).render(into: &buffer, area: box)
        let inner = box.inset(by: 1).inset(horizontal: 1)
        guard inner.height > 1 else { return }
        Paragraph(lines: lines, truncation: .ellipsis(glyphs.ellipsis))
            .render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1))
        _ = buffer.write(footer, x: inner.x, y: inner.maxY - 1, clip: inner, truncation: .ellipsis(glyphs.ellipsis))
    }

    static func paneName(_ pane: LessonPane) -> String {
        switch pane {
        case .tree: "Interests"
        case .recommendations: "Recommendations"
        case .stream: "Stream"
        case .weights: "Weights"
        case .timeline: "Timeline"
        case .status: "Status line"
        }
    }

    static func paneRect(_ pane: LessonPane, layout: ExplorerLayout) -> Rect {
        switch (pane, layout.mode) {
        case (.tree, _): layout.tree
        case (.recommendations, .full): layout.recommendations
        case (.stream, .full): layout.stream
        case (.weights, .full): layout.weights
        case (.recommendations, _), (.stream, _), (.weights, _): layout.tabbed
        case (.timeline, _): layout.timeline
        case (.status, _): layout.status
        }
    }

    /// The box next to `target`: right or left of it when there is room, else above or below;
    /// with the arrow that points from the box to the pane.
    /// `height(width)` is the box's height at a width (the text wraps). Boxes are 44 to 78 wide.
    static func place(height: (Int) -> Int, beside target: Rect, in screen: Rect, ascii: Bool) -> (Rect, String) {
        let left = target.x - screen.x, right = screen.maxX - target.maxX
        let top = target.y - screen.y, bottom = screen.maxY - target.maxY
        func row(_ h: Int) -> Int { min(max(screen.y, target.y), max(screen.y, screen.maxY - h)) }
        if right >= 44 {
            let w = min(78, right), h = height(w)
            return (Rect(x: target.maxX, y: row(h), width: w, height: h), ascii ? "<" : "◀")
        }
        if left >= 44 {
            let w = min(78, left), h = height(w)
            return (Rect(x: target.x - w, y: row(h), width: w, height: h), ascii ? ">" : "▶")
        }
        let width = min(screen.width - 2, 78)
        let height = height(width)
        let x = screen.x + max(0, (screen.width - width) / 2)
        if bottom >= height {
            return (Rect(x: x, y: target.maxY, width: width, height: height), ascii ? "^" : "▲")
        }
        if top >= height {
            return (Rect(x: x, y: target.y - height, width: width, height: height), ascii ? "v" : "▼")
        }
        // Nothing beside it is free (the timeline or status line at a small size): over the
        // lower part of the screen, pointing down at it.
        let below = target.y >= screen.maxY
        return (Rect(x: x, y: max(screen.y, screen.maxY - height), width: width, height: height), below ? (ascii ? "v" : "▼") : (ascii ? "^" : "▲"))
    }
}
