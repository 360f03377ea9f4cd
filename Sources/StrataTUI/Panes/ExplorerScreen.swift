import StrataCore

/// Draws an `ExplorerState` into a buffer: the layout for the buffer's size, every pane, the
/// timeline, the status line and any overlay. A pure function of the state.
public enum ExplorerScreen {
    public static func render(_ state: ExplorerState, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let layout = ExplorerLayout.compute(width: buffer.width, height: buffer.height, split: state.isSplit)
        guard layout.mode != .tooSmall else {
            TooSmallNotice.render(in: buffer.area, into: &buffer)
            if glyphs.barPartials.isEmpty { ASCIIFallback.apply(to: &buffer) }
            return
        }
        TitleBar.render(state, in: layout.titleBar, into: &buffer, glyphs: glyphs)
        TreePane.render(state, in: layout.tree, focused: state.focus == .tree, into: &buffer, glyphs: glyphs)
        switch layout.mode {
        case .full:
            RecommendationsPane.render(state, in: layout.recommendations, focused: state.focus == .recommendations, into: &buffer, glyphs: glyphs)
            StreamPane.render(state, in: layout.stream, focused: state.focus == .stream, into: &buffer, glyphs: glyphs)
            WeightsPane.render(state, in: layout.weights, focused: state.focus == .weights, into: &buffer, glyphs: glyphs)
        case .compact:
            renderTabbed(state, in: layout.tabbed, into: &buffer, glyphs: glyphs)
        case .tooSmall:
            break
        }
        TimelineStrip.render(state, in: layout.timeline, into: &buffer, glyphs: glyphs)
        if case .prompt(let prompt) = state.overlay {
            PromptLine.render(prompt, total: state.replayer.total, in: layout.status, into: &buffer, glyphs: glyphs)
        } else {
            StatusBar.render(state, in: layout.status, into: &buffer, glyphs: glyphs)
        }
        LessonBox.render(state, layout: layout, into: &buffer, glyphs: glyphs)
        renderOverlay(state, into: &buffer, glyphs: glyphs)
        if glyphs.barPartials.isEmpty { ASCIIFallback.apply(to: &buffer) }
    }

    /// Compact layout: the folded panes share one block; a tab row names them.
    static func renderTabbed(_ state: ExplorerState, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let shown = state.visibleTab
        let focused = state.focus == shown
        switch shown {
        case .recommendations, .tree:
            RecommendationsPane.render(state, in: area, focused: focused, into: &buffer, glyphs: glyphs)
        case .stream:
            StreamPane.render(state, in: area, focused: focused, into: &buffer, glyphs: glyphs)
        case .weights:
            WeightsPane.render(state, in: area, focused: focused, into: &buffer, glyphs: glyphs)
        }
        // Tabs over the right end of the top border: ` Recs │ Stream │ Weights `.
        let folded: [ExplorerPane] = [.recommendations, .stream, .weights]
        let titles = folded.map(\.tabTitle)
        let tabsWidth = titles.reduce(0) { $0 + $1.count + 2 } + titles.count - 1
        guard area.width > tabsWidth + 20 else { return }
        let tabsArea = Rect(x: area.maxX - tabsWidth - 2, y: area.y, width: tabsWidth, height: 1)
        Tabs(titles: titles, selected: folded.firstIndex(of: shown), glyphs: glyphs, style: ExplorerTheme.muted,
             highlightStyle: Style(bold: true, reverse: true)).render(into: &buffer, area: tabsArea)
    }

    static func renderOverlay(_ state: ExplorerState, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let area = buffer.area.inset(horizontal: 0, vertical: 1)
        switch state.overlay {
        case nil: break
        case .help(let scroll): HelpOverlay.render(scroll: scroll, in: area, into: &buffer, glyphs: glyphs)
        case .details(let details, let scroll): DetailsOverlay.render(details, scroll: scroll, in: area, into: &buffer, glyphs: glyphs)
        case .userPicker(let picker): PickerOverlay.render(state, picker: picker, users: true, in: area, into: &buffer, glyphs: glyphs)
        case .search(let picker): PickerOverlay.render(state, picker: picker, users: false, in: area, into: &buffer, glyphs: glyphs)
        case .prompt: break   // drawn over the status line
        }
    }
}
