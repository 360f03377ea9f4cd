/// Where each pane goes for a terminal size (SPEC §8 "layout adapts"). Pure, so `apply` (for
/// scrolling and paging) and `render` agree on the same rectangles.
///
/// - full (at least 110×32): every pane — the interest tree and recommendations on the left,
///   the stream and the weights on the right, a two-row timeline and the status line.
/// - full, split (`explore --compare`): the two recommendation lists need the width, so they
///   take the whole bottom band; the tree on the left above them, stream and weights on the right.
/// - compact (at least 50×15, e.g. 80×24 and 60×20): the tree on top; recommendations, stream
///   and weights fold into tabs below it; a one-row timeline.
/// - tooSmall: a notice saying how big the terminal must be.
public struct ExplorerLayout: Hashable, Sendable {
    public enum Mode: Hashable, Sendable { case full, compact, tooSmall }

    public static let minimumWidth = 50
    public static let minimumHeight = 15
    public static let fullWidth = 110
    public static let fullHeight = 32

    public var mode: Mode
    public var titleBar = Rect.zero
    public var tree = Rect.zero
    public var recommendations = Rect.zero
    public var stream = Rect.zero
    public var weights = Rect.zero
    /// Compact mode: the block where the folded panes show one at a time.
    public var tabbed = Rect.zero
    public var timeline = Rect.zero
    public var status = Rect.zero

    public static func compute(width: Int, height: Int, split: Bool = false) -> ExplorerLayout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        guard width >= minimumWidth && height >= minimumHeight else { return ExplorerLayout(mode: .tooSmall) }
        if width >= fullWidth && height >= fullHeight {
            var layout = ExplorerLayout(mode: .full)
            let rows = screen.split(.vertical, [.length(1), .fill, .length(2), .length(1)])
            layout.titleBar = rows[0]
            layout.timeline = rows[2]
            layout.status = rows[3]
            if split {
                let body = rows[1].split(.vertical, [.fill, .length(13)])
                let columns = body[0].split(.horizontal, [.fill(6), .fill(4)])
                let right = columns[1].split(.vertical, [.fill(1), .fill(2)])
                layout.tree = columns[0]
                layout.recommendations = body[1]
                layout.stream = right[0]
                layout.weights = right[1]
                return layout
            }
            let columns = rows[1].split(.horizontal, [.fill(6), .fill(4)])
            let left = columns[0].split(.vertical, [.fill, .length(13)])
            let right = columns[1].split(.vertical, [.fill, .length(21)])
            layout.tree = left[0]
            layout.recommendations = left[1]
            layout.stream = right[0]
            layout.weights = right[1]
            return layout
        }
        var layout = ExplorerLayout(mode: .compact)
        let rows = screen.split(.vertical, [.length(1), .fill, .length(1), .length(1)])
        layout.titleBar = rows[0]
        layout.timeline = rows[2]
        layout.status = rows[3]
        let body = rows[1].split(.vertical, [.fill, .fill])
        layout.tree = body[0]
        layout.tabbed = body[1]
        layout.recommendations = body[1]
        layout.stream = body[1]
        layout.weights = body[1]
        return layout
    }

    /// The block of `pane` (border included), or an empty rectangle when it is not shown.
    public func block(of pane: ExplorerPane, shownTab: ExplorerPane) -> Rect {
        switch mode {
        case .tooSmall: return .zero
        case .full:
            switch pane {
            case .tree: return tree
            case .recommendations: return recommendations
            case .stream: return stream
            case .weights: return weights
            }
        case .compact:
            if pane == .tree { return tree }
            return pane == shownTab ? tabbed : .zero
        }
    }

    /// Rows inside the border of `pane` (0 when not shown).
    public func innerHeight(of pane: ExplorerPane, shownTab: ExplorerPane) -> Int {
        max(0, block(of: pane, shownTab: shownTab).height - 2)
    }
}
