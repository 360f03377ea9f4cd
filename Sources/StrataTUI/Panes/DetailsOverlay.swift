import StrataCore

/// Enter: why this item for the focused user (SPEC §8) — every feature's contribution
/// `w_k · x_k` by name and in words, the item's path, its co-occurrence neighbours and the
/// user's history with it.
enum DetailsOverlay {
    static func lines(_ details: ItemDetails, glyphs: GlyphSet) -> [Line] {
        var lines: [Line] = []
        lines.append(Line([Span(details.title, style: Style(bold: true)), Span("  id " + details.itemID, style: ExplorerTheme.muted)]))
        for path in details.paths { lines.append(Line([Span("path  ", style: ExplorerTheme.header), Span(path)])) }
        var summary = "for \(details.userID) at position \(NumberText.grouped(details.position)): P(accept) "
        summary += NumberText.fixed(details.probability, decimals: 3) + " = σ(" + NumberText.fixed(details.score, decimals: 3, sign: true) + ")"
        summary += details.rank.map { " · rank \($0) of the recommendations" } ?? " · not in the current recommendations"
        lines.append(Line(summary))
        lines.append(.empty)
        lines.append(Line("Why: every feature's contribution w·x (Docs/model.md §7, §11)", style: ExplorerTheme.title))
        lines.append(Line("  feature                x        w      w·x  meaning", style: ExplorerTheme.header))
        for feature in details.features {
            let text = "  " + NumberText.padRight(feature.name, 19)
                + NumberText.padLeft(NumberText.fixed(feature.value, decimals: 3), 7)
                + NumberText.padLeft(NumberText.fixed(feature.weight, decimals: 3, sign: true), 9)
            lines.append(Line([
                Span(text),
                Span(NumberText.padLeft(NumberText.fixed(feature.contribution, decimals: 3, sign: true), 9),
                     style: ExplorerTheme.signed(feature.contribution).bolded()),
                Span("  " + feature.words, style: ExplorerTheme.muted),
            ]))
        }
        lines.append(.empty)
        lines.append(Line("Neighbours (co-occurrence cosine)", style: ExplorerTheme.title))
        if details.neighbours.isEmpty { lines.append(Line("  none yet: nobody liked it together with something else", style: ExplorerTheme.muted)) }
        for neighbour in details.neighbours {
            lines.append(Line([Span("  " + NumberText.fixed(neighbour.cosine, decimals: 3) + "  ", style: ExplorerTheme.header),
                               Span(neighbour.title)]))
        }
        lines.append(.empty)
        lines.append(Line("\(details.userID)'s history with it", style: ExplorerTheme.title))
        if details.history.isEmpty { lines.append(Line("  never seen so far", style: ExplorerTheme.muted)) }
        for entry in details.history.suffix(12) {
            let style = entry.isDecision ? (entry.action == "accepted" ? ExplorerTheme.accept : ExplorerTheme.reject) : Style.plain
            lines.append(Line([Span("  at " + NumberText.padLeft(NumberText.grouped(entry.position), 7) + "  ", style: ExplorerTheme.header),
                               Span(entry.action + (entry.isDecision ? " (explorer)" : ""), style: style)]))
        }
        return lines
    }

    /// Where the box goes in `area` for `lineCount` lines of content.
    static func box(lineCount: Int, in area: Rect) -> Rect {
        area.centered(width: min(area.width - 2, 104), height: min(area.height - 2, lineCount + 3))
    }

    /// Where the box of `details` goes in `area` (the glyphs change no line count).
    static func box(_ details: ItemDetails, in area: Rect) -> Rect {
        box(lineCount: lines(details, glyphs: .unicode).count, in: area)
    }

    static func render(_ details: ItemDetails, scroll: Int, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let content = lines(details, glyphs: glyphs)
        let box = box(lineCount: content.count, in: area)
        buffer.fill(box, with: .blank)
        Block(title: Line("Details", style: ExplorerTheme.title), glyphs: glyphs, borderStyle: ExplorerTheme.focusedBorder)
            .render(into: &buffer, area: box)
        let inner = box.inset(by: 1).inset(horizontal: 1)
        guard inner.height > 1 else { return }
        let bodyHeight = inner.height - 1
        let offset = min(scroll, max(0, content.count - bodyHeight))
        Paragraph(lines: Array(content.dropFirst(offset).prefix(bodyHeight)), wrap: false, truncation: .ellipsis(glyphs.ellipsis))
            .render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: bodyHeight))
        let footer = "Esc, q or Enter closes · ↑↓ scroll · a/r answer this item"
        buffer.write(footer, x: inner.x, y: inner.maxY - 1, style: ExplorerTheme.muted, clip: inner, truncation: .ellipsis(glyphs.ellipsis))
    }
}
