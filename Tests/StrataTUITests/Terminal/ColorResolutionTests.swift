import StrataCore
import Testing
@testable import StrataTUI

/// Issue 8 item 19: on 8-colour terminals (TERM=xterm) every grey element — unfocused borders,
/// the "why" column, headers, `dormant` labels, the legend — was drawn in colour 0 and vanished
/// on a dark background. Every style the explorer draws is resolved at 8, 16 and 256 colours
/// and monochrome, with and without the terminal's default colours.
@Suite("Colour resolution")
struct ColorResolutionTests {
    static let colorCounts = [0, 8, 16, 256]
    /// After `use_default_colors` (-1/-1), and ncurses' white on black when it fails.
    static let defaults: [(foreground: Int, background: Int)] = [(-1, -1), (7, 0)]

    /// The theme's named roles.
    static let themeRoles: [(String, Style)] = [
        ("title", ExplorerTheme.title), ("titleDim", ExplorerTheme.titleDim), ("border", ExplorerTheme.border),
        ("focusedBorder", ExplorerTheme.focusedBorder), ("header", ExplorerTheme.header), ("dim", ExplorerTheme.dim),
        ("muted", ExplorerTheme.muted), ("selection", ExplorerTheme.selection),
        ("inactiveSelection", ExplorerTheme.inactiveSelection), ("accept", ExplorerTheme.accept),
        ("reject", ExplorerTheme.reject), ("warning", ExplorerTheme.warning), ("alert", ExplorerTheme.alert),
        ("truth", ExplorerTheme.truth), ("positive", ExplorerTheme.positive), ("negative", ExplorerTheme.negative),
        ("status", ExplorerTheme.status), ("badge", ExplorerTheme.badge),
    ] + (0..<5).map { ("tier \($0)", ExplorerTheme.tierStyle($0)) }
      + InterestLabel.allCases.map { ("label \($0.rawValue)", ExplorerTheme.labelStyle($0)) }

    /// Every style on the explorer's real screens (panes, overlays, notices), so inline styles
    /// and selection patches are covered too.
    static let drawnStyles: Set<Style> = {
        var styles = Set<Style>()
        func collect(_ state: ExplorerState, width: Int = 120, height: Int = 40) {
            var buffer = ScreenBuffer(width: width, height: height)
            ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
            for y in 0..<height { for x in 0..<width { styles.insert(buffer[x, y].style) } }
        }
        let screens: [[Key]] = [
            [], [.char("]")], [.char("]"), .char("t"), .char("a")], [.char("]"), .char("?")], [.char("]"), .enter],
            [.char("]"), .char("u")], [.char("]"), .char("/")], [.char("]"), .tab, .char("j"), .char("r")],
            [.char("]"), .tab, .tab, .up, .up], [.char("]"), .tab, .tab, .tab], [.char(" ")],
        ]
        for keys in screens {
            var state = ExplorerFixtures.demoState()
            ExplorerFixtures.press(keys, on: &state)
            collect(state)
            collect(state, width: 80, height: 24)
        }
        return styles
    }()

    static var everyStyle: [Style] { themeRoles.map(\.1) + Array(drawnStyles) }

    @Test("no style is drawn in the colour of the background it is on", arguments: colorCounts)
    func nothingVanishes(colorCount: Int) {
        for defaults in Self.defaults {
            let resolver = TerminalStyleResolver(colorCount: colorCount, defaultForeground: defaults.foreground,
                                                 defaultBackground: defaults.background)
            for style in Self.everyStyle {
                let resolved = resolver.resolve(style)
                // An unknown default background is assumed dark, as most terminals are.
                let background = resolved.background >= 0 ? resolved.background : 0
                #expect(resolved.foreground < 0 || resolved.foreground != background,
                        "\(style) at \(colorCount) colours, defaults \(defaults): foreground \(resolved.foreground) on \(background)")
                #expect(resolved.foreground < max(colorCount, 0) || resolved.foreground == defaults.foreground || resolved.foreground == -1)
                #expect(resolved.background < max(colorCount, 0) || resolved.background == defaults.background || resolved.background == -1)
            }
        }
    }

    @Test("grey is the default foreground dimmed on 8 colours, palette grey from 16 up")
    func grey() {
        let grey: [(String, Style)] = Self.themeRoles.filter { $0.1.foreground == .brightBlack }
        #expect(grey.map(\.0).sorted() == ["border", "header", "label dormant", "muted", "titleDim"])
        for (name, style) in grey {
            let eight = TerminalStyleResolver(colorCount: 8).resolve(style)
            #expect(eight.foreground == -1 && eight.dim, "\(name) on 8 colours: \(eight)")
            #expect(eight.bold == style.bold, "\(name): grey keeps its own weight")
            for colors in [16, 256] {
                let resolved = TerminalStyleResolver(colorCount: colors).resolve(style)
                #expect(resolved.foreground == 8 && !resolved.dim, "\(name) on \(colors) colours: \(resolved)")
            }
        }
    }

    @Test("bright colours fold onto their base colour in bold on 8 colours")
    func brightOnEight() {
        let resolved = TerminalStyleResolver(colorCount: 8).resolve(Style(foreground: .brightRed))
        #expect(resolved.foreground == 1 && resolved.bold)
        let sixteen = TerminalStyleResolver(colorCount: 16).resolve(Style(foreground: .brightRed))
        #expect(sixteen.foreground == 9 && !sixteen.bold)
        #expect(TerminalStyleResolver(colorCount: 8).resolve(Style(foreground: .indexed(200))).foreground == -1)
    }

    @Test("black text is the dimmed default on a black or default background, kept on a colour")
    func black() {
        let onDefault = TerminalStyleResolver(colorCount: 256).resolve(Style(foreground: .black))
        #expect(onDefault.foreground == -1 && onDefault.dim)
        let noDefaults = TerminalStyleResolver(colorCount: 8, defaultForeground: 7, defaultBackground: 0)
        #expect(noDefaults.resolve(Style(foreground: .black)).foreground == 7)
        let badge = TerminalStyleResolver(colorCount: 8).resolve(ExplorerTheme.badge)
        #expect(badge.foreground == 0 && badge.background == 3 && !badge.dim)
    }

    @Test("monochrome drops colours, keeps attributes, and shows a background as reverse video")
    func monochrome() {
        let resolver = TerminalStyleResolver(colorCount: 0)
        for style in Self.everyStyle {
            let resolved = resolver.resolve(style)
            #expect(resolved.foreground == -1 && resolved.background == -1)
            #expect(resolved.bold == style.bold && resolved.underline == style.underline && resolved.dim == style.dim)
            #expect(resolved.reverse == (style.reverse || style.background != nil))
        }
    }
}
