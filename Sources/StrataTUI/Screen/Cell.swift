/// One column of the screen.
///
/// A plain value (no references): the grapheme is stored inline as a `Glyph`. A wide character
/// (`width == 2`) is followed by a continuation cell (`width == 0`, a space glyph) that
/// backends skip.
public struct Cell: Hashable, Sendable {
    public var glyph: Glyph
    /// Display width: 1 for most characters, 2 for a wide character, 0 for a continuation cell.
    public var width: UInt8
    public var style: Style

    @inline(__always)
    public init(glyph: Glyph, width: UInt8 = 1, style: Style = .plain) {
        self.glyph = glyph
        self.width = width
        self.style = style
    }

    public init(character: Character, width: UInt8 = 1, style: Style = .plain) {
        self.init(glyph: Glyph(character), width: width, style: style)
    }

    /// The grapheme cluster shown in this cell.
    public var character: Character { glyph.character }

    /// A space in the default style.
    public static let blank = Cell(glyph: .space)

    /// A space in `style` (clears a cell to a background).
    @inline(__always)
    public static func blank(_ style: Style) -> Cell { Cell(glyph: .space, style: style) }

    /// The right half of a wide character.
    @inline(__always)
    static func continuation(_ style: Style) -> Cell { Cell(glyph: .space, width: 0, style: style) }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
