/// A terminal colour: one of the 16 named ANSI colours or an index into the 256-colour palette.
///
/// Backends map colours to what the terminal offers; the palette itself is never redefined.
public enum Color: Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow
    case brightBlue, brightMagenta, brightCyan, brightWhite
    /// Entry of the xterm 256-colour palette (0–15 repeat the named colours).
    case indexed(UInt8)

    /// Index into the terminal palette: 0–15 for the named colours, the index itself otherwise.
    public var paletteIndex: Int {
        switch self {
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .brightBlack: 8
        case .brightRed: 9
        case .brightGreen: 10
        case .brightYellow: 11
        case .brightBlue: 12
        case .brightMagenta: 13
        case .brightCyan: 14
        case .brightWhite: 15
        case .indexed(let index): Int(index)
        }
    }

    /// The palette index usable on a terminal with `colorCount` colours, or nil to fall back to
    /// the default colour. Bright colours fold onto their base colour on 8-colour terminals.
    public func paletteIndex(forColorCount colorCount: Int) -> Int? {
        let index = paletteIndex
        if index < colorCount { return index }
        if index < 16 && colorCount >= 8 { return index - 8 }
        return nil
    }
}
