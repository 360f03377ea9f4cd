import StrataCore

/// Draws an `ExplorerState` into a buffer: the layout for the buffer's size, every pane, the
/// timeline, the status line and any overlay. A pure function of the state.
public enum ExplorerScreen {
    public static func render(_ state: ExplorerState, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let layout = ExplorerLayout.compute(width: buffer.width, height: buffer.height, split: state.isSplit)
        guard layout.mode != .tooSmall else {
            TooSmallNotice.render(in: buffer.area, into: &buffer)
            if glyphs.isASCII { ASCIIFallback.apply(to: &buffer) }
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
        if glyphs.isASCII { ASCIIFallback.apply(to: &buffer) }
        state.theme.apply(to: &buffer)
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
        guard let tabsArea = tabsArea(in: area) else { return }
        Tabs(titles: foldedPanes.map(\.tabTitle), selected: foldedPanes.firstIndex(of: shown), glyphs: glyphs, style: ExplorerTheme.muted,
             highlightStyle: Style(bold: true, reverse: true)).render(into: &buffer, area: tabsArea)
    }

    /// The panes the compact layout folds into tabs, in tab order.
    static let foldedPanes: [ExplorerPane] = [.recommendations, .stream, .weights]

    /// Where the tabs go over the right end of the tabbed block's top border
    /// (` Recs │ Stream │ Weights `); nil when the block is too narrow for them.
    static func tabsArea(in area: Rect) -> Rect? {
        let titles = foldedPanes.map(\.tabTitle)
        let tabsWidth = titles.reduce(0) { $0 + $1.count + 2 } + titles.count - 1
        guard area.width > tabsWidth + 20 else { return nil }
        return Rect(x: area.maxX - tabsWidth - 2, y: area.y, width: tabsWidth, height: 1)
    }

    /// The tab under screen column `x` of the top border of the tabbed block `area`, as
    /// `Tabs` draws them: ` title ` each, one divider column between.
    static func tab(atColumn x: Int, in area: Rect) -> ExplorerPane? {
        guard let tabs = tabsArea(in: area), x >= tabs.x else { return nil }
        var start = tabs.x
        for pane in foldedPanes {
            let end = start + pane.tabTitle.count + 2
            if x < end { return pane }
            start = end + 1
        }
        return nil
    }

    /// The box an overlay covers on a screen `size` (nil without an overlay), as drawn by
    /// `renderOverlay`: a click outside it closes the overlay.
    static func overlayBox(_ state: ExplorerState, size: TerminalSize) -> Rect? {
        let area = overlayArea(width: size.width, height: size.height)
        switch state.overlay {
        case nil: return nil
        case .help: return HelpOverlay.box(in: area)
        case .details(let details, _): return DetailsOverlay.box(details, in: area)
        case .userPicker, .search, .bookmarks: return PickerOverlay.box(in: area)
        case .prompt: return state.layout.status   // the prompt line; a click elsewhere cancels it
        }
    }

    static func overlayArea(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 0, width: width, height: height).inset(horizontal: 0, vertical: 1)
    }

    static func renderOverlay(_ state: ExplorerState, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let area = overlayArea(width: buffer.width, height: buffer.height)
        switch state.overlay {
        case nil: break
        case .help(let scroll): HelpOverlay.render(scroll: scroll, in: area, into: &buffer, glyphs: glyphs)
        case .details(let details, let scroll): DetailsOverlay.render(details, scroll: scroll, in: area, into: &buffer, glyphs: glyphs)
        case .userPicker(let picker): PickerOverlay.render(state, picker: picker, kind: .users, in: area, into: &buffer, glyphs: glyphs)
        case .search(let picker): PickerOverlay.render(state, picker: picker, kind: .items, in: area, into: &buffer, glyphs: glyphs)
        case .bookmarks(let picker): PickerOverlay.render(state, picker: picker, kind: .bookmarks, in: area, into: &buffer, glyphs: glyphs)
        case .prompt: break   // drawn over the status line
        }
    }
}
