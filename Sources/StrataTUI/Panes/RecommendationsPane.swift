import StrataCore

/// The focused user's recommendations (SPEC §4, §8): rank, title, score `w · x`, P(accept)
/// and the three largest contributions in words. `a`/`r` answer the selected one. In the A/B
/// split view the block holds A's list and B's side by side, items in both marked `=`.
enum RecommendationsPane {
    static func render(_ state: ExplorerState, in area: Rect, focused: Bool, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        guard state.isSplit, area.width >= 40 else {
            let model = state.showsCompanion ? state.comparison?.label : nil
            renderList(state, list: state.recommendations, selection: state.recommendationSelection, scroll: state.recommendationScroll,
                       heading: model.map { "Recommendations of " + $0 } ?? "Recommendations", shared: [], echo: true,
                       in: area, focused: focused, into: &buffer, glyphs: glyphs)
            return
        }
        let halves = area.split(.horizontal, [.fill(1), .fill(1)])
        let shared = state.sharedItems
        let label = state.comparison?.label ?? "B"
        renderList(state, list: state.recommendations, selection: state.recommendationSelection, scroll: state.recommendationScroll,
                   heading: "A strata", shared: shared, echo: state.selectedList == .a, in: halves[0],
                   focused: focused && state.selectedList == .a, into: &buffer, glyphs: glyphs)
        renderList(state, list: state.companionRecommendations, selection: state.companionSelection, scroll: state.companionScroll,
                   heading: "B " + label, shared: shared, echo: state.selectedList == .b, in: halves[1],
                   focused: focused && state.selectedList == .b, into: &buffer, glyphs: glyphs)
    }

    /// Which list and which of its recommendations screen cell (`x`, `y`) of the pane in `area`
    /// shows; the list alone for its header and border, nil outside.
    static func entry(atColumn x: Int, row y: Int, _ state: ExplorerState, in area: Rect) -> (list: ComparisonList, index: Int?)? {
        guard area.contains(x: x, y: y) else { return nil }
        guard state.isSplit, area.width >= 40 else {
            return (.a, index(atRow: y, list: state.recommendations, selection: state.recommendationSelection,
                              scroll: state.recommendationScroll, in: area))
        }
        let halves = area.split(.horizontal, [.fill(1), .fill(1)])
        if halves[1].contains(x: x, y: y) {
            return (.b, index(atRow: y, list: state.companionRecommendations, selection: state.companionSelection,
                              scroll: state.companionScroll, in: halves[1]))
        }
        return (.a, index(atRow: y, list: state.recommendations, selection: state.recommendationSelection,
                          scroll: state.recommendationScroll, in: halves[0]))
    }

    /// The row of `list` drawn on screen row `y`, as the table in `renderList` lays it out.
    static func index(atRow y: Int, list: [Recommendation], selection: Int, scroll: Int, in area: Rect) -> Int? {
        let inner = PaneFrame.inner(of: area)
        let bodyHeight = inner.height - 1
        let line = y - inner.y - 1
        guard (0..<bodyHeight).contains(line) else { return nil }
        let offset = Scrolling.offset(keeping: selection, previous: scroll, visibleRows: bodyHeight, rowCount: list.count)
        return list.indices.contains(offset + line) ? offset + line : nil
    }

    static func renderList(_ state: ExplorerState, list: [Recommendation], selection: Int, scroll: Int, heading: String,
                           shared: Set<ItemIndex>, echo showsEcho: Bool, in area: Rect, focused: Bool,
                           into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let paneGlyphs = PaneGlyphs(glyphs)
        var title = PaneFrame.title(heading, state.focusedUserID)
        if state.isSplit && heading.hasPrefix("A ") {
            title.spans.append(Span(" · answers: " + state.sideText(state.decisionSide), style: ExplorerTheme.muted))
        }
        if showsEcho, let echo = state.lastDecision {
            let marker = echo.accepted ? paneGlyphs.accept : paneGlyphs.reject
            var text = " · \(marker) \(echo.accepted ? "accepted" : "rejected") \(echo.title)"
            if let after = echo.probabilityAfter, echo.probabilityBefore.isFinite {
                text += " P " + NumberText.fixed(echo.probabilityBefore, decimals: 2) + String(glyphs.arrowRight) + NumberText.fixed(after, decimals: 2)
            }
            if echo.byAutopilot { text += " (autopilot)" }
            title.spans.append(Span(text, style: echo.accepted ? ExplorerTheme.accept : ExplorerTheme.reject))
        }
        let inner = PaneFrame.draw(title, focused: focused, in: area, into: &buffer, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard !list.isEmpty else {
            buffer.write("no candidates yet: press Space to play or → to step", x: inner.x, y: inner.y,
                         style: ExplorerTheme.muted, clip: inner)
            return
        }
        let titles = state.dataset.catalogue.items
        let split = state.isSplit
        let rows = list.enumerated().map { rank, recommendation in
            var cells = [Line(String(rank + 1), style: ExplorerTheme.muted)]
            let narrow = split && inner.width < 50
            if split { cells.append(Line(shared.contains(recommendation.item) ? "=" : " ", style: ExplorerTheme.accept)) }
            cells += [
                Line(titles[recommendation.item].title, style: Style(bold: true)),
                Line(NumberText.fixed(recommendation.score, decimals: 2, sign: true), style: ExplorerTheme.signed(recommendation.score)),
            ]
            if !narrow {
                cells += [Line(recommendation.probability.isFinite ? NumberText.fixed(recommendation.probability, decimals: 2) : "-"),
                          Line(recommendation.reasons.joined(separator: ", "), style: ExplorerTheme.muted)]
            }
            return TableRow(cells)
        }
        let wide = inner.width >= 60
        // A narrow half of the split (80 columns) keeps rank, mark, title and score legible.
        let narrow = split && inner.width < 50
        var columns = [TableColumn("#", width: .length(2), alignment: .right)]
        if split { columns.append(TableColumn("", width: .length(1))) }
        columns += [
            TableColumn("title", width: wide ? .fill(3) : .fill(1)),
            TableColumn("score", width: .length(6), alignment: .right),
        ]
        if !narrow {
            columns += [TableColumn("P", width: .length(4), alignment: .right), TableColumn("why", width: wide ? .fill(4) : .fill(1))]
        }
        Table(columns: columns, rows: rows, selected: selection, scrollOffset: scroll,
              glyphs: glyphs, headerStyle: ExplorerTheme.header,
              highlightStyle: focused ? ExplorerTheme.selection : ExplorerTheme.inactiveSelection)
            .render(into: &buffer, area: inner)
    }
}
