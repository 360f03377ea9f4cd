import StrataCore

/// The interest tree of the focused user (SPEC §3, §8): per node one bar per temporal tier
/// with its share among siblings `p_τ(n)`, an arrow for the change since the user's interests
/// last moved, the ground truth (`t`) as a marker on each bar and as a number in its own
/// column (the true share among siblings), and the tier label in its colour.
enum TreePane {
    /// Column widths for an inner width: name, one cell per tier (bar, percentage, arrow), label.
    struct Columns: Hashable {
        var name: Int
        var bar: Int
        var showsPercent: Bool
        var cell: Int
        var label: Int

        /// The A/B column (`B−A` of one tier's share), 0 without an adaptive B.
        var comparison: Int
        /// The truth column (the node's true share among its siblings), 0 without the overlay.
        var truth: Int

        init(width: Int, tiers: Int, comparison: Bool = false, truth: Bool = false) {
            label = 8
            self.comparison = comparison ? 8 : 0
            self.truth = truth ? 6 : 0
            let width = width - self.comparison - self.truth
            name = min(22, max(12, width - tiers * 11 - label - 1))
            cell = max(3, (width - name - label - 1) / max(1, tiers))
            showsPercent = cell >= 9
            bar = max(1, cell - (showsPercent ? 7 : 2))
        }
    }

    /// Arrow threshold: changes smaller than half a percentage point read as steady.
    static let arrowThreshold = 0.005

    static func render(_ state: ExplorerState, in area: Rect, focused: Bool, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let model = state.model
        let user = model.view(of: state.focusedUser)
        var details = [state.focusedUserID]
        if user.exists {
            let count = user.events
            details.append(NumberText.grouped(count) + (count == 1 ? " event" : " events"))
        }
        if state.truthSiblingShares != nil { details.append("truth \(PaneGlyphs(glyphs).truthMarker)") }
        if state.showsCompanion { details.append("profile of strata") }
        if state.isSplit && state.companionModel == nil { details.append("B has no interest tree") }
        let inner = PaneFrame.draw(PaneFrame.title("Interests", details.joined(separator: " · ")), focused: focused,
                                   in: area, into: &buffer, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let paneGlyphs = PaneGlyphs(glyphs)
        let tierCount = model.tiers.count
        let comparedTier = state.comparedTier
        let truth = state.truthSiblingShares
        let columns = Columns(width: inner.width, tiers: tierCount, comparison: comparedTier != nil, truth: truth != nil)
        let truthX = inner.x + columns.name + tierCount * columns.cell
        let labelX = truthX + columns.truth + 1
        // Header: tier names centred over their cells.
        buffer.write("interest", x: inner.x, y: inner.y, style: ExplorerTheme.header, clip: inner)
        for (t, tier) in model.tiers.enumerated() {
            let x = inner.x + columns.name + t * columns.cell
            let text = tier.name
            let offset = max(0, (columns.cell - 1 - text.count) / 2)
            buffer.write(text, x: x + offset, y: inner.y, style: ExplorerTheme.tierStyle(t).bolded(), clip: inner)
        }
        if truth != nil { buffer.write(" true", x: truthX, y: inner.y, style: ExplorerTheme.truth, clip: inner) }
        buffer.write("label", x: labelX, y: inner.y, style: ExplorerTheme.header, clip: inner)
        let comparisonX = labelX + columns.label
        if let t = comparedTier {
            buffer.write("B-A " + String(model.tiers[t].name.prefix(3)), x: comparisonX, y: inner.y, style: ExplorerTheme.header, clip: inner)
        }

        let (rows, wordRows, bodyHeight, offset) = body(state, inner: inner)
        if wordRows > 0 {
            drawProfileWords(state, in: Rect(x: inner.x, y: inner.maxY - wordRows, width: inner.width, height: wordRows),
                             into: &buffer, glyphs: glyphs)
        }
        guard bodyHeight > 0 else { return }
        let selectedIndex = rows.firstIndex { $0.node == state.selectedNode }
        for (line, index) in (offset..<min(rows.count, offset + bodyHeight)).enumerated() {
            let row = rows[index]
            let y = inner.y + 1 + line
            let rowArea = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            drawName(row, model: model, glyphs: paneGlyphs, ellipsis: glyphs.ellipsis, width: columns.name - 1, x: inner.x, y: y, clip: rowArea, into: &buffer)
            for t in 0..<tierCount {
                let x = inner.x + columns.name + t * columns.cell
                drawCell(state, node: row.node, tier: t, columns: columns, x: x, y: y, clip: rowArea, into: &buffer,
                         glyphs: glyphs, paneGlyphs: paneGlyphs)
            }
            if let truth, truth.indices.contains(row.node) {
                buffer.write(NumberText.padLeft(NumberText.percent(truth[row.node]), 5), x: truthX, y: y, style: ExplorerTheme.truth, clip: rowArea)
            }
            if user.exists {
                let label = user.label(of: row.node)
                buffer.write(label.rawValue, x: labelX, y: y, style: ExplorerTheme.labelStyle(label), clip: rowArea)
            }
            if let t = comparedTier {
                let cell = row.node * tierCount + t
                if state.companionSiblingShares.indices.contains(cell), state.siblingShares.indices.contains(cell) {
                    let delta = state.companionSiblingShares[cell] - state.siblingShares[cell]
                    let text = NumberText.padLeft(NumberText.fixed(delta * 100, decimals: 1, sign: true), 6)
                    buffer.write(text, x: comparisonX, y: y, style: abs(delta) < arrowThreshold ? ExplorerTheme.muted : ExplorerTheme.signed(delta),
                                 clip: rowArea)
                }
            }
            if index == selectedIndex {
                buffer.patchStyle(focused ? ExplorerTheme.selection : Style(bold: true), in: Rect(x: inner.x, y: y, width: columns.name - 1, height: 1))
            }
        }
        if rows.count > bodyHeight {
            let more = "\(offset + 1)-\(min(rows.count, offset + bodyHeight))/\(rows.count)"
            buffer.write(" " + more + " ", x: area.maxX - more.count - 4, y: area.maxY - 1, style: ExplorerTheme.muted, clip: area)
        }
    }

    /// The rows, the rows the profiles in words take, the rows of the tree body (below the
    /// header) and its scroll offset — shared by `render` and `node(at:)`.
    static func body(_ state: ExplorerState, inner: Rect) -> (rows: [TreeRow], wordRows: Int, height: Int, offset: Int) {
        let rows = state.visibleTreeRows()
        // The tier profiles in words take the last rows while the tree keeps at least ten.
        let wordRows = inner.height - 1 - state.profileWords.count >= 10 ? state.profileWords.count : 0
        let height = inner.height - 1 - wordRows
        let selectedIndex = rows.firstIndex { $0.node == state.selectedNode }
        let offset = Scrolling.offset(keeping: selectedIndex, previous: state.treeScroll, visibleRows: height, rowCount: rows.count)
        return (rows, wordRows, height, offset)
    }

    /// The node drawn on screen row `y` of the pane in `area`, nil for the header, the border,
    /// the profiles in words and empty rows.
    static func node(atRow y: Int, _ state: ExplorerState, in area: Rect) -> NodeIndex? {
        let inner = PaneFrame.inner(of: area)
        let (rows, _, height, offset) = body(state, inner: inner)
        let line = y - inner.y - 1
        guard (0..<height).contains(line), rows.indices.contains(offset + line) else { return nil }
        return rows[offset + line].node
    }

    static func drawName(_ row: TreeRow, model: StrataModel, glyphs: PaneGlyphs, ellipsis: String, width: Int, x: Int, y: Int, clip: Rect,
                         into buffer: inout ScreenBuffer) {
        let marker = row.hasChildren ? (row.isExpanded ? glyphs.expanded : glyphs.collapsed) : glyphs.leaf
        let indent = String(repeating: " ", count: row.indent * 2)
        let name = model.taxonomy.names[row.node]
        let nameClip = Rect(x: x, y: y, width: max(0, width), height: 1).intersection(clip)
        let line = Line([Span(indent + marker + " ", style: ExplorerTheme.muted),
                         Span(name, style: row.indent == 0 ? Style(bold: true) : .plain)])
        buffer.write(line, x: x, y: y, clip: nameClip, truncation: .ellipsis(ellipsis))
    }

    static func drawCell(_ state: ExplorerState, node: NodeIndex, tier t: Int, columns: Columns, x: Int, y: Int, clip: Rect,
                         into buffer: inout ScreenBuffer, glyphs: GlyphSet, paneGlyphs: PaneGlyphs) {
        let tierCount = state.model.tiers.count
        let index = node * tierCount + t
        let share = state.siblingShares.indices.contains(index) ? state.siblingShares[index] : 0
        let before = state.baselineSiblingShares.indices.contains(index) ? state.baselineSiblingShares[index] : share
        let barArea = Rect(x: x, y: y, width: columns.bar, height: 1).intersection(clip)
        Bar(fraction: share, glyphs: glyphs, style: ExplorerTheme.tierStyle(t), track: glyphs.isASCII ? "." : "·",
            trackStyle: ExplorerTheme.muted).render(into: &buffer, area: barArea)
        if let truth = state.truthSiblingShares, truth.indices.contains(node), columns.bar > 0 {
            let column = min(columns.bar - 1, Int((min(max(truth[node], 0), 1) * Double(columns.bar)).rounded(.down)))
            if barArea.contains(x: x + column, y: y) {
                buffer.put(paneGlyphs.truthMarker, width: 1, x: x + column, y: y, style: ExplorerTheme.truth)
            }
        }
        var next = x + columns.bar
        if columns.showsPercent {
            let text = NumberText.padLeft(NumberText.percent(share), 5)
            next = buffer.write(text, x: next, y: y, style: share > 0 ? .plain : ExplorerTheme.muted, clip: clip)
        }
        let delta = share - before
        let (arrow, style): (Character, Style) =
            delta > arrowThreshold ? (glyphs.arrowUp, ExplorerTheme.positive.bolded())
            : delta < -arrowThreshold ? (glyphs.arrowDown, ExplorerTheme.negative.bolded())
            : (paneGlyphs.steady, ExplorerTheme.muted)
        if clip.contains(x: next, y: y) { buffer.put(arrow, width: 1, x: next, y: y, style: style) }
    }

    /// `short  in words: space, wars, star · Star Wars (1977), Return of the Jedi (1983)`.
    static func drawProfileWords(_ state: ExplorerState, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let items = state.dataset.catalogue.items
        for (row, profile) in state.profileWords.enumerated() where row < area.height {
            let y = area.y + row
            let clip = Rect(x: area.x, y: y, width: area.width, height: 1)
            let t = state.model.tiers.firstIndex { $0.name == profile.tier } ?? row
            let line = Line([
                Span(NumberText.padRight(profile.tier, 7), style: ExplorerTheme.tierStyle(t).bolded()),
                Span("in words: ", style: ExplorerTheme.muted),
                Span(profile.words.joined(separator: ", "), style: Style(bold: true)),
                Span(" · " + profile.items.map { items[$0].title }.joined(separator: ", "), style: ExplorerTheme.muted),
            ])
            buffer.write(line, x: area.x, y: y, clip: clip, truncation: .ellipsis(glyphs.ellipsis))
        }
    }
}
