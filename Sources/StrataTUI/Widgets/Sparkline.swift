/// A one-row chart of a series: each value becomes one cell whose glyph height is the value's
/// place in `range` (`▁▂▃▄▅▆▇█`, or `_.-=#` in ASCII).
///
/// When the series is longer than the area, the most recent (last) values are shown. NaN and
/// infinite values draw as a space.
public struct Sparkline: Widget, Sendable {
    public var values: [Double]
    /// Maps to the lowest and highest glyph; nil uses the finite minimum and maximum of the
    /// values shown. A degenerate range maps everything to the lowest glyph.
    public var range: ClosedRange<Double>?
    public var glyphs: GlyphSet
    public var style: Style

    public init(values: [Double], range: ClosedRange<Double>? = nil, glyphs: GlyphSet, style: Style = .plain) {
        self.values = values
        self.range = range
        self.glyphs = glyphs
        self.style = style
    }

    /// Glyph level (0 = lowest) of `value` in `range` for `levels` glyphs, nil when not finite.
    public static func level(of value: Double, in range: ClosedRange<Double>, levels: Int) -> Int? {
        guard value.isFinite, levels > 0 else { return nil }
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return 0 }
        let position = (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / span
        return min(levels - 1, Int((position * Double(levels - 1)).rounded()))
    }

    /// The glyphs for the last `width` values. O(width).
    public func glyphs(width: Int) -> [Character] {
        let shown = values.suffix(max(0, width))
        let finite = shown.filter(\.isFinite)
        guard let low = range?.lowerBound ?? finite.min(), let high = range?.upperBound ?? finite.max() else {
            return shown.map { _ in " " }
        }
        let levels = glyphs.sparkLevels
        let bounds = low <= high ? low...high : high...low
        return shown.map { value in
            Sparkline.level(of: value, in: bounds, levels: levels.count).map { levels[$0] } ?? " "
        }
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        for (offset, glyph) in glyphs(width: area.width).enumerated() {
            buffer.put(glyph, width: 1, x: area.x + offset, y: area.y, style: style)
        }
    }
}
