import StrataCore

/// What is drawn at a screen cell, for the mouse. It reads the same layout and the same scroll
/// arithmetic as the panes' `render`, so a click lands on the row the user sees. Pure.
public enum ExplorerHit: Hashable, Sendable {
    /// A row of a pane's list (or the pane's header or border: `row` nil).
    case pane(ExplorerPane, row: Row?)
    /// A tab of the compact layout's folded panes.
    case tab(ExplorerPane)
    /// A column of the timeline strip: the position it jumps to.
    case timeline(position: Int)
    /// An entry of the timeline's legend: the kind of mark `n`/`N` then jump to.
    case legend(MarkKind)
    /// The title bar, the status line, or nothing.
    case none

    public enum Row: Hashable, Sendable {
        case node(NodeIndex)
        case recommendation(ComparisonList, index: Int)
        /// A stream event (its index in the stream); a decision's row is none.
        case event(Int)
        case weight(Int)
    }

    /// What the panes (not an overlay) show at zero-based `column`, `row`.
    public static func at(column x: Int, row y: Int, in state: ExplorerState) -> ExplorerHit {
        let layout = state.layout
        guard layout.mode != .tooSmall else { return .none }
        if layout.timeline.contains(x: x, y: y) {
            if y == layout.timeline.y + 1, let entry = TimelineStrip.legendEntry(atColumn: x, state, in: layout.timeline) {
                return entry.kind.map { .legend($0) } ?? .none
            }
            return timelinePosition(column: x - layout.timeline.x, width: layout.timeline.width,
                                    total: state.dataset.events.count).map { .timeline(position: $0) } ?? .none
        }
        if layout.tree.contains(x: x, y: y) {
            return .pane(.tree, row: TreePane.node(atRow: y, state, in: layout.tree).map(Row.node))
        }
        let shown = state.visibleTab
        if layout.mode == .compact, y == layout.tabbed.y, let tab = ExplorerScreen.tab(atColumn: x, in: layout.tabbed) {
            return .tab(tab)
        }
        for pane in [ExplorerPane.recommendations, .stream, .weights] {
            let area = layout.block(of: pane, shownTab: shown)
            guard area.contains(x: x, y: y) else { continue }
            switch pane {
            case .recommendations:
                let entry = RecommendationsPane.entry(atColumn: x, row: y, state, in: area)
                return .pane(pane, row: entry.flatMap { entry in entry.index.map { .recommendation(entry.list, index: $0) } })
            case .stream: return .pane(pane, row: StreamPane.event(atRow: y, state, in: area).map(Row.event))
            case .weights: return .pane(pane, row: WeightsPane.row(atRow: y, state, in: area).map(Row.weight))
            case .tree: break
            }
        }
        return .none
    }

    /// The position a click on timeline column `column` jumps to: the last position the column
    /// stands for (the inverse of `TimelineStrip`'s `(position − 1) · width / total`), so
    /// whatever the column marks has happened; nil for an empty stream.
    public static func timelinePosition(column: Int, width: Int, total: Int) -> Int? {
        guard total > 0, width > 0, (0..<width).contains(column) else { return nil }
        let last = ((column + 1) * total + width - 1) / width
        return min(total, max(1, last))
    }
}
