/// Standalone SVG charts of series, as pure functions: same input, same bytes
/// (Docs/sessions.md §8). Each chart has a title, axes with tick labels, axis titles and a
/// legend; colours are the Okabe–Ito palette, safe for colour-blind readers.
///
/// - `lines`: learned weights over time; a drift score with its alerts as vertical markers.
/// - `stackedAreas`: tier shares of chosen nodes over time, stacked to 1.
/// - `groupedBars`: an A/B comparison of two configurations' metrics.
public enum SVGChart {
    /// One data point.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A named line. Points are drawn in the order given; a non-finite point breaks the line.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var points: [Point]
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
        /// A series from `(x, y)` pairs.
        public init(name: String, pairs: [(Double, Double)]) {
            self.init(name: name, points: pairs.map { Point(x: $0.0, y: $0.1) })
        }
    }

    /// A dashed vertical line across the plot with a label at its top (e.g. a drift alert).
    public struct VerticalMarker: Sendable, Hashable {
        public var x: Double
        public var label: String
        public init(x: Double, label: String) {
            self.x = x
            self.label = label
        }
    }

    /// One band of a stacked-area chart: a value per x; negative and non-finite values count
    /// as 0.
    public struct Layer: Sendable, Hashable {
        public var name: String
        public var values: [Double]
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// One group of a grouped-bar chart (e.g. configuration A): a value per category; a
    /// missing or non-finite value draws no bar.
    public struct BarGroup: Sendable, Hashable {
        public var name: String
        public var values: [Double]
        /// Error bars: for each category the interval's low and high end (empty: none drawn).
        public var lower: [Double]
        public var upper: [Double]
        public init(name: String, values: [Double], lower: [Double] = [], upper: [Double] = []) {
            self.name = name
            self.values = values
            self.lower = lower
            self.upper = upper
        }
    }

    /// Size and density of a chart.
    public struct Layout: Sendable, Hashable {
        /// Width and height in pixels (the SVG's `width`, `height` and `viewBox`).
        public var width: Int
        public var height: Int
        /// Font size of labels in pixels; the title is a third larger.
        public var fontSize: Int
        /// Series longer than this are down-sampled (min and max kept per bucket).
        public var maxPointsPerSeries: Int
        /// Named records written as `<metadata class="NAME">{JSON}</metadata>` after the title,
        /// e.g. `config` → the model's `settingsRecord`, so a chart says what produced it.
        public var metadata: [String: [String: String]]

        public init(width: Int = 800, height: Int = 450, fontSize: Int = 12, maxPointsPerSeries: Int = 2000,
                    metadata: [String: [String: String]] = [:]) {
            self.metadata = metadata
            self.width = max(width, 200)
            self.height = max(height, 150)
            self.fontSize = max(fontSize, 6)
            self.maxPointsPerSeries = max(maxPointsPerSeries, 4)
        }
    }
}
