#if canImport(Glibc)
import Glibc
#endif
@testable import StrataTUI

/// Helpers shared by the screen and widget tests.
enum TestScreen {
    /// Puts the C library in a UTF-8 locale once, so `wcwidth` measures non-ASCII (NCURSES.md).
    static let utf8Locale: Bool = setlocale(LC_ALL, "C.UTF-8") != nil

    /// A buffer pre-filled with `marker`, so tests see which cells a widget left untouched.
    static func marked(width: Int, height: Int, marker: Character = ".") -> ScreenBuffer {
        _ = utf8Locale
        return ScreenBuffer(width: width, height: height, filledWith: Cell(character: marker))
    }

    /// Renders `widget` into a marked buffer and returns its lines.
    static func lines(of widget: some Widget, width: Int, height: Int, area: Rect? = nil) -> [String] {
        var buffer = marked(width: width, height: height)
        widget.render(into: &buffer, area: area ?? buffer.area)
        return buffer.lines()
    }
}
