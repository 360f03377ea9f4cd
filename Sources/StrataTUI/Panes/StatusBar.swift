import StrataCore

/// The status line (SPEC §8): play state, speed, position/total, stream time, user, drift,
/// running HR@10, with the truth overlay the Jensen–Shannon distance between the true and
/// estimated interests, and the state hash (first 12 hex digits, while paused).
enum StatusBar {
    static func render(_ state: ExplorerState, in area: Rect, into buffer: inout ScreenBuffer, glyphs: GlyphSet) {
        StatusLine(left: left(state, glyphs: glyphs, compact: area.width < 100, wide: area.width >= 150), right: right(state), style: ExplorerTheme.status, glyphs: glyphs)
            .render(into: &buffer, area: area)
    }

    static func left(_ state: ExplorerState, glyphs: GlyphSet, compact: Bool, wide: Bool = false) -> Line {
        let paneGlyphs = PaneGlyphs(glyphs)
        let separator = Span(paneGlyphs.separator, style: ExplorerTheme.status)
        var spans: [Span] = []
        if state.isPlaying {
            spans.append(Span(" \(paneGlyphs.play)" + (compact ? " " : " PLAY "), style: Style(foreground: .green, bold: true, reverse: true)))
        } else {
            spans.append(Span(" \(paneGlyphs.pause)" + (compact ? " " : " PAUSE "), style: Style(foreground: .yellow, bold: true, reverse: true)))
        }
        spans.append(Span(" " + (compact ? PlaybackSpeed.shortLabel(index: state.speedIndex) : state.speedLabel)))
        spans.append(separator)
        let position = state.replayer.position, total = state.replayer.total
        spans.append(Span(NumberText.grouped(position) + "/" + NumberText.grouped(total), style: Style(bold: true)))
        // A simulation's stream time is its step, the position again: room for the truth's JS.
        let timeIsPosition = state.isSimulated && state.truthDistance != nil
        if let event = state.currentEvent, !compact, wide || !state.isSplit, !timeIsPosition {
            spans.append(separator)
            spans.append(Span(StreamTime.describe(event.time, simulated: state.isSimulated)))
        }
        spans.append(separator)
        spans.append(Span(state.focusedUserID + (state.followsStream ? " (follow)" : ""), style: Style(bold: true)))
        spans.append(separator)
        spans.append(driftSpan(state, glyphs: glyphs, compact: compact))
        spans.append(separator)
        spans += metricSpans(state, compact: compact, wide: wide)
        if let distance = state.truthDistance {
            spans.append(separator)
            spans.append(Span((compact ? "JS " : "truth JS ") + NumberText.fixed(distance, decimals: 2), style: ExplorerTheme.truth))
        }
        if state.autopilot { spans.append(Span(" AUTO ", style: ExplorerTheme.badge)) }
        return Line(spans)
    }

    static func driftSpan(_ state: ExplorerState, glyphs: GlyphSet, compact: Bool) -> Span {
        let user = state.model.view(of: state.focusedUser)
        guard user.exists else { return Span("drift -") }
        let cosine = NumberText.fixed(user.driftCosine, decimals: 2)
        guard user.inDrift else { return Span((compact ? "cos " : "steady, cos ") + cosine) }
        // Compact with the truth's JS beside it: the word "cos" makes room.
        var text = (compact && state.truthDistance != nil ? "DRIFT " : "DRIFT cos ") + cosine
        if !compact, let alert = state.focusedMarks.driftAlerts.last(where: { $0.kind == .interestShift }) {
            let names = state.model.taxonomy.names
            let rose = alert.rose.prefix(1).map { names[$0] + String(glyphs.arrowUp) }
            let fell = alert.fell.prefix(1).map { names[$0] + String(glyphs.arrowDown) }
            text += " " + (fell + rose).joined(separator: " ")
        }
        return Span(text, style: Style(foreground: .red, bold: true))
    }

    /// HR@10 of the model on screen; in the split view both models' and the paired difference
    /// A − B with its 95 % half-width (`PairedRunningMetrics`), for HR@10 and NDCG@10.
    static func metricSpans(_ state: ExplorerState, compact: Bool, wide: Bool) -> [Span] {
        guard let paired = state.replayer.paired, state.comparison != nil else {
            return [Span((compact ? "HR " : "HR@10 ") + NumberText.fixed(state.replayer.hitRate.value, decimals: 3))]
        }
        if state.showsCompanion {
            return [Span((compact ? "HR " : "HR@10 ") + NumberText.fixed(paired.hitB.mean, decimals: 3))]
        }
        var text = (compact ? "A " : "HR@10 A ") + NumberText.fixed(paired.hitA.mean, decimals: 3)
            + " B " + NumberText.fixed(paired.hitB.mean, decimals: 3)
        text += " " + (compact ? "Δ" + NumberText.fixed(paired.hitDifference.mean, decimals: 3, sign: true) : difference(paired.hitDifference))
        if wide { text += " NDCG " + difference(paired.ndcgDifference) }
        return [Span(text, style: Style(bold: true))]
    }

    /// `Δ+0.027±0.017` (the half-width of the 95 % interval), `Δ+0.000` below two positives.
    static func difference(_ series: PairedRunningMetrics.Series) -> String {
        var text = "Δ" + NumberText.fixed(series.mean, decimals: 3, sign: true)
        if let interval = series.interval95 { text += "±" + NumberText.fixed((interval.high - interval.low) / 2, decimals: 3) }
        return text
    }

    static func right(_ state: ExplorerState) -> Line {
        let pending = String(repeating: "·", count: 12)
        if state.isSplit {
            let a = state.stateHash.map { String($0.prefix(6)) } ?? String(pending.prefix(6))
            let b = state.companionHash.map { String($0.prefix(6)) } ?? String(pending.prefix(6))
            return Line("#" + a + "/" + b + " ", style: ExplorerTheme.status)
        }
        let shown = state.showsCompanion ? state.companionHash : state.stateHash
        guard let hash = shown else { return Line("#" + pending + " ", style: ExplorerTheme.status) }
        return Line("#" + String(hash.prefix(12)) + " ", style: ExplorerTheme.status)
    }
}
