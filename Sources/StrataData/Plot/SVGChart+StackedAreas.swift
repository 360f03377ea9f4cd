extension SVGChart {
    /// A stacked-area chart of shares: at each x the layers' values are divided by their sum,
    /// so the stack reaches 1 (a column whose values sum to 0 draws nothing). One
    /// `<path class="series">` per layer, first layer at the bottom.
    ///
    /// `x` and every layer are read up to the shortest of them. More than
    /// `layout.maxPointsPerSeries` columns are averaged into that many buckets (averaging
    /// keeps each column summing to 1).
    public static func stackedAreas(
        title: String, xLabel: String, yLabel: String, x: [Double], layers: [Layer],
        markers: [VerticalMarker] = [], layout: Layout = Layout()
    ) -> String {
        let count = ([x.count] + layers.map(\.values.count)).min() ?? 0
        let shares = normalisedShares(count: count, layers: layers)
        let buckets = SeriesDownsampler.buckets(count: count, limit: layout.maxPointsPerSeries)
        let columnX = buckets.map { bucket in mean(bucket.map { x[$0] }) }
        let columnShares = layers.indices.map { layer in
            buckets.map { bucket in mean(bucket.map { shares[layer][$0] }) }
        }

        let finiteX = columnX.filter(\.isFinite) + markers.map(\.x).filter(\.isFinite)
        let xScale = NiceScale(minimum: finiteX.min() ?? 0, maximum: finiteX.max() ?? 1)
        let yScale = NiceScale(minimum: 0, maximum: 1, targetTicks: 6)
        let frame = ChartFrame(
            layout: layout, yLabelCharacters: ChartFrame.labelCharacters(yScale),
            legendNames: layers.map(\.name))
        let xMap = LinearMap(domain: (xScale.lower, xScale.upper), range: (frame.left, frame.right))
        let yMap = LinearMap(domain: (yScale.lower, yScale.upper), range: (frame.bottom, frame.top))

        var document = SVGDocument(layout: layout, title: title)
        frame.drawTitle(&document, title)
        frame.drawYAxis(&document, scale: yScale, map: yMap, title: yLabel)
        frame.drawXAxis(&document, scale: xScale, map: xMap, title: xLabel)

        document.openGroup("series-group")
        var base = [Double](repeating: 0, count: columnX.count)
        for (index, layer) in layers.enumerated() where !columnX.isEmpty {
            let topEdge = zip(base, columnShares[index]).map { $0 + $1 }
            var commands: [String] = []
            for column in columnX.indices where columnX[column].isFinite {
                let command = commands.isEmpty ? "M" : "L"
                commands.append("\(command)\(PlotNumber.px(xMap(columnX[column]))) \(PlotNumber.px(yMap(topEdge[column])))")
            }
            for column in columnX.indices.reversed() where columnX[column].isFinite {
                commands.append("L\(PlotNumber.px(xMap(columnX[column]))) \(PlotNumber.px(yMap(base[column])))")
            }
            if !commands.isEmpty {
                document.element("path", [
                    ("class", "series"), ("data-series", layer.name),
                    ("d", commands.joined(separator: " ") + " Z"),
                    ("fill", ChartPalette.colour(index)), ("fill-opacity", "0.85"), ("stroke", "none"),
                ])
            }
            base = topEdge
        }
        document.closeGroup()

        drawStackMarkers(&document, markers, frame: frame, xMap: xMap)
        frame.drawLegend(&document, layers.enumerated().map { index, layer in
            ChartFrame.LegendEntry(name: layer.name, colour: ChartPalette.colour(index), dash: nil, filled: true)
        })
        return document.render()
    }

    /// Per layer, per column: the layer's share of the column total (negatives, NaN → 0).
    private static func normalisedShares(count: Int, layers: [Layer]) -> [[Double]] {
        let cleaned = layers.map { layer in
            layer.values.prefix(count).map { $0.isFinite && $0 > 0 ? $0 : 0 }
        }
        let totals = (0..<count).map { column in cleaned.reduce(0) { $0 + $1[column] } }
        return cleaned.map { values in
            values.indices.map { column in totals[column] > 0 ? values[column] / totals[column] : 0 }
        }
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    private static func drawStackMarkers(
        _ document: inout SVGDocument, _ markers: [VerticalMarker], frame: ChartFrame, xMap: LinearMap
    ) {
        guard !markers.isEmpty else { return }
        document.openGroup("markers")
        for marker in markers where marker.x.isFinite {
            let x = PlotNumber.px(xMap(marker.x))
            document.element("line", [
                ("class", "marker"), ("data-label", marker.label), ("x1", x), ("y1", PlotNumber.px(frame.top)),
                ("x2", x), ("y2", PlotNumber.px(frame.bottom)), ("stroke", "#333333"),
                ("stroke-dasharray", "4 3"),
            ])
        }
        document.closeGroup()
    }
}
