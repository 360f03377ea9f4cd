/// The characters widgets draw with: Unicode box drawing and block elements, or plain ASCII
/// for terminals whose locale is not UTF-8.
///
/// Chosen once from `TerminalCapabilities` (or `NcursesTerminal.glyphs`) and passed to the
/// widgets that need it; there is no global default.
public struct GlyphSet: Hashable, Sendable {
    /// Whether every glyph is ASCII (the terminal's locale is not UTF-8). Decided with the
    /// set, so that panes choosing their own marks, and the fallback that replaces what they
    /// drew, ask this rather than guess from the bar glyphs.
    public var isASCII: Bool
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// A fully filled bar cell.
    public var barFull: Character
    /// Partial bar cells for 1/8 … 7/8 of a cell; empty when only whole cells can be drawn.
    public var barPartials: [Character]
    /// Sparkline levels from lowest to highest.
    public var sparkLevels: [Character]
    /// Marks text cut to fit.
    public var ellipsis: String
    /// Separates tab titles.
    public var tabDivider: Character
    /// Points at the selected row of a list.
    public var selectionMarker: Character
    public var arrowUp: Character
    public var arrowDown: Character
    public var arrowLeft: Character
    public var arrowRight: Character

    public static let unicode = GlyphSet(
        isASCII: false,
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        barFull: "█", barPartials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        ellipsis: "…", tabDivider: "│", selectionMarker: "▶",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→"
    )

    public static let ascii = GlyphSet(
        isASCII: true,
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        barFull: "#", barPartials: [],
        sparkLevels: ["_", ".", "-", "=", "#"],
        ellipsis: "~", tabDivider: "|", selectionMarker: ">",
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">"
    )

    /// `unicode` when the terminal's locale is UTF-8, `ascii` otherwise.
    public static func forUTF8(_ isUTF8: Bool) -> GlyphSet { isUTF8 ? .unicode : .ascii }
}
