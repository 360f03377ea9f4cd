/// A style as a terminal draws it: palette indices (-1 is the terminal's default colour) and
/// attributes.
public struct TerminalStyle: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
}

/// Maps a `Style` onto what a terminal with `colorCount` colours can show. Pure, so every
/// theme role is checked at 8, 16 and 256 colours and monochrome without a terminal.
///
/// Rules, so nothing the theme draws vanishes:
/// - Monochrome (0 colours, NO_COLOR): no colours; a background colour becomes reverse video.
/// - 8 colours: bright colours fold onto their base colour made bold (the classic "bright is
///   bold"), except bright black — grey, the theme's muted colour — which has no base colour to
///   fold onto (black is invisible on a dark background): it is the default foreground, dimmed.
/// - A foreground equal to the background it is drawn on (black on the default background
///   when that is black, black on black…) is the default foreground, dimmed.
/// - Palette entries the terminal does not have fall back to the default colour.
public struct TerminalStyleResolver: Hashable, Sendable {
    /// Colours available: 0 for monochrome, else 8, 16, 256…
    public let colorCount: Int
    /// What -1 stands for: -1/-1 after `use_default_colors`, else ncurses' white on black.
    public let defaultForeground: Int
    public let defaultBackground: Int

    public init(colorCount: Int, defaultForeground: Int = -1, defaultBackground: Int = -1) {
        self.colorCount = max(0, colorCount)
        self.defaultForeground = defaultForeground
        self.defaultBackground = defaultBackground
    }

    private static let black = 0
    private static let brightBlack = 8

    public func resolve(_ style: Style) -> TerminalStyle {
        var resolved = TerminalStyle(foreground: defaultForeground, background: defaultBackground, bold: style.bold,
                                     dim: style.dim, reverse: style.reverse, underline: style.underline)
        guard colorCount > 0 else {
            resolved.foreground = -1
            resolved.background = -1
            // A background colour marks a highlight; keep it visible as reverse video.
            if style.background != nil { resolved.reverse = true }
            return resolved
        }
        if let background = style.background, let index = background.paletteIndex(forColorCount: colorCount) {
            resolved.background = index
        }
        if let foreground = style.foreground {
            let index = foreground.paletteIndex
            if index == Self.brightBlack && colorCount < 16 {
                resolved.dim = true
            } else if index >= 8 && index < 16 && colorCount < 16 {
                resolved.foreground = index - 8
                resolved.bold = true
            } else if let usable = foreground.paletteIndex(forColorCount: colorCount) {
                resolved.foreground = usable
            }
        }
        if resolved.foreground >= 0 && resolved.foreground == effectiveBackground(resolved.background) {
            resolved.foreground = defaultForeground
            resolved.dim = true
        }
        return resolved
    }

    /// The background a cell shows: -1 (unknown, assumed dark) counts as black, the common case
    /// that makes black text vanish.
    private func effectiveBackground(_ background: Int) -> Int {
        background >= 0 ? background : Self.black
    }
}
