import StrataCore

/// A strip across the whole stream (SPEC §8 "timeline"): each column a stretch of positions,
/// marked with the explorer's decisions, the session's bookmarks, the focused user's drift
/// alerts and tier changes; the current position is the highlighted column.
enum TimelineStrip {
    /// What happened in each column, strongest first.
    enum Mark: Int, Comparable {
        case none = 0, labelChange, manyLabelChanges, cleared, surprise, drift, decision, bookmark
        static func < (a: Mark, b: Mark) -> Bool { a.rawValue < b.rawValue }
    }

    static func marks(_ state: ExplorerState, width: Int) -> (marks: [Mark], accepted: [Bool?]) {
        let total = max(1, state.dataset.events.count)
        var marks = Array(repeating: Mark.none, count: width)
        var accepted = Array(repeating: Bool?.none, count: width)
        var changes = Array(repeating: 0, count: width)
        func column(_ position: Int) -> Int { min(width - 1, max(0, (position - 1) * width / total)) }
        let model = state.model
        let focused = state.focusedMarks
        for change in focused.labelChanges { changes[column(change.position)] += 1 }
        for (c, count) in changes.enumerated() where count > 0 { marks[c] = count >= 3 ? .manyLabelChanges : .labelChange }
        for alert in focused.driftAlerts {
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
            case .labelChange: glyph = paneGlyphs.labelChange; style = Style(foreground: .yellow)
            case .manyLabelChanges: glyph = paneGlyphs.manyLabelChanges; style = Style(foreground: .yellow, bold: true)
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
        guard area.height >= 2, let placed = legendPlacement(state, in: area, glyphs: glyphs) else { return }
        if let label = placed.label {
            buffer.write(label.text, x: label.x, y: area.y + 1, style: Style(bold: true), clip: placed.row)
        }
        guard placed.showsLegend else { return }
        var x = placed.legendX
        for entry in placed.entries {
            buffer.write(Line(entry.spans), x: x, y: area.y + 1, clip: placed.row)
            x += entry.width
        }
    }

    /// One entry of the legend; `kind` is what `n`/`N` jump to when it is clicked (drawn
    /// underlined while chosen).
    struct LegendEntry {
        var spans: [Span]
        var kind: MarkKind?
        var width: Int { spans.reduce(0) { $0 + $1.width } }
    }

    static func legendEntries(_ state: ExplorerState, glyphs: GlyphSet) -> [LegendEntry] {
        let paneGlyphs = PaneGlyphs(glyphs)
        func entry(_ glyph: Character, _ style: Style, _ text: String, _ kind: MarkKind?) -> LegendEntry {
            var words = ExplorerTheme.muted
            if let kind, kind == state.markKind { words = Style(bold: true, underline: true) }
            return LegendEntry(spans: [Span(String(glyph), style: style), Span(" " + text, style: words), Span("  ", style: ExplorerTheme.muted)],
                               kind: kind)
        }
        var entries = [entry(paneGlyphs.decision, ExplorerTheme.accept, "decision", .decision)]
        if !state.bookmarks.isEmpty || state.markKind == .bookmark {
            entries.append(entry(paneGlyphs.bookmark, ExplorerTheme.bookmark, "bookmark", .bookmark))
        }
        entries += [
            entry(paneGlyphs.drift, ExplorerTheme.alert, "drift", .driftAlert),
            entry(paneGlyphs.cleared, ExplorerTheme.positive, "cleared", nil),
            entry(paneGlyphs.surprise, ExplorerTheme.warning, "surprise", nil),
            entry(paneGlyphs.manyLabelChanges, Style(foreground: .yellow), "tier changes (\(state.focusedUserID))", .labelChange),
        ]
        entries[entries.count - 1].spans.removeLast()
        return entries
    }

    /// Where the second row's cursor label and legend go; shared by `render` and the mouse.
    struct Placement {
        var row: Rect
        var label: (text: String, x: Int)?
        var entries: [LegendEntry]
        var legendX: Int
        var showsLegend: Bool
    }

    static func legendPlacement(_ state: ExplorerState, in area: Rect, glyphs: GlyphSet) -> Placement? {
        guard area.width > 0, area.height >= 2 else { return nil }
        let total = max(1, state.dataset.events.count)
        let position = state.replayer.position
        let width = area.width
        let cursor = position == 0 ? -1 : min(width - 1, (position - 1) * width / total)
        let row = Rect(x: area.x, y: area.y + 1, width: width, height: 1)
        let entries = legendEntries(state, glyphs: glyphs)
        var label: (text: String, x: Int)?
        var labelRange = 0..<0
        if cursor >= 0 {
            let text = String(PaneGlyphs(glyphs).cursor) + " " + NumberText.grouped(position)
            let x = min(area.x + cursor, row.maxX - text.count)
            label = (text, x)
            labelRange = x..<(x + text.count)
        }
        // The legend sits on the side away from the cursor.
        let legendWidth = min(entries.reduce(0) { $0 + $1.width }, width)
        let legendX = cursor < width / 2 ? row.maxX - legendWidth : row.x
        let shows = !labelRange.overlaps(legendX..<(legendX + legendWidth))
        return Placement(row: row, label: label, entries: entries, legendX: legendX, showsLegend: shows)
    }

    /// The legend entry drawn at column `x` of the second row, if any. Every glyph is one
    /// column in both glyph sets, so the Unicode set's layout serves both.
    static func legendEntry(atColumn x: Int, _ state: ExplorerState, in area: Rect) -> LegendEntry? {
        guard let placed = legendPlacement(state, in: area, glyphs: .unicode), placed.showsLegend, x < placed.row.maxX else { return nil }
        var left = placed.legendX
        for entry in placed.entries {
            if x >= left && x < left + entry.width { return entry }
            left += entry.width
        }
        return nil
    }
}
