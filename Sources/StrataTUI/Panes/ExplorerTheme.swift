import StrataCore

/// The explorer's styles. Colours carry meaning only together with text or an attribute, so a
/// monochrome terminal or NO_COLOR (where backends drop colours) loses nothing.
public enum ExplorerTheme {
    public static let title = Style(foreground: .brightCyan, bold: true)
    public static let titleDim = Style(foreground: .brightBlack)
    public static let border = Style(foreground: .brightBlack)
    public static let focusedBorder = Style(foreground: .cyan, bold: true)
    public static let header = Style(foreground: .brightBlack, bold: true)
    public static let dim = Style(dim: true)
    public static let muted = Style(foreground: .brightBlack)
    public static let selection = Style(reverse: true)
    /// The selection in a pane without focus.
    public static let inactiveSelection = Style(bold: true, underline: true)
    public static let accept = Style(foreground: .green, bold: true)
    public static let reject = Style(foreground: .red, bold: true)
    public static let warning = Style(foreground: .yellow, bold: true)
    public static let alert = Style(foreground: .brightRed, bold: true)
    public static let truth = Style(foreground: .brightMagenta, bold: true)
    public static let bookmark = Style(foreground: .cyan, bold: true)
    public static let positive = Style(foreground: .green)
    public static let negative = Style(foreground: .red)
    public static let status = Style(reverse: true)
    public static let badge = Style(foreground: .black, background: .yellow, bold: true)

    /// The bar colour of temporal tier `index` (short, medium, long, then repeating).
    public static func tierStyle(_ index: Int) -> Style {
        // Yellow, cyan, magenta: apart in every theme and for red–green colour blindness.
        let colors: [Color] = [.yellow, .cyan, .magenta, .blue, .green]
        return Style(foreground: colors[index % colors.count])
    }

    /// Each tier label in its own colour (SPEC §8).
    public static func labelStyle(_ label: InterestLabel) -> Style {
        switch label {
        case .core: Style(foreground: .green, bold: true)
        case .emerging: Style(foreground: .yellow, bold: true)
        case .fading: Style(foreground: .red)
        case .active: Style(foreground: .cyan)
        case .dormant: Style(foreground: .brightBlack)
        }
    }

    /// A signed value in green or red.
    public static func signed(_ value: Double) -> Style {
        value > 0 ? positive : (value < 0 ? negative : muted)
    }
}

/// Characters the panes draw beyond the toolkit's `GlyphSet`, in Unicode or ASCII.
public struct PaneGlyphs: Hashable, Sendable {
    public var expanded: String
    public var collapsed: String
    public var leaf: String
    public var decision: Character
    public var drift: Character
    public var cleared: Character
    public var surprise: Character
    public var labelChange: Character
    public var manyLabelChanges: Character
    public var played: Character
    public var unplayed: Character
    public var cursor: Character
    public var truthMarker: Character
    public var separator: String
    public var play: String
    public var pause: String
    public var accept: String
    public var reject: String
    public var steady: Character
    public var bookmark: Character = "B"

    public init(_ glyphs: GlyphSet) {
        if glyphs.isASCII {
            self.init(expanded: "-", collapsed: "+", leaf: " ", decision: "*", drift: "!", cleared: "o", surprise: "?",
                      labelChange: ".", manyLabelChanges: ":", played: "-", unplayed: " ", cursor: "^", truthMarker: "|",
                      separator: " | ", play: ">", pause: "||", accept: "+", reject: "x", steady: "=")
        } else {
            self.init(expanded: "▾", collapsed: "▸", leaf: "·", decision: "◆", drift: "▲", cleared: "△", surprise: "◇",
                      labelChange: "·", manyLabelChanges: "•", played: "─", unplayed: "┄", cursor: "▲", truthMarker: "┃",
                      separator: " │ ", play: "▶", pause: "‖", accept: "✓", reject: "✗", steady: "→")
            bookmark = "⚑"
        }
    }

    init(expanded: String, collapsed: String, leaf: String, decision: Character, drift: Character, cleared: Character,
         surprise: Character, labelChange: Character, manyLabelChanges: Character, played: Character, unplayed: Character,
         cursor: Character, truthMarker: Character, separator: String, play: String, pause: String, accept: String,
         reject: String, steady: Character) {
        self.expanded = expanded
        self.collapsed = collapsed
        self.leaf = leaf
        self.decision = decision
        self.drift = drift
        self.cleared = cleared
        self.surprise = surprise
        self.labelChange = labelChange
        self.manyLabelChanges = manyLabelChanges
        self.played = played
        self.unplayed = unplayed
        self.cursor = cursor
        self.truthMarker = truthMarker
        self.separator = separator
        self.play = play
        self.pause = pause
        self.accept = accept
        self.reject = reject
        self.steady = steady
    }
}
