import StrataCore

/// `u` (pick a user), `/` (search items) and `B` (bookmarks): a query line and the matching
/// entries.
enum PickerOverlay {
    enum Kind {
        case users, items, bookmarks

        var title: String {
            switch self {
            case .users: "Pick a user"
            case .items: "Search items"
            case .bookmarks: "Bookmarks"
            }
        }
    }

    /// Where the picker box goes in `area`.
    static func box(in area: Rect) -> Rect {
        area.centered(width: min(area.width - 2, 72), height: PickerOverlayLayout.boxHeight(screenHeight: area.height))
    }

    static func render(_ state: ExplorerState, picker: ExplorerOverlay.Picker, kind: Kind, in area: Rect,
                       into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let box = box(in: area)
        buffer.fill(box, with: .blank)
        Block(title: Line(kind.title, style: ExplorerTheme.title), glyphs: glyphs, borderStyle: ExplorerTheme.focusedBorder)
            .render(into: &buffer, area: box)
        let inner = box.inset(by: 1).inset(horizontal: 1)
        guard inner.height >= 3 else { return }
        let count = (picker.truncated ? "first " : "") + NumberText.grouped(picker.matches.count) + (picker.matches.count == 1 ? " match" : " matches")
        let prompt = Line([Span("> ", style: Style(foreground: .cyan, bold: true)), Span(picker.query, style: Style(bold: true)),
                           Span("_", style: Style(foreground: .cyan, bold: true))])
        buffer.write(prompt, x: inner.x, y: inner.y, clip: inner)
        buffer.write(count, x: inner.maxX - count.count, y: inner.y, style: ExplorerTheme.muted, clip: inner)
        for column in inner.x..<inner.maxX { buffer.put(glyphs.horizontal, width: 1, x: column, y: inner.y + 1, style: ExplorerTheme.border) }
        if let meaning = picker.meaning, let model = meaning.first {
            // Over the rule: what ranked the list, and the interests the words are near.
            let near = meaning.dropFirst().joined(separator: " · ")
            let text = " by meaning (" + model + ")" + (near.isEmpty ? " " : " · near " + near + " ")
            buffer.write(text, x: inner.x + 1, y: inner.y + 1, style: ExplorerTheme.header, clip: inner)
        }
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        let dataset = state.dataset
        let items: [Line] = picker.matches.map { index in
            switch kind {
            case .users:
                let marker = index == state.focusedUser ? "  (focused)" : ""
                return Line([Span(NumberText.padRight(dataset.userIDs[index], 16), style: Style(bold: true)),
                             Span(NumberText.grouped(state.eventsPerUser[index]) + " events" + marker, style: ExplorerTheme.muted)])
            case .items:
                let item = dataset.catalogue.items[index]
                let path = dataset.catalogue.leaves[index].first.map { dataset.catalogue.taxonomy.displayPath(of: $0, ascii: state.configuration.ascii) } ?? ""
                return Line([Span(item.title, style: Style(bold: true)), Span("  " + path, style: ExplorerTheme.muted)])
            case .bookmarks:
                let bookmark = state.bookmarks[index]
                return Line([Span(NumberText.padLeft(NumberText.grouped(bookmark.position), 11) + "  ", style: ExplorerTheme.muted),
                             Span(bookmark.label, style: Style(bold: true)),
                             Span(Self.viewText(bookmark.view), style: ExplorerTheme.muted)])
            }
        }
        if items.isEmpty {
            let empty = kind == .bookmarks && state.bookmarks.isEmpty ? "no bookmarks yet: b makes one (with --session)" : "nothing matches"
            buffer.write(empty, x: list.x, y: list.y, style: ExplorerTheme.muted, clip: list)
            return
        }
        ListView(items: items, selected: picker.selected, scrollOffset: picker.scroll, glyphs: glyphs,
                 highlightStyle: ExplorerTheme.selection, showsMarker: true).render(into: &buffer, area: list)
    }

    /// `  · cleo · 100 ev/s · truth`: what picking the bookmark brings back.
    static func viewText(_ view: ExplorerBookmark.View?) -> String {
        guard let view else { return "" }
        return "  · " + view.user + " · " + PlaybackSpeed.label(index: view.speedIndex) + (view.showsTruth ? " · truth" : "")
    }
}
