extension SVGChart {
    /// A line chart: one `<path class="series">` per series that has finite points, one legend
    /// row per series, and each marker as a dashed vertical line with its label.
    ///
    /// Series longer than `layout.maxPointsPerSeries` are down-sampled keeping each bucket's
    /// minimum and maximum, so spikes survive. Markers widen the x range to stay visible.
    public static func lines(
        title: String, xLabel: String, yLabel: String, series: [Series],
        markers: [VerticalMarker] = [], layout: Layout = Layout()
    ) -> String {
        let thinned = series.map { series in
            SeriesDownsampler.minMax(series.points, limit: layout.maxPointsPerSeries)
        }
        let finite = thinned.flatMap { $0.filter { $0.x.isFinite && $0.y.isFinite } }
        let markerXs = markers.map(\.x).filter(\.isFinite)
        let xs = finite.map(\.x) + markerXs
        let xScale = NiceScale(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1)
        let yScale = NiceScale(minimum: finite.map(\.y).min() ?? 0, maximum: finite.map(\.y).max() ?? 1)
        let frame = ChartFrame(
            layout: layout, yLabelCharacters: ChartFrame.labelCharacters(yScale),
            legendNames: series.map(\.name))
        let xMap = LinearMap(domain: (xScale.lower, xScale.upper), range: (frame.left, frame.right))
        let yMap = LinearMap(domain: (yScale.lower, yScale.upper), range: (frame.bottom, frame.top))

        var document = SVGDocument(layout: layout, title: title)
        frame.drawTitle(&document, title)
        frame.drawYAxis(&document, scale: yScale, map: yMap, title: yLabel)
        frame.drawXAxis(&document, scale: xScale, map: xMap, title: xLabel)

        document.openGroup("series-group")
        for (index, points) in thinned.enumerated() {
            guard let path = pathData(points, xMap: xMap, yMap: yMap) else { continue }
            var attributes = [
                ("class", "series"), ("data-series", series[index].name), ("d", path), ("fill", "none"),
                ("stroke", ChartPalette.colour(index)), ("stroke-width", "1.5"),
                ("stroke-linejoin", "round"),
            ]
            if let dash = ChartPalette.dash(index) { attributes.append(("stroke-dasharray", dash)) }
            document.element("path", attributes)
        }
        document.closeGroup()

        drawMarkers(&document, markers, frame: frame, xMap: xMap)
        frame.drawLegend(&document, series.enumerated().map { index, series in
            ChartFrame.LegendEntry(
                name: series.name, colour: ChartPalette.colour(index), dash: ChartPalette.dash(index),
                filled: false)
        })
        return document.render()
    }

    /// `M x y L x y …`, starting a new sub-path after each non-finite point; nil if no point
    /// is finite.
    private static func pathData(_ points: [Point], xMap: LinearMap, yMap: LinearMap) -> String? {
        var commands: [String] = []
        var penDown = false
        for point in points {
            guard point.x.isFinite, point.y.isFinite else {
                penDown = false
                continue
            }
            let command = penDown ? "L" : "M"
            commands.append("\(command)\(PlotNumber.px(xMap(point.x))) \(PlotNumber.px(yMap(point.y)))")
            penDown = true
        }
        return commands.isEmpty ? nil : commands.joined(separator: " ")
    }

    /// Dashed vertical lines; a label is drawn only if it does not collide with the previous
    /// labelled marker, so a burst of alerts stays readable.
    private static func drawMarkers(
        _ document: inout SVGDocument, _ markers: [VerticalMarker], frame: ChartFrame, xMap: LinearMap
    ) {
        guard !markers.isEmpty else { return }
        let spacing = Double(frame.layout.fontSize) + 4
        var lastLabelled = -Double.infinity
        document.openGroup("markers")
        for marker in markers.filter({ $0.x.isFinite }).sorted(by: { $0.x < $1.x }) {
            let x = xMap(marker.x)
            document.element("line", [
                ("class", "marker"), ("data-label", marker.label), ("x1", PlotNumber.px(x)),
                ("y1", PlotNumber.px(frame.top)), ("x2", PlotNumber.px(x)),
                ("y2", PlotNumber.px(frame.bottom)), ("stroke", "#555555"),
                ("stroke-dasharray", "4 3"), ("stroke-width", "1"),
            ])
            guard x - lastLabelled >= spacing, !marker.label.isEmpty else { continue }
            lastLabelled = x
            let labelX = PlotNumber.px(x + 3)
            let labelY = PlotNumber.px(frame.top + 4)
            document.element("text", [
                ("class", "marker-label"), ("x", labelX), ("y", labelY), ("fill", "#555555"),
                ("font-size", String(max(frame.layout.fontSize - 2, 6))),
                ("transform", "rotate(90 \(labelX) \(labelY))"),
            ], text: SVGDocument.truncate(marker.label, to: 24))
        }
        document.closeGroup()
    }
}
