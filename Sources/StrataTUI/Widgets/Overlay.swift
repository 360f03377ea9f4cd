/// A bordered box centred over whatever was drawn before (help, details), hiding it.
///
/// The box is `width`×`height` clamped to the area; its inside is cleared to `fillStyle` and
/// `content` renders in it.
public struct Overlay<Content: Widget>: Widget {
    public var title: Line?
    public var content: Content
    public var width: Int
    public var height: Int
    public var glyphs: GlyphSet
    public var borderStyle: Style
    public var fillStyle: Style

    public init(
        title: Line?, content: Content, width: Int, height: Int, glyphs: GlyphSet,
        borderStyle: Style = Style(bold: true), fillStyle: Style = .plain
    ) {
        self.title = title
        self.content = content
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.borderStyle = borderStyle
        self.fillStyle = fillStyle
    }

    /// Where the box goes inside `area`.
    public func box(in area: Rect) -> Rect { area.centered(width: width, height: height) }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let box = box(in: area)
        guard !box.isEmpty else { return }
        buffer.fill(box, with: .blank(fillStyle))
        let block = Block(title: title, glyphs: glyphs, borderStyle: borderStyle)
        block.render(into: &buffer, area: box)
        content.render(into: &buffer, area: block.inner(of: box).inset(horizontal: 1))
    }
}

extension Overlay: Sendable where Content: Sendable {}
