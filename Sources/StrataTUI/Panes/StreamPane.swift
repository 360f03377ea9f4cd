import StrataCore

/// The stream as it replays (SPEC §8): the events around the current one — learned ones above,
/// the current one highlighted, upcoming ones dimmed — with the explorer's decisions in line.
enum StreamPane {
    enum Row {
        case event(Int)
        case decision(ReplayDecision)
    }

    static func render(_ state: ExplorerState, in area: Rect, focused: Bool, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let dataset = state.dataset
        let position = state.replayer.position
        let inner = PaneFrame.draw(PaneFrame.title("Stream", NumberText.grouped(position) + " / " + NumberText.grouped(dataset.events.count)),
                                   focused: focused, in: area, into: &buffer, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let paneGlyphs = PaneGlyphs(glyphs)
        let rows = visibleRows(state, height: inner.height)
        let positionWidth = max(3, NumberText.grouped(dataset.events.count).count)
        let userWidth = min(8, max(4, dataset.userIDs.prefix(64).map(\.count).max() ?? 4))
        let current = position - 1
        let selected = state.streamSelection
        for (line, row) in rows.enumerated() {
            let y = inner.y + line
            let rowArea = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            switch row {
            case .event(let index):
                let event = dataset.events[index]
                let upcoming = index > current
                let base: Style = upcoming ? ExplorerTheme.muted : .plain
                var x = buffer.write(NumberText.padLeft(NumberText.grouped(index + 1), positionWidth), x: inner.x, y: y,
                                     style: upcoming ? ExplorerTheme.muted : ExplorerTheme.header, clip: rowArea) + 1
                let userID = dataset.userIDs.indices.contains(event.user) ? dataset.userIDs[event.user] : "#\(event.user)"
                let userStyle = event.user == state.focusedUser && !upcoming ? Style(foreground: .cyan, bold: true) : base
                buffer.write(NumberText.padRight(TextWidth.truncate(userID, toWidth: userWidth, ellipsis: glyphs.ellipsis), userWidth),
                             x: x, y: y, style: userStyle, clip: rowArea)
                x += userWidth + 1
                let action = actionText(event)
                buffer.write(action, x: x, y: y, style: upcoming ? base : actionStyle(event, gains: state.model.config.gains), clip: rowArea)
                x += 10
                let title = dataset.catalogue.items[event.item].title
                buffer.write(title, x: x, y: y, style: base, clip: rowArea, truncation: .ellipsis(glyphs.ellipsis))
                if index == current {
                    buffer.patchStyle(Style(bold: true), in: rowArea)
                    if selected == nil { buffer.patchStyle(ExplorerTheme.selection, in: rowArea) }
                }
                if index == selected {
                    buffer.patchStyle(focused ? ExplorerTheme.selection : ExplorerTheme.inactiveSelection, in: rowArea)
                }
            case .decision(let decision):
                let marker = decision.accepted ? paneGlyphs.accept : paneGlyphs.reject
                let style = decision.accepted ? ExplorerTheme.accept : ExplorerTheme.reject
                let userID = dataset.userIDs.indices.contains(decision.user) ? dataset.userIDs[decision.user] : "#\(decision.user)"
                let title = dataset.catalogue.items.indices.contains(decision.item) ? dataset.catalogue.items[decision.item].title : "?"
                let text = "\(marker) \(decision.accepted ? "accepted" : "rejected") by \(userID): \(title)"
                buffer.write(String(repeating: " ", count: positionWidth + 1) + text, x: inner.x, y: y, style: style,
                             clip: rowArea, truncation: .ellipsis(glyphs.ellipsis))
            }
        }
    }

    /// The event drawn on screen row `y` of the pane in `area`; nil for the border and for a
    /// decision's row (it belongs to no event).
    static func event(atRow y: Int, _ state: ExplorerState, in area: Rect) -> Int? {
        let inner = PaneFrame.inner(of: area)
        let rows = visibleRows(state, height: inner.height)
        let line = y - inner.y
        guard rows.indices.contains(line), case .event(let index) = rows[line] else { return nil }
        return index
    }

    /// Events (and decisions) around the anchor — the selected row, else the current event —
    /// with the anchor two thirds of the way down so the learned past shows above it.
    static func visibleRows(_ state: ExplorerState, height: Int) -> [Row] {
        let events = state.dataset.events
        guard height > 0, !events.isEmpty else { return [] }
        let anchor = state.streamSelection ?? max(0, state.replayer.position - 1)
        let above = (height * 2) / 3
        let start = max(0, min(anchor - above, events.count - height))
        let end = min(events.count, start + height)
        let decisions = state.replayer.decisions.filter { $0.position > start && $0.position <= end }
        var rows: [Row] = []
        var anchorRow = 0
        for index in start..<end {
            if index == anchor { anchorRow = rows.count }
            rows.append(.event(index))
            for decision in decisions where decision.position == index + 1 { rows.append(.decision(decision)) }
        }
        // Decisions pushed rows below the window: drop from the top, keeping the anchor in view.
        while rows.count > height && anchorRow > above {
            rows.removeFirst()
            anchorRow -= 1
        }
        return Array(rows.prefix(height))
    }

    /// `rate 4.0`, `favourite`, … nine columns.
    static func actionText(_ event: Event) -> String {
        var text = event.action.rawValue
        if event.action == .rate, let value = event.value { text += " " + NumberText.fixed(value, decimals: 1) }
        return NumberText.padRight(text, 9)
    }

    /// A rating is coloured by the model's own thresholds (`gains`, ModelConfig), so green and
    /// red are exactly the ratings it learns from as liked and disliked.
    static func actionStyle(_ event: Event, gains: ActionGains) -> Style {
        switch event.action {
        case .purchase, .favourite, .accept: ExplorerTheme.accept
        case .cart: Style(foreground: .green)
        case .skip, .dislike, .reject: ExplorerTheme.negative
        case .rate:
            if let rating = event.value, rating >= gains.positiveRating {
                ExplorerTheme.positive
            } else if let rating = event.value, rating <= gains.negativeRating {
                ExplorerTheme.negative
            } else {
                .plain
            }
        case .view, .click: .plain
        }
    }
}
