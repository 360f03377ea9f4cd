import StrataCore

/// A strip across the whole stream (SPEC §8 "timeline"): each column a stretch of positions,
/// marked with the explorer's decisions, the session's bookmarks, the focused user's drift
/// alerts and tier changes; the current position is the highlighted column.
enum TimelineStrip {
    /// What happened in each column, strongest first.
    enum Mark: Int, Comparable {
        case none = 0, tierChange, manyTierChanges, cleared, surprise, drift, decision, bookmark
        static func < (a: Mark, b: Mark) -> Bool { a.rawValue < b.rawValue }
    }

    static func marks(_ state: ExplorerState, width: Int) -> (marks: [Mark], accepted: [Bool?]) {
        let total = max(1, state.dataset.events.count)
        var marks = Array(repeating: Mark.none, count: width)
        var accepted = Array(repeating: Bool?.none, count: width)
        var changes = Array(repeating: 0, count: width)
        func column(_ position: Int) -> Int { min(width - 1, max(0, (position - 1) * width / total)) }
        let model = state.model
        for change in model.tierChanges where change.user == state.focusedUser { changes[column(change.position)] += 1 }
        for (c, count) in changes.enumerated() where count > 0 { marks[c] = count >= 3 ? .manyTierChanges : .tierChange }
        for alert in model.driftAlerts where alert.user == state.focusedUser {
            let mark: Mark = switch alert.kind {
            case .interestShift: .drift
            case .cleared: .cleared
            case .learnerSurprise: .surprise
            }
            let c = column(alert.position)
            marks[c] = max(marks[c], mark)
        }
        for decision in state.replayer.decisions where decision.position <= state.replayer.position {
            let c = column(decision.position)
            marks[c] = .decision
            accepted[c] = accepted[c].map { $0 && decision.accepted } ?? decision.accepted
        }
        for bookmark in state.bookmarks where bookmark.position > 0 { marks[column(bookmark.position)] = .bookmark }
        return (marks, accepted)
    }

    static func render(_ state: ExplorerState, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        guard area.width > 0, area.height > 0 else { return }
        let paneGlyphs = PaneGlyphs(glyphs)
        let total = max(1, state.dataset.events.count)
        let position = state.replayer.position
        let width = area.width
        let (marks, accepted) = marks(state, width: width)
        let cursor = position == 0 ? -1 : min(width - 1, (position - 1) * width / total)
        for c in 0..<width {
            let played = c <= cursor
            var glyph = played ? paneGlyphs.played : paneGlyphs.unplayed
            var style = played ? ExplorerTheme.muted : ExplorerTheme.dim
            switch marks[c] {
            case .none: break
            case .tierChange: glyph = paneGlyphs.tierChange; style = Style(foreground: .yellow)
            case .manyTierChanges: glyph = paneGlyphs.manyTierChanges; style = Style(foreground: .yellow, bold: true)
            case .cleared: glyph = paneGlyphs.cleared; style = ExplorerTheme.positive
            case .surprise: glyph = paneGlyphs.surprise; style = ExplorerTheme.warning
            case .drift: glyph = paneGlyphs.drift; style = ExplorerTheme.alert
            case .decision:
                glyph = paneGlyphs.decision
                style = accepted[c] == false ? ExplorerTheme.reject : ExplorerTheme.accept
            case .bookmark: glyph = paneGlyphs.bookmark; style = ExplorerTheme.bookmark
            }
            if c == cursor { style = style.reversed().bolded() }
            buffer.put(glyph, width: 1, x: area.x + c, y: area.y, style: style)
        }
        guard area.height >= 2 else { return }
        let y = area.y + 1
        let row = Rect(x: area.x, y: y, width: width, height: 1)
        let legend = Line([Span]() + [
            Span(String(paneGlyphs.decision), style: ExplorerTheme.accept), Span(" decision  ", style: ExplorerTheme.muted),
        ] + (state.bookmarks.isEmpty ? [] : [
            Span(String(paneGlyphs.bookmark), style: ExplorerTheme.bookmark), Span(" bookmark  ", style: ExplorerTheme.muted),
        ]) + [
            Span(String(paneGlyphs.drift), style: ExplorerTheme.alert), Span(" drift  ", style: ExplorerTheme.muted),
            Span(String(paneGlyphs.cleared), style: ExplorerTheme.positive), Span(" cleared  ", style: ExplorerTheme.muted),
            Span(String(paneGlyphs.surprise), style: ExplorerTheme.warning), Span(" surprise  ", style: ExplorerTheme.muted),
            Span(String(paneGlyphs.manyTierChanges), style: Style(foreground: .yellow)),
            Span(" tier changes (\(state.focusedUserID))", style: ExplorerTheme.muted),
        ])
        var labelRange = 0..<0
        if cursor >= 0 {
            let label = String(paneGlyphs.cursor) + " " + NumberText.grouped(position)
            let x = min(area.x + cursor, row.maxX - label.count)
            buffer.write(label, x: x, y: y, style: Style(bold: true), clip: row)
            labelRange = x..<(x + label.count)
        }
        // The legend sits on the side away from the cursor.
        let legendWidth = min(legend.width, width)
        let legendX = cursor < width / 2 ? row.maxX - legendWidth : row.x
        if !labelRange.overlaps(legendX..<(legendX + legendWidth)) {
            buffer.write(legend, x: legendX, y: y, clip: row)
        }
    }
}
