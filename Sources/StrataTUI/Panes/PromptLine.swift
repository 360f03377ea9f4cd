/// The one-line prompt (`:` go to a position, `b` name a bookmark) drawn over the status
/// line, with what Enter and Esc do.
enum PromptLine {
    static func render(_ prompt: ExplorerPrompt, total: Int, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        guard area.width > 0, area.height > 0 else { return }
        buffer.fill(area, with: .blank(ExplorerTheme.status))
        let hint: String = switch prompt.kind {
        case .goTo: "  0–" + NumberText.grouped(total) + " · Enter go · Esc cancel"
        case .bookmarkName: "  Enter save (empty: position and user) · Esc cancel"
        }
        let cursor = glyphs.isASCII ? "_" : "▏"
        let line = Line([
            Span(" " + prompt.question, style: Style(bold: true, reverse: true)),
            Span(" " + prompt.text + cursor, style: Style(bold: true)),
            Span(hint, style: ExplorerTheme.muted),
        ])
        _ = buffer.write(line, x: area.x, y: area.y, clip: area, truncation: .ellipsis(glyphs.ellipsis))
    }
}
