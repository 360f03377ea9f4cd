/// The top row: the program, the data, toggles, and either a notice or the key hints.
enum TitleBar {
    static func render(_ state: ExplorerState, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        let dataset = state.dataset
        var spans = [Span(" Strata ", style: ExplorerTheme.title.reversed()), Span(" ")]
        spans.append(Span(state.configuration.sourceLabel, style: Style(bold: true)))
        var facts = [NumberText.grouped(dataset.userIDs.count) + " users", NumberText.grouped(dataset.catalogue.count) + " items"]
        if state.isSimulated { facts.insert("simulated", at: 0) }
        if let comparison = state.comparison {
            facts.insert(comparison.mode == .split ? "A strata vs B " + comparison.label : "model " + comparison.label, at: 0)
        }
        if let session = state.configuration.sessionName { facts.append("session " + session) }
        spans.append(Span(" · " + facts.joined(separator: " · "), style: ExplorerTheme.muted))
        if let preview = state.preview { spans.append(Span("  " + preview.label + " ", style: ExplorerTheme.warning)) }
        if state.showsTruth { spans.append(Span("  TRUTH ", style: ExplorerTheme.truth)) }
        if state.autopilot { spans.append(Span("  AUTOPILOT ", style: ExplorerTheme.warning)) }
        let right: Line
        if let notice = state.notice {
            right = Line(notice.text + " ", style: notice.isError ? ExplorerTheme.alert : ExplorerTheme.warning)
        } else {
            right = Line([Span("?", style: Style(bold: true)), Span(" help  ", style: ExplorerTheme.muted),
                          Span("q", style: Style(bold: true)), Span(" quit ", style: ExplorerTheme.muted)])
        }
        let rightWidth = min(right.width, row.width)
        buffer.write(right, x: row.maxX - rightWidth, y: row.y, clip: row, truncation: .ellipsis(glyphs.ellipsis))
        let leftArea = Rect(x: row.x, y: row.y, width: max(0, row.width - rightWidth - 1), height: 1)
        buffer.write(Line(spans), x: row.x, y: row.y, clip: leftArea, truncation: .ellipsis(glyphs.ellipsis))
    }
}
