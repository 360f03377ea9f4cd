/// The parts every chart shares: title, plot rectangle, axes with ticks, grid and axis
/// titles, and the legend at the right.
struct ChartFrame {
    /// One legend row.
    struct LegendEntry {
        var name: String
        var colour: String
        var dash: String?
        /// Filled swatch (areas, bars) rather than a line.
        var filled: Bool
    }

    let layout: SVGChart.Layout
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double
    /// Longest legend label shown before truncation.
    static let legendCharacters = 28

    private var charWidth: Double { Double(layout.fontSize) * 0.6 }

    /// Lays out the plot area leaving room for y tick labels of `yLabelCharacters` and a
    /// legend of `legendNames` at the right.
    init(layout: SVGChart.Layout, yLabelCharacters: Int, legendNames: [String], noteLines: Int = 0) {
        self.layout = layout
        let font = Double(layout.fontSize)
        let charWidth = font * 0.6
        let longest = min(legendNames.map(\.count).max() ?? 0, Self.legendCharacters)
        let legendWidth = legendNames.isEmpty ? 0 : Double(longest) * charWidth + 40
        left = Double(yLabelCharacters) * charWidth + font * 2 + 14
        right = Double(layout.width) - max(legendWidth, 20) - 10
        top = font * 1.33 + 24 + Double(noteLines) * (font + 4)
        bottom = Double(layout.height) - font * 3 - 14
    }

    var width: Double { right - left }
    var height: Double { bottom - top }

    func drawTitle(_ document: inout SVGDocument, _ title: String) {
        let font = Double(layout.fontSize) * 1.33
        document.element("text", [
            ("class", "title"), ("x", PlotNumber.px(Double(layout.width) / 2)),
            ("y", PlotNumber.px(font + 8)), ("text-anchor", "middle"),
            ("font-size", PlotNumber.fixed(font, 1)), ("font-weight", "bold"),
        ], text: title)
    }

    /// Lines of text under the title (a comparison's paired difference), room made by
    /// `noteLines` in `init`.
    func drawNotes(_ document: inout SVGDocument, _ notes: [String]) {
        guard !notes.isEmpty else { return }
        let font = Double(layout.fontSize)
        document.openGroup("notes")
        for (index, note) in notes.enumerated() {
            document.element("text", [
                ("class", "note"), ("x", PlotNumber.px(Double(layout.width) / 2)),
                ("y", PlotNumber.px(font * 1.33 + 8 + (font + 4) * Double(index + 1))), ("text-anchor", "middle"),
            ], text: note)
        }
        document.closeGroup()
    }

    /// Horizontal grid, y tick labels, the y axis line and its rotated title.
    func drawYAxis(_ document: inout SVGDocument, scale: NiceScale, map: LinearMap, title: String) {
        document.openGroup("y-axis")
        for tick in scale.ticks {
            let y = PlotNumber.px(map(tick))
            document.element("line", [
                ("class", "grid"), ("x1", PlotNumber.px(left)), ("y1", y), ("x2", PlotNumber.px(right)),
                ("y2", y), ("stroke", "#dddddd"), ("stroke-width", "1"),
            ])
            document.element("text", [
                ("class", "tick-label"), ("x", PlotNumber.px(left - 6)), ("y", y),
                ("text-anchor", "end"), ("dominant-baseline", "middle"),
            ], text: PlotNumber.fixed(tick, scale.decimals))
        }
        document.element("line", [
            ("class", "axis"), ("x1", PlotNumber.px(left)), ("y1", PlotNumber.px(top)),
            ("x2", PlotNumber.px(left)), ("y2", PlotNumber.px(bottom)), ("stroke", "#333333"),
        ])
        let x = PlotNumber.px(Double(layout.fontSize) + 2)
        let y = PlotNumber.px((top + bottom) / 2)
        document.element("text", [
            ("class", "axis-title"), ("x", x), ("y", y), ("text-anchor", "middle"),
            ("transform", "rotate(-90 \(x) \(y))"),
        ], text: title)
        document.closeGroup()
    }

    /// The x axis line, numeric ticks with labels, and the axis title.
    func drawXAxis(_ document: inout SVGDocument, scale: NiceScale, map: LinearMap, title: String) {
        document.openGroup("x-axis")
        for tick in scale.ticks {
            let x = PlotNumber.px(map(tick))
            document.element("line", [
                ("class", "tick"), ("x1", x), ("y1", PlotNumber.px(bottom)), ("x2", x),
                ("y2", PlotNumber.px(bottom + 5)), ("stroke", "#333333"),
            ])
            document.element("text", [
                ("class", "tick-label"), ("x", x), ("y", PlotNumber.px(bottom + 7 + Double(layout.fontSize))),
                ("text-anchor", "middle"),
            ], text: PlotNumber.fixed(tick, scale.decimals))
        }
        drawXAxisLineAndTitle(&document, title)
        document.closeGroup()
    }

    /// The x axis line and its title, for charts whose x labels are categories.
    func drawXAxisLineAndTitle(_ document: inout SVGDocument, _ title: String) {
        document.element("line", [
            ("class", "axis"), ("x1", PlotNumber.px(left)), ("y1", PlotNumber.px(bottom)),
            ("x2", PlotNumber.px(right)), ("y2", PlotNumber.px(bottom)), ("stroke", "#333333"),
        ])
        document.element("text", [
            ("class", "axis-title"), ("x", PlotNumber.px((left + right) / 2)),
            ("y", PlotNumber.px(Double(layout.height) - 8)), ("text-anchor", "middle"),
        ], text: title)
    }

    /// One row per entry at the right of the plot; rows that do not fit become "… N more".
    func drawLegend(_ document: inout SVGDocument, _ entries: [LegendEntry]) {
        guard !entries.isEmpty else { return }
        let rowHeight = Double(layout.fontSize) + 6
        let capacity = max(Int(height / rowHeight), 1)
        let shown = entries.count <= capacity ? entries : Array(entries.prefix(capacity - 1))
        let x = right + 16
        document.openGroup("legend")
        for (row, entry) in shown.enumerated() {
            let y = top + rowHeight * (Double(row) + 0.5)
            document.openGroup("legend-item")
            if entry.filled {
                document.element("rect", [
                    ("x", PlotNumber.px(x)), ("y", PlotNumber.px(y - 5)), ("width", "16"), ("height", "10"),
                    ("fill", entry.colour),
                ])
            } else {
                var attributes = [
                    ("x1", PlotNumber.px(x)), ("y1", PlotNumber.px(y)), ("x2", PlotNumber.px(x + 16)),
                    ("y2", PlotNumber.px(y)), ("stroke", entry.colour), ("stroke-width", "2"),
                ]
                if let dash = entry.dash { attributes.append(("stroke-dasharray", dash)) }
                document.element("line", attributes)
            }
            document.element("text", [
                ("class", "legend-label"), ("x", PlotNumber.px(x + 22)), ("y", PlotNumber.px(y)),
                ("dominant-baseline", "middle"),
            ], text: SVGDocument.truncate(entry.name, to: Self.legendCharacters))
            document.closeGroup()
        }
        if shown.count < entries.count {
            let y = top + rowHeight * (Double(shown.count) + 0.5)
            document.element("text", [
                ("class", "legend-more"), ("x", PlotNumber.px(x)), ("y", PlotNumber.px(y)),
                ("dominant-baseline", "middle"),
            ], text: "… \(entries.count - shown.count) more")
        }
        document.closeGroup()
    }

    /// Characters of the widest tick label of `scale`.
    static func labelCharacters(_ scale: NiceScale) -> Int {
        scale.ticks.map { PlotNumber.fixed($0, scale.decimals).count }.max() ?? 1
    }
}
