import Foundation
import Testing
@testable import StrataData

@Suite("PlotTests")
struct PlotTests {
    private let weights = [
        SVGChart.Series(name: "recency", pairs: (0..<50).map { (Double($0), sin(Double($0) / 5)) }),
        SVGChart.Series(name: "tier:long", pairs: (0..<50).map { (Double($0), Double($0) / 50) }),
        SVGChart.Series(name: "popularity", pairs: [(0, -0.2), (10, .nan), (20, 0.4), (30, 0.1)]),
    ]

    @Test("a line chart has one path per series, the legend, axes, title and markers")
    func lineChart() throws {
        let svg = SVGChart.lines(
            title: "Learned weights", xLabel: "stream position", yLabel: "weight", series: weights,
            markers: [SVGChart.VerticalMarker(x: 25, label: "drift alert")])
        let parsed = try #require(SVGElements.parse(svg))
        let paths = parsed.all("path", class: "series")
        #expect(paths.map { $0.attributes["data-series"] } == ["recency", "tier:long", "popularity"])
        // The NaN point splits the third line into two sub-paths.
        #expect(paths[2].attributes["d"]?.filter { $0 == "M" }.count == 2)
        #expect(parsed.all("text", class: "legend-label").map(\.text) == ["recency", "tier:long", "popularity"])
        #expect(parsed.all("text", class: "title").map(\.text) == ["Learned weights"])
        #expect(parsed.all("title").map(\.text) == ["Learned weights"])
        #expect(Set(parsed.all("text", class: "axis-title").map(\.text)) == ["stream position", "weight"])
        #expect(parsed.all("line", class: "marker").count == 1)
        #expect(parsed.all("text", class: "marker-label").map(\.text) == ["drift alert"])
        #expect(parsed.all("text", class: "tick-label").count >= 6)
        #expect(parsed.elements.first?.attributes["viewBox"] == "0 0 800 450")
    }

    @Test("labels are XML-escaped and come back intact")
    func escaping() throws {
        let name = #"<b>&"quoted" 'x'"#
        let svg = SVGChart.lines(
            title: "A & B <test>", xLabel: "x > 0", yLabel: "y", series: [SVGChart.Series(name: name, pairs: [(0, 1), (1, 2)])],
            markers: [SVGChart.VerticalMarker(x: 0.5, label: "a<b")])
        #expect(svg.contains("&lt;b&gt;&amp;&quot;quoted&quot; &apos;x&apos;"))
        #expect(!svg.contains("<b>"))
        let parsed = try #require(SVGElements.parse(svg))
        #expect(parsed.all("text", class: "legend-label").map(\.text) == [name])
        #expect(parsed.all("path", class: "series").first?.attributes["data-series"] == name)
        #expect(parsed.all("text", class: "title").map(\.text) == ["A & B <test>"])
        #expect(parsed.all("text", class: "marker-label").map(\.text) == ["a<b"])
    }

    @Test("control characters are replaced so the file stays well-formed XML")
    func controlCharacters() throws {
        let svg = SVGChart.lines(title: "bell\u{7}", xLabel: "x", yLabel: "y", series: [])
        let parsed = try #require(SVGElements.parse(svg))
        #expect(parsed.all("text", class: "title").map(\.text) == ["bell\u{FFFD}"])
    }

    @Test("the same input gives the same bytes")
    func deterministic() {
        let first = SVGChart.lines(title: "t", xLabel: "x", yLabel: "y", series: weights)
        let second = SVGChart.lines(title: "t", xLabel: "x", yLabel: "y", series: weights)
        #expect(first == second)
        #expect(first.hasSuffix("</svg>\n"))
    }

    @Test("long series are down-sampled but keep their extremes")
    func downsampling() throws {
        var points = (0..<100_000).map { SVGChart.Point(x: Double($0), y: Double($0 % 100) / 100) }
        points[54_321].y = 50
        let svg = SVGChart.lines(
            title: "drift score", xLabel: "position", yLabel: "score",
            series: [SVGChart.Series(name: "score", points: points)])
        let parsed = try #require(SVGElements.parse(svg))
        let d = try #require(parsed.all("path", class: "series").first?.attributes["d"])
        let vertices = d.filter { $0 == "M" || $0 == "L" }.count
        #expect(vertices <= 2_002)
        #expect(vertices >= 1_000)
        #expect(svg.utf8.count < 60_000)
        // The spike sets the axis: its top tick is 50.
        #expect(parsed.all("text", class: "tick-label").map(\.text).contains("50"))
    }

    @Test("stacked areas: one band per layer, and the top band reaches 1")
    func stackedAreas() throws {
        let x = (0..<30).map(Double.init)
        let layers = [
            SVGChart.Layer(name: "short", values: x.map { $0 }),
            SVGChart.Layer(name: "medium", values: x.map { 30 - $0 }),
            SVGChart.Layer(name: "long", values: x.map { _ in 10 }),
        ]
        let svg = SVGChart.stackedAreas(
            title: "Tier shares of Sci-Fi", xLabel: "position", yLabel: "share", x: x, layers: layers)
        let parsed = try #require(SVGElements.parse(svg))
        let bands = parsed.all("path", class: "series")
        #expect(bands.map { $0.attributes["data-series"] } == ["short", "medium", "long"])
        #expect(parsed.all("text", class: "legend-label").map(\.text) == ["short", "medium", "long"])
        let oneTick = try #require(parsed.all("text", class: "tick-label").first { $0.text == "1.0" })
        let topY = try #require(oneTick.attributes["y"])
        // The last band's upper edge starts at share 1.
        let firstVertex = try #require(bands.last?.attributes["d"]?.split(separator: " ").prefix(2))
        #expect(firstVertex.last.map(String.init) == topY)
    }

    @Test("grouped bars: one bar per group and category, negative values below zero")
    func groupedBars() throws {
        let svg = SVGChart.groupedBars(
            title: "A/B", yLabel: "value", categories: ["HR@10", "NDCG@10", "Δ log-loss"],
            groups: [
                SVGChart.BarGroup(name: "A: decay 0.9", values: [0.31, 0.18, -0.05]),
                SVGChart.BarGroup(name: "B: decay 0.99", values: [0.35, 0.21, .nan]),
            ])
        let parsed = try #require(SVGElements.parse(svg))
        let bars = parsed.all("rect", class: "bar")
        #expect(bars.count == 5)
        #expect(parsed.all("text", class: "legend-label").map(\.text) == ["A: decay 0.9", "B: decay 0.99"])
        #expect(parsed.all("text", class: "tick-label").map(\.text).suffix(3) == ["HR@10", "NDCG@10", "Δ log-loss"])
        let zeroTick = try #require(parsed.all("text", class: "tick-label").first { $0.text == "0.0" || $0.text == "0.00" })
        let zeroY = try #require(zeroTick.attributes["y"].flatMap(Double.init))
        let negative = try #require(bars.first { $0.attributes["data-category"] == "Δ log-loss" })
        #expect(negative.attributes["y"].flatMap(Double.init) == zeroY)
        #expect(parsed.all("text", class: "bar-value").map(\.text).contains("0.35"))
    }

    @Test("nice scales", arguments: [
        (0.0, 1.0, 0.0, 1.0, 0.2), (0.0, 97.0, 0.0, 100.0, 20.0), (-3.2, 7.9, -5.0, 10.0, 5.0),
        (5.0, 5.0, 2.0, 8.0, 1.0), (0.0012, 0.0087, 0.0, 0.01, 0.002),
    ])
    func niceScale(_ low: Double, _ high: Double, _ lower: Double, _ upper: Double, _ step: Double) {
        let scale = NiceScale(minimum: low, maximum: high)
        #expect(abs(scale.lower - lower) < 1e-12)
        #expect(abs(scale.upper - upper) < 1e-12)
        #expect(abs(scale.step - step) < 1e-12)
        #expect(scale.ticks.count >= 3 && scale.ticks.count <= 11)
    }

    @Test("fixed-decimal numbers", arguments: [
        (1.5, 2, "1.50"), (-2.25, 2, "-2.25"), (-0.001, 2, "0.00"), (1234.5678, 1, "1234.6"),
        (0.3, 0, "0"), (7, 0, "7"), (0.1 + 0.2, 3, "0.300"),
    ])
    func fixedNumbers(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(PlotNumber.fixed(value, decimals) == expected)
    }

    @Test("an empty chart is still a valid SVG with its title")
    func emptyChart() throws {
        for svg in [
            SVGChart.lines(title: "nothing", xLabel: "x", yLabel: "y", series: []),
            SVGChart.stackedAreas(title: "nothing", xLabel: "x", yLabel: "y", x: [], layers: []),
            SVGChart.groupedBars(title: "nothing", yLabel: "y", categories: [], groups: []),
        ] {
            let parsed = try #require(SVGElements.parse(svg))
            #expect(parsed.all("text", class: "title").map(\.text) == ["nothing"])
        }
    }

    @Test("many series: colours repeat with dashes, the legend says how many more")
    func manySeries() throws {
        let series = (0..<60).map { SVGChart.Series(name: "w\($0)", pairs: [(0, Double($0)), (1, 0)]) }
        let parsed = try #require(SVGElements.parse(
            SVGChart.lines(title: "t", xLabel: "x", yLabel: "y", series: series)))
        let paths = parsed.all("path", class: "series")
        #expect(paths.count == 60)
        #expect(paths[8].attributes["stroke"] == paths[0].attributes["stroke"])
        #expect(paths[8].attributes["stroke-dasharray"] != nil)
        #expect(parsed.all("text", class: "legend-more").count == 1)
    }
}
