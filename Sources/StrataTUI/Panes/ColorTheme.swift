/// The explorer's colour themes (issue 13, item 6), applied to a drawn frame as a last pass,
/// so every pane keeps its semantic styles and a theme is one table. Named ANSI colours only,
/// so a theme means the same at 8, 16 and 256 colours (the resolver folds bright colours on
/// 8-colour terminals).
///
/// - `standard` (the default) is colour-blind safe: no meaning rests on red against green —
///   "good" (accept, rising, core) is bright blue, "bad" (reject, falling, fading) red, a pair
///   that protanopes and deuteranopes tell apart; the tiers are yellow, cyan and magenta.
/// - `projector`: a light background (bright white) with black text and high-contrast hues;
///   no yellow, white or cyan text on white (they are unreadable on a projected screen).
public enum ColorTheme: String, CaseIterable, Hashable, Sendable {
    case standard
    case projector

    /// The next theme for the `c` key.
    public var next: ColorTheme { self == .standard ? .projector : .standard }

    /// The colour a style's foreground becomes (nil: the theme's default text colour).
    public func foreground(_ color: Color?) -> Color? {
        switch self {
        case .standard:
            switch color {
            case .green?, .brightGreen?: return .brightBlue
            default: return color
            }
        case .projector:
            switch color {
            case nil, .white?, .brightWhite?: return .black
            case .yellow?, .brightYellow?: return .red
            case .green?, .brightGreen?, .cyan?, .brightCyan?, .brightBlue?: return .blue
            case .brightRed?: return .red
            case .brightMagenta?: return .magenta
            default: return color
            }
        }
    }

    /// The colour a style's background becomes (nil: the theme's background).
    public func background(_ color: Color?) -> Color? {
        switch self {
        case .standard: return color
        case .projector: return color ?? .brightWhite
        }
    }

    /// `style` in this theme.
    public func apply(_ style: Style) -> Style {
        var themed = style
        themed.foreground = foreground(style.foreground)
        themed.background = background(style.background)
        return themed
    }

    /// Every cell of `buffer` in this theme.
    public func apply(to buffer: inout ScreenBuffer) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                var cell = buffer[x, y]
                cell.style = apply(cell.style)
                buffer[x, y] = cell
            }
        }
    }
}
