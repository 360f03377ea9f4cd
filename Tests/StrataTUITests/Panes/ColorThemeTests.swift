import StrataCore
import Testing
@testable import StrataTUI

/// Issue 13, item 6: the colour-blind-safe default and the projector theme, checked on whole
/// frames of the demo as 8-, 16- and 256-colour terminals would draw them.
@Suite("Colour themes")
struct ColorThemeTests {
    static func frame(_ theme: ColorTheme) -> ScreenBuffer {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("]"), .char("a"), .char("t")], on: &state)
        if theme != state.theme { ExplorerFixtures.press([.char("c")], on: &state) }
        #expect(state.theme == theme)
        var buffer = ScreenBuffer(width: 120, height: 40)
        ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
        return buffer
    }

    @Test("standard: no green anywhere, so nothing rests on red against green")
    func standardIsColourBlindSafe() {
        let buffer = Self.frame(.standard)
        let colours = Set(buffer.cells.compactMap(\.style.foreground) + buffer.cells.compactMap(\.style.background))
        #expect(!colours.contains(.green) && !colours.contains(.brightGreen))
        #expect(colours.contains(.brightBlue) && colours.contains(.red))
    }

    @Test("projector: a light background everywhere, no yellow, white or cyan text, at 8, 16 and 256 colours",
          arguments: [8, 16, 256])
    func projector(colors: Int) {
        let buffer = Self.frame(.projector)
        #expect(buffer.cells.allSatisfy { $0.style.background != nil })
        let resolver = TerminalStyleResolver(colorCount: colors)
        let light: Set<Int> = colors < 16 ? [7] : [15]
        let unreadable: Set<Int> = [3, 11, 7, 15, 6, 14]   // yellow, white, cyan on white
        for cell in buffer.cells where cell.glyph != .space {
            let drawn = resolver.resolve(cell.style)
            let (fg, bg) = drawn.reverse ? (drawn.background, drawn.foreground) : (drawn.foreground, drawn.background)
            // Text on the light background is never a light colour; reversed cells (the status
            // line, selections) show light text on dark.
            if light.contains(bg) {
                #expect(!unreadable.contains(fg), "fg \(fg) on bg \(bg) for \(cell.character)")
            }
            #expect(fg != bg, "invisible \(cell.character): fg \(fg) = bg \(bg)")
        }
    }

    @Test("c switches the theme and says so")
    func key() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("c")], on: &state)
        #expect(state.theme == .projector && state.notice?.text == "colour theme: projector")
        ExplorerFixtures.press([.char("c")], on: &state)
        #expect(state.theme == .standard)
    }
}
