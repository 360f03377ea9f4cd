import StrataCore

/// The focused user's recommendations (SPEC §4, §8): rank, title, score `w · x`, P(accept)
/// and the three largest contributions in words. `a`/`r` answer the selected one.
enum RecommendationsPane {
    static func render(_ state: ExplorerState, in area: Rect, focused: Bool, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let paneGlyphs = PaneGlyphs(glyphs)
        var title = PaneFrame.title("Recommendations", state.focusedUserID)
        if let echo = state.lastDecision {
            let marker = echo.accepted ? paneGlyphs.accept : paneGlyphs.reject
            var text = " · \(marker) \(echo.accepted ? "accepted" : "rejected") \(echo.title)"
            if let after = echo.probabilityAfter {
                text += " P " + NumberText.fixed(echo.probabilityBefore, decimals: 2) + String(glyphs.arrowRight) + NumberText.fixed(after, decimals: 2)
            }
            if echo.byAutopilot { text += " (autopilot)" }
            title.spans.append(Span(text, style: echo.accepted ? ExplorerTheme.accept : ExplorerTheme.reject))
        }
        let inner = PaneFrame.draw(title, focused: focused, in: area, into: &buffer, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard !state.recommendations.isEmpty else {
            buffer.write("no candidates yet: press Space to play or → to step", x: inner.x, y: inner.y,
                         style: ExplorerTheme.muted, clip: inner)
            return
        }
        let titles = state.dataset.catalogue.items
        let rows = state.recommendations.enumerated().map { rank, recommendation in
            TableRow([
                Line(String(rank + 1), style: ExplorerTheme.muted),
                Line(titles[recommendation.item].title, style: Style(bold: true)),
                Line(NumberText.fixed(recommendation.score, decimals: 2, sign: true), style: ExplorerTheme.signed(recommendation.score)),
                Line(NumberText.fixed(recommendation.probability, decimals: 2)),
                Line(recommendation.reasons.joined(separator: ", "), style: ExplorerTheme.muted),
            ])
        }
        let wide = inner.width >= 60
        let columns = [
            TableColumn("#", width: .length(2), alignment: .right),
            TableColumn("title", width: wide ? .fill(3) : .fill(1)),
            TableColumn("score", width: .length(6), alignment: .right),
            TableColumn("P", width: .length(4), alignment: .right),
            TableColumn("why", width: wide ? .fill(4) : .fill(1)),
        ]
        Table(columns: columns, rows: rows, selected: state.recommendationSelection, scrollOffset: state.recommendationScroll,
              glyphs: glyphs, headerStyle: ExplorerTheme.header,
              highlightStyle: focused ? ExplorerTheme.selection : ExplorerTheme.inactiveSelection)
            .render(into: &buffer, area: inner)
    }
}
