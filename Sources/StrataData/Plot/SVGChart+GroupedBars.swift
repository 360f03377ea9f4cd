extension SVGChart {
    /// A grouped-bar chart: for each category (a metric) one `<rect class="bar">` per group
    /// (a configuration) that has a finite value there, labelled with its value; the y axis
    /// always includes 0 and bars grow up or down from it. A group with `lower`/`upper` gets an
    /// error bar per bar (`<line class="error-bar">` with caps, e.g. a 95 % interval); `notes`
    /// are lines of text under the title.
    public static func groupedBars(
        title: String, yLabel: String, categories: [String], groups: [BarGroup],
        xLabel: String = "", notes: [String] = [], layout: Layout = Layout()
    ) -> String {
        let values = groups.flatMap { $0.values.prefix(categories.count) + $0.lower.prefix(categories.count) + $0.upper.prefix(categories.count) }
            .filter(\.isFinite)
        let yScale = NiceScale(minimum: min(values.min() ?? 0, 0), maximum: max(values.max() ?? 1, 0))
        let frame = ChartFrame(
            layout: layout, yLabelCharacters: ChartFrame.labelCharacters(yScale),
            legendNames: groups.map(\.name), noteLines: notes.count)
        let yMap = LinearMap(domain: (yScale.lower, yScale.upper), range: (frame.bottom, frame.top))
        let band = frame.width / Double(max(categories.count, 1))
        let barWidth = band * 0.8 / Double(max(groups.count, 1))
        let valueDecimals = min(yScale.decimals + 1, 6)

        var document = SVGDocument(layout: layout, title: title)
        frame.drawTitle(&document, title)
        frame.drawNotes(&document, notes)
        frame.drawYAxis(&document, scale: yScale, map: yMap, title: yLabel)
        document.openGroup("x-axis")
        let labelCharacters = max(Int(band / (Double(layout.fontSize) * 0.6)), 3)
        for (index, category) in categories.enumerated() {
            document.element("text", [
                ("class", "tick-label"), ("x", PlotNumber.px(frame.left + band * (Double(index) + 0.5))),
                ("y", PlotNumber.px(frame.bottom + 7 + Double(layout.fontSize))), ("text-anchor", "middle"),
            ], text: SVGDocument.truncate(category, to: labelCharacters))
        }
        frame.drawXAxisLineAndTitle(&document, xLabel)
        document.closeGroup()

        document.openGroup("series-group")
        let zero = yMap(0)
        for (groupIndex, group) in groups.enumerated() {
            document.openGroup("bars", [("data-series", group.name)])
            for (index, value) in group.values.prefix(categories.count).enumerated() where value.isFinite {
                let x = frame.left + band * (Double(index) + 0.1) + barWidth * Double(groupIndex)
                let y = yMap(value)
                document.element("rect", [
                    ("class", "bar"), ("data-category", categories[index]), ("x", PlotNumber.px(x)),
                    ("y", PlotNumber.px(min(y, zero))), ("width", PlotNumber.px(barWidth)),
                    ("height", PlotNumber.px(abs(zero - y))), ("fill", ChartPalette.colour(groupIndex)),
                ])
                var labelTop = y, labelBottom = y
                if index < group.lower.count, index < group.upper.count, group.lower[index].isFinite, group.upper[index].isFinite {
                    let high = yMap(group.upper[index]), low = yMap(group.lower[index])
                    let middle = x + barWidth / 2, cap = min(barWidth / 4, 6)
                    document.element("line", [
                        ("class", "error-bar"), ("data-category", categories[index]),
                        ("data-low", PlotNumber.fixed(group.lower[index], valueDecimals + 1)),
                        ("data-high", PlotNumber.fixed(group.upper[index], valueDecimals + 1)),
                        ("x1", PlotNumber.px(middle)), ("y1", PlotNumber.px(low)), ("x2", PlotNumber.px(middle)), ("y2", PlotNumber.px(high)),
                        ("stroke", "#000000"), ("stroke-width", "1.5"),
                    ])
                    for end in [low, high] {
                        document.element("line", [
                            ("class", "error-cap"), ("x1", PlotNumber.px(middle - cap)), ("y1", PlotNumber.px(end)),
                            ("x2", PlotNumber.px(middle + cap)), ("y2", PlotNumber.px(end)), ("stroke", "#000000"), ("stroke-width", "1.5"),
                        ])
                    }
                    labelTop = min(y, high)
                    labelBottom = max(y, low)
                }
                document.element("text", [
                    ("class", "bar-value"), ("x", PlotNumber.px(x + barWidth / 2)),
                    ("y", PlotNumber.px(value >= 0 ? labelTop - 3 : labelBottom + Double(layout.fontSize))),
                    ("text-anchor", "middle"), ("font-size", String(max(layout.fontSize - 2, 6))),
                ], text: PlotNumber.fixed(value, valueDecimals))
            }
            document.closeGroup()
        }
        document.closeGroup()

        frame.drawLegend(&document, groups.enumerated().map { index, group in
            ChartFrame.LegendEntry(name: group.name, colour: ChartPalette.colour(index), dash: nil, filled: true)
        })
        return document.render()
    }
}
