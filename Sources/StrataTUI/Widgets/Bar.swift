/// A horizontal bar filled to `fraction` of its width (a gauge), drawn on the first row of
/// its area.
///
/// With Unicode glyphs the bar has 1/8-cell resolution (`█` plus `▏▎▍▌▋▊▉`); with ASCII
/// glyphs whole cells of `#`. Cells past the fill get `track` (nothing when nil).
public struct Bar: Widget, Sendable {
    /// 0…1; values outside are clamped, NaN draws an empty bar.
    public var fraction: Double
    public var glyphs: GlyphSet
    public var style: Style
    public var track: Character?
    public var trackStyle: Style

    public init(fraction: Double, glyphs: GlyphSet, style: Style = .plain, track: Character? = nil, trackStyle: Style = .plain) {
        self.fraction = fraction
        self.glyphs = glyphs
        self.style = style
        self.track = track
        self.trackStyle = trackStyle
    }

    /// Full cells and the partial glyph (if any) for a bar `width` cells wide.
    public func segments(width: Int) -> (full: Int, partial: Character?) {
        let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        guard !glyphs.barPartials.isEmpty else {
            return (Int((clamped * Double(width)).rounded()), nil)
        }
        let steps = glyphs.barPartials.count + 1
        let total = Int((clamped * Double(width * steps)).rounded())
        let remainder = total % steps
        return (total / steps, remainder == 0 ? nil : glyphs.barPartials[remainder - 1])
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let (full, partial) = segments(width: area.width)
        var column = area.x
        for _ in 0..<full {
            buffer.put(glyphs.barFull, width: 1, x: column, y: area.y, style: style)
            column += 1
        }
        if let partial, column < area.maxX {
            buffer.put(partial, width: 1, x: column, y: area.y, style: style)
            column += 1
        }
        if let track {
            while column < area.maxX {
                buffer.put(track, width: 1, x: column, y: area.y, style: trackStyle)
                column += 1
            }
        }
    }
}
