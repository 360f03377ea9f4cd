import StrataCore

/// The rows of the weights pane (SPEC §4 "tier weights"): the share features grouped by
/// temporal tier and taxonomy level, each tier's content feature, the other features, and the
/// normalised trust per tier.
public enum WeightRow: Hashable, Sendable {
    /// Feature `k`; `group` is shown on the first row of its tier.
    case feature(Int, group: String, name: String)
    /// `|w|` of the share features summed per tier, normalised to 1.
    case trust
}

public enum WeightRows {
    public static func rows(layout: FeatureLayout, tiers: [TemporalTier]) -> [WeightRow] {
        var rows: [WeightRow] = []
        for t in 0..<layout.tierCount {
            let tierName = tiers.indices.contains(t) ? tiers[t].name : "tier \(t + 1)"
            for level in 1...layout.levels {
                rows.append(.feature(layout.share(tier: t, level: level), group: level == 1 ? tierName : "", name: "L\(level)"))
            }
            rows.append(.feature(layout.content(tier: t), group: "", name: "text"))
        }
        rows.append(.feature(layout.cooccurrenceIndex, group: "co-occur.", name: ""))
        rows.append(.feature(layout.popularityIndex, group: "popularity", name: ""))
        rows.append(.feature(layout.segmentIndex, group: "segment pop.", name: ""))
        rows.append(.feature(layout.biasIndex, group: "bias", name: ""))
        rows.append(.trust)
        return rows
    }

    public static func rowCount(layout: FeatureLayout) -> Int { layout.tierCount * (layout.levels + 1) + 5 }

    /// The normalised tier weights: Σ_ℓ |w_share(τ, ℓ)| per tier, divided by the total
    /// (Docs/model.md §8). Uniform when every share weight is zero.
    public static func trust(weights: [Double], layout: FeatureLayout) -> [Double] {
        let sums = (0..<layout.tierCount).map { t in
            (1...layout.levels).reduce(0.0) { $0 + abs(weights[layout.share(tier: t, level: $1)]) }
        }
        let total = sums.reduce(0, +)
        return total > 0 ? sums.map { $0 / total } : sums.map { _ in 1 / Double(max(1, sums.count)) }
    }
}

/// Draws the learned weights: value, change since the previous sample, and a sparkline.
enum WeightsPane {
    static func render(_ state: ExplorerState, in area: Rect, focused: Bool, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let model = state.model
        var facts = ["FTRL", "\(state.weightHistory.count) samples"]
        if state.showsCompanion { facts[0] = "strata's FTRL (\(state.comparison?.label ?? "B") learns none)" }
        let weightsB = state.isSplit ? state.companionModel?.weights : nil
        if state.isSplit && weightsB == nil { facts.append("B: none") }
        let inner = PaneFrame.draw(PaneFrame.title("Weights", facts), focused: focused, in: area, into: &buffer, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let weights = model.weights
        let rows = WeightRows.rows(layout: model.layout, tiers: model.tiers)
        let groupWidth = 7, nameWidth = 6, valueWidth = 7, deltaWidth = 7
        let sparkX = inner.x + groupWidth + nameWidth + valueWidth + deltaWidth + 1
        let sparkWidth = max(0, inner.maxX - sparkX)
        // Split view with an adaptive B: B's weight where the change since the last sample was.
        var header = weightsB == nil ? "tier   level   weight  change" : "tier   level  A weight  B"
        if sparkWidth >= 7 { header += "  history" }
        buffer.write(header, x: inner.x, y: inner.y, style: ExplorerTheme.header, clip: inner)
        let bodyHeight = inner.height - 1
        guard bodyHeight > 0 else { return }
        let offset = scrollOffset(state, bodyHeight: bodyHeight, rowCount: rows.count)
        for (line, index) in (offset..<min(rows.count, offset + bodyHeight)).enumerated() {
            let y = inner.y + 1 + line
            let rowArea = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            switch rows[index] {
            case let .feature(k, group, name):
                let tier = tierOf(k, layout: model.layout)
                let groupStyle = tier.map { ExplorerTheme.tierStyle($0).bolded() } ?? Style(bold: true)
                if name.isEmpty {
                    buffer.write(group, x: inner.x, y: y, style: groupStyle, clip: rowArea)
                } else {
                    buffer.write(group, x: inner.x, y: y, style: groupStyle, clip: rowArea)
                    buffer.write(name, x: inner.x + groupWidth, y: y, style: ExplorerTheme.muted, clip: rowArea)
                }
                let value = NumberText.padLeft(NumberText.fixed(weights[k], decimals: 3, sign: true), valueWidth - 1)
                buffer.write(value, x: inner.x + groupWidth + nameWidth, y: y, style: Style(bold: true), clip: rowArea)
                if let weightsB, weightsB.indices.contains(k) {
                    let text = NumberText.padLeft(NumberText.fixed(weightsB[k], decimals: 3, sign: true), deltaWidth - 1)
                    buffer.write(text, x: inner.x + groupWidth + nameWidth + valueWidth, y: y, style: Style(bold: true), clip: rowArea)
                } else if let previous = state.weightHistory.previous(k) {
                    let delta = weights[k] - previous
                    if abs(delta) >= 0.0005 {
                        let text = NumberText.padLeft(NumberText.fixed(delta, decimals: 3, sign: true), deltaWidth - 1)
                        buffer.write(text, x: inner.x + groupWidth + nameWidth + valueWidth, y: y, style: ExplorerTheme.signed(delta), clip: rowArea)
                    }
                }
                if sparkWidth > 0 {
                    let series = state.weightHistory.series(k, limit: sparkWidth)
                    let sparkStyle = tier.map(ExplorerTheme.tierStyle) ?? Style(foreground: .cyan)
                    Sparkline(values: series, range: sparkRange(series), glyphs: glyphs, style: sparkStyle)
                        .render(into: &buffer, area: Rect(x: sparkX, y: y, width: sparkWidth, height: 1))
                }
            case .trust:
                renderTrust(weights: weights, model: model, y: y, area: rowArea, into: &buffer, glyphs: glyphs)
            }
            if index == state.weightSelection && focused {
                buffer.patchStyle(ExplorerTheme.selection, in: rowArea)
            }
        }
    }

    static func scrollOffset(_ state: ExplorerState, bodyHeight: Int, rowCount: Int) -> Int {
        Scrolling.offset(keeping: state.weightSelection, previous: state.weightScroll, visibleRows: bodyHeight, rowCount: rowCount)
    }

    /// The weights row drawn on screen row `y` of the pane in `area`, nil for the header,
    /// the border and empty rows.
    static func row(atRow y: Int, _ state: ExplorerState, in area: Rect) -> Int? {
        let inner = PaneFrame.inner(of: area)
        let count = WeightRows.rowCount(layout: state.model.layout)
        let bodyHeight = inner.height - 1
        let line = y - inner.y - 1
        guard (0..<bodyHeight).contains(line) else { return nil }
        let index = scrollOffset(state, bodyHeight: bodyHeight, rowCount: count) + line
        return index < count ? index : nil
    }

    /// The sparkline's range: the values' own, widened to at least 0.02 so noise in the third
    /// decimal does not draw as a cliff.
    static func sparkRange(_ series: [Double]) -> ClosedRange<Double>? {
        let finite = series.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        let minimumSpan = 0.02
        guard high - low < minimumSpan else { return low...high }
        let middle = (low + high) / 2
        return (middle - minimumSpan / 2)...(middle + minimumSpan / 2)
    }

    static func tierOf(_ k: Int, layout: FeatureLayout) -> Int? {
        switch layout.kinds[k] {
        case .share(let tier, _), .content(let tier): tier
        default: nil
        }
    }

    /// `trust  short 41% ███  medium 33% ██  long 26% █`.
    static func renderTrust(weights: [Double], model: StrataModel, y: Int, area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        let trust = WeightRows.trust(weights: weights, layout: model.layout)
        var x = buffer.write("trust", x: area.x, y: y, style: Style(bold: true), clip: area) + 2
        let perTier = max(0, (area.maxX - x) / max(1, trust.count))
        for (t, share) in trust.enumerated() {
            let name = model.tiers.indices.contains(t) ? model.tiers[t].name : "t\(t + 1)"
            let label = name + " " + NumberText.percent(share)
            let start = x
            x = buffer.write(label, x: x, y: y, style: ExplorerTheme.tierStyle(t).bolded(), clip: area) + 1
            let barWidth = perTier - (x - start) - 1
            if barWidth >= 2 {
                Bar(fraction: share, glyphs: glyphs, style: ExplorerTheme.tierStyle(t))
                    .render(into: &buffer, area: Rect(x: x, y: y, width: barWidth, height: 1))
                x += barWidth + 1
            }
        }
    }
}
